"""The benchmark's Markdown report: machine, datasets, tables, goals and the query offenders."""

import datetime
import os
import platform
import re
import statistics
from urllib.parse import urlparse, urlunparse

DETAIL_MS = 50
DETAIL_PAGES = ["standard page", "pilot report", "practice model", "practice call", "material detail", "blog post"]
LISTING_PAGES = ["project page", "practice index", "material index", "blog index"]
# Query budgets per page kind (issue 19), held at the demo size and at the large size.
DETAIL_QUERIES, LISTING_QUERIES, SEARCH_QUERIES = 10, 14, 14
# Uncached requests/s as a share of the bare WSGI app's in the same run: twice what
# Wagtail's bakerydemo reached (issue 19). A cached page: at least 60 %.
DETAIL_SHARE, LISTING_SHARE, HOME_SEARCH_SHARE, CACHED_SHARE = 0.026, 0.015, 0.0095, 0.60
MEMORY_GROWTH = 0.20


def query_budget(page_type):
    if page_type in DETAIL_PAGES:
        return DETAIL_QUERIES
    return SEARCH_QUERIES if page_type == "search results" else LISTING_QUERIES


def share_target(page_type):
    if page_type in DETAIL_PAGES:
        return DETAIL_SHARE
    return LISTING_SHARE if page_type in LISTING_PAGES else HOME_SEARCH_SHARE


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
        "| page type | URL | queries (demo) | queries (large) | after a publish (demo / large) | budget | median ms "
        "| p95 ms | runs |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    over, over_after, growing, slow = [], [], [], []
    for page_type, row in large["pages"].items():
        small_row = small["pages"].get(page_type, {})
        small_queries = small_row.get("queries", "–")
        budget = query_budget(page_type)
        if row["queries"] > budget or small_row.get("queries", 0) > budget:
            over.append(f"{page_type} ({max(row['queries'], small_row.get('queries', 0))} > {budget})")
        after_changes = [r.get("queries_after_change", 0) for r in (row, small_row)]
        if max(after_changes) > budget:
            over_after.append(f"{page_type} ({max(after_changes)} > {budget})")
        if small_row and row["queries"] > small_row["queries"]:
            growing.append(f"{page_type} ({small_row['queries']} → {row['queries']})")
        if page_type in DETAIL_PAGES and row["median_ms"] > DETAIL_MS:
            slow.append(f"{page_type} ({row['median_ms']:.0f} ms)")
        status = "" if row["status"] == 200 else f" (HTTP {row['status']})"
        after = f"{small_row.get('queries_after_change', '–')} / {row.get('queries_after_change', '–')}"
        lines.append(f"| {page_type} | `{row['url']}`{status} | {small_queries} | {row['queries']} | {after} | {budget} | "
                     f"{row['median_ms']:.1f} | {row['p95_ms']:.1f} | {row['runs']} |")
    for page_type in large.get("skipped", []):
        lines.append(f"| {page_type} | (no such page in this tree) | | | | | | | |")
    search = large["search"]
    lines += [
        "",
        f"**Search latency** (the whole /search/ page, {search['queries']} different queries in fi/sv/en, "
        f"{search['runs']} requests): median {search['median_ms']:.1f} ms, p95 {search['p95_ms']:.1f} ms "
        f"(demo dataset: median {small['search']['median_ms']:.1f} ms).",
    ]
    shares_short = []
    if load_result:
        bare = load_result.get("bare", {}).get("rps")
        lines += [
            "",
            f"## Load (gunicorn `cms.wsgi` -w {load_result['workers']} sync, production settings, "
            f"{load_result['client']}, {load_result['seconds']} s per run, median of {load_result['runs']} runs)",
            "",
            f"{load_result.get('dataset', 'large dataset').capitalize()}. Page cache: {load_result['cache_backend']}. The client runs on the same "
            "CPUs as the server. Share: requests/s as a fraction of the bare WSGI app's in this run; "
            "target: twice bakerydemo's share (issue 19). Uncached: the page cache off; the site frame "
            "and the answers kept until what the public sees changes (`cms.visibility.kept_for_the_public`: "
            "the route and the routed page with the relations its view reads, translations, related practices, "
            "listing blocks, terms and counts) are in Redis, as in production; the first request after a "
            "publish reads them again (its queries: the render table).",
            "",
            "| target | requests/s (median) | runs | non-2xx | share of bare WSGI | target share |",
            "|---|---:|---|---:|---:|---:|",
        ]

        def row_line(label, row, target=None):
            runs = ", ".join(f"{value:.0f}" for value in row["runs"])
            share = f"{row['rps'] / bare:.2%}" if bare else "–"
            wanted = f"≥ {target:.2%}" if target else ""
            return f"| {label} | {row['rps']:.0f} | {runs} | {row['bad']} | {share} | {wanted} |"

        for page_type, row in load_result.get("uncached", {}).items():
            target = share_target(page_type)
            url = large["pages"].get(page_type, {}).get("url", "?")
            lines.append(row_line(f"uncached {page_type} `{url}`", row, target))
            if bare and row["rps"] / bare < target:
                shares_short.append(f"{page_type} ({row['rps'] / bare:.2%} < {target:.2%})")
        if "cached" in load_result:
            lines.append(row_line(f"cached {load_result.get('cached_kind', 'page')} `{load_result['page']}` "
                                  f"(X-Page-Cache: {load_result.get('cache_header')})", load_result["cached"],
                                  CACHED_SHARE))
        if "static_file" in load_result:
            lines.append(row_line(f"static file `{load_result.get('static')}` (whitenoise)", load_result["static_file"]))
        if bare:
            lines.append(row_line(f"bare WSGI app (the bytes of `{load_result['page']}`)", load_result["bare"]))
        memory = load_result.get("memory")
        if memory:
            readings = ", ".join(f"{before:.0f} → {after:.0f}" for before, after in
                                 zip(memory["after_first"], memory["after_total"], strict=True))
            lines += ["", f"**Memory** per gunicorn worker after {memory['first']} and after {memory['total']} "
                      f"requests over every page kind (MiB): {readings}; largest growth {memory['growth']:.1%} "
                      f"({memory['bad']} non-200)."]
    lines += ["", "## Goals", ""]
    lines.append(f"- Query budgets (detail pages ≤ {DETAIL_QUERIES}, home and listings ≤ {LISTING_QUERIES}, search "
                 f"≤ {SEARCH_QUERIES}) at both sizes: {verdict(not over)}"
                 f"{' (over: ' + ', '.join(over) + ')' if over else ''}.")
    lines.append(f"- The same budgets on the first request after a publish (nothing kept): {verdict(not over_after)}"
                 f"{' (over: ' + ', '.join(over_after) + ')' if over_after else ''}.")
    lines.append(f"- No page kind makes more queries at the large size than at the demo size: "
                 f"{verdict(not growing)}{' (more: ' + ', '.join(growing) + ')' if growing else ''}.")
    lines.append(f"- Uncached detail pages ({', '.join(DETAIL_PAGES)}) median render at most {DETAIL_MS} ms: "
                 f"{verdict(not slow)}{' (slower: ' + ', '.join(slow) + ')' if slow else ''}.")
    if load_result and load_result.get("bare"):
        bare = load_result["bare"]["rps"]
        lines.append(f"- Every page kind uncached at least twice bakerydemo's share of the bare WSGI app: "
                     f"{verdict(not shares_short)}{' (short: ' + ', '.join(shares_short) + ')' if shares_short else ''}.")
        if "cached" in load_result:
            paired = load_result["cached"].get("paired_shares")
            ratio = statistics.median(paired) if paired else load_result["cached"]["rps"] / bare
            pairs = f"; median of its runs taken in turn with the bare app's: {', '.join(f'{share:.0%}' for share in paired)}" if paired else ""
            lines.append(f"- A cached page at least {CACHED_SHARE:.0%} of the bare WSGI app's requests/s: "
                         f"{verdict(ratio >= CACHED_SHARE)} ({ratio:.0%}{pairs}).")
    if load_result and load_result.get("memory"):
        growth = load_result["memory"]["growth"]
        lines.append(f"- Worker memory after {load_result['memory']['total']} requests within "
                     f"{MEMORY_GROWTH:.0%} of its size after {load_result['memory']['first']}: "
                     f"{verdict(growth <= MEMORY_GROWTH)} ({growth:.1%}).")
    heavy = [page_type for page_type, row in large["pages"].items() if row["queries"] > query_budget(page_type)]
    if heavy:
        lines += ["", "## Where the queries come from (pages over their budget, large dataset)", ""]
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
