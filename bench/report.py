"""The benchmark's Markdown report: machine, datasets, tables, goals and the query offenders."""

import datetime
import os
import platform
import re
from urllib.parse import urlparse, urlunparse

QUERY_LIMIT = 20
DETAIL_MS = 50
DETAIL_PAGES = ["standard page", "pilot report", "practice model", "practice call", "material detail", "blog post"]


def safe_url(url):
    parts = urlparse(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunparse(parts)


def machine(database_url, load_average):
    def read(path):
        try:
            with open(path) as handle:
                return handle.read()
        except OSError:
            return ""

    cpu = re.search(r"model name\s*:\s*(.+)", read("/proc/cpuinfo"))
    memory = re.search(r"MemTotal:\s+(\d+) kB", read("/proc/meminfo"))
    from importlib.metadata import version

    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "memory": f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "?",
        "python": platform.python_version(),
        "versions": f"Django {version('django')}, Wagtail {version('wagtail')}, gunicorn {version('gunicorn')}",
        "database_url": safe_url(database_url),
        "load": " ".join(f"{value:.2f}" for value in load_average),
    }


def sizes(found):
    rows = []
    for family in found["families"].values():
        locales = ", ".join(f"{code} {n}" for code, n in sorted(family["by_locale"].items()))
        extra = f"; {family['versions']} language versions in all" if "versions" in family else ""
        rows.append(f"{family['all']} {family['label']} ({family['generated']} generated of "
                    f"{family['target']} targeted: {locales}; {family['aliases']} of them aliases{extra})")
    return rows


def verdict(ok):
    return "met" if ok else "**not met**"


def build(info, small_status, large_status, small, large, load_result):  # noqa: C901, PLR0912, PLR0915
    lines = [
        "# Benchmark results",
        "",
        f"`make bench` on {info['date']}: {info['cpus']} CPUs ({info['cpu']}), {info['memory']} memory, "
        f"load average {info['load']} at the start (other processes share this machine), Python {info['python']}, "
        f"{info['versions']}, {large_status['database']} (`{info['database_url']}`).",
        "",
        f"**Large dataset**: {large_status['pages']} pages in all, including:",
        "",
        *[f"- {row}" for row in sizes(large_status)],
        "",
        f"**Small dataset**: the demo site, {small_status['pages']} pages in fi/sv/en.",
        "",
        f"## Render (Django test client, page cache off, DEBUG off; median/p95 of up to {large['runs']} runs)",
        "",
        "| page type | URL | queries (demo) | queries (large) | median ms | p95 ms | runs |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    over, growing, slow = [], [], []
    for page_type, row in large["pages"].items():
        small_row = small["pages"].get(page_type, {})
        small_queries = small_row.get("queries", "–")
        if row["queries"] > QUERY_LIMIT or small_row.get("queries", 0) > QUERY_LIMIT:
            over.append(page_type)
        if small_row and small_row["queries"] != row["queries"]:
            growing.append(f"{page_type} ({small_row['queries']} → {row['queries']})")
        if page_type in DETAIL_PAGES and row["median_ms"] > DETAIL_MS:
            slow.append(f"{page_type} ({row['median_ms']:.0f} ms)")
        status = "" if row["status"] == 200 else f" (HTTP {row['status']})"
        lines.append(f"| {page_type} | `{row['url']}`{status} | {small_queries} | {row['queries']} | "
                     f"{row['median_ms']:.1f} | {row['p95_ms']:.1f} | {row['runs']} |")
    for page_type in large.get("skipped", []):
        lines.append(f"| {page_type} | (no such page in this tree) | | | | | |")
    search = large["search"]
    lines += [
        "",
        f"**Search latency** (the whole /search/ page, {search['queries']} different queries in fi/sv/en, "
        f"{search['runs']} requests): median {search['median_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms "
        f"(demo dataset: median {small['search']['median_ms']:.1f} ms).",
    ]
    if load_result:
        lines += [
            "",
            f"## Load (gunicorn `cms.wsgi` -w {load_result['workers']} sync, production settings, "
            f"{load_result['client']}, {load_result['seconds']} s per run, median of {load_result['runs']} runs)",
            "",
            f"Page: `{load_result['page']}` (large dataset). Page cache: {load_result['cache_backend']}. "
            "The client runs on the same 2 CPUs as the server.",
            "",
            "| target | requests/s (median) | runs | non-2xx |",
            "|---|---:|---|---:|",
        ]
        for key, label in (("uncached", "uncached page (PAGE_CACHE_SECONDS=0)"),
                           ("cached", f"cached page (X-Page-Cache: {load_result.get('cache_header')})"),
                           ("static_file", f"static file `{load_result.get('static')}` (whitenoise)")):
            if key in load_result:
                row = load_result[key]
                runs = ", ".join(f"{value:.0f}" for value in row["runs"])
                lines.append(f"| {label} | {row['rps']:.0f} | {runs} | {row['bad']} |")
    lines += ["", "## Goals", ""]
    lines.append(f"- Every public page type at most {QUERY_LIMIT} queries: "
                 f"{verdict(not over)}{' (over: ' + ', '.join(over) + ')' if over else ''}.")
    lines.append(f"- The same count at the demo size and at the large size: "
                 f"{verdict(not growing)}{' (differs: ' + ', '.join(growing) + ')' if growing else ''}.")
    lines.append(f"- Uncached detail pages ({', '.join(DETAIL_PAGES)}) median render at most {DETAIL_MS} ms: "
                 f"{verdict(not slow)}{' (slower: ' + ', '.join(slow) + ')' if slow else ''}.")
    if load_result and "cached" in load_result and "static_file" in load_result:
        ratio = load_result["cached"]["rps"] / load_result["static_file"]["rps"]
        lines.append(f"- A cached page at least half the static file's requests/s: {verdict(ratio >= 0.5)} "
                     f"({ratio:.0%}).")
    heavy = [page_type for page_type, row in large["pages"].items() if row["queries"] > QUERY_LIMIT]
    if heavy:
        lines += ["", f"## Where the queries come from (pages over {QUERY_LIMIT}, large dataset)", ""]
        for page_type in heavy:
            row = large["pages"][page_type]
            lines += [f"### {page_type}: {row['queries']} queries", "",
                      "| n | table | caller | project code | template |", "|---:|---|---|---|---|"]
            for source in row["sources"]:
                lines.append(f"| {source['count']} | {source['table']} | `{source['caller']}` | "
                             f"`{source['code']}` | `{source['template']}` |")
            if row["offenders"]:
                lines += ["", "Repeated statements:", ""]
                for offender in row["offenders"]:
                    lines.append(f"- {offender['count']}× `{offender['sql'][:150]}…`")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
