"""`python -m bench.search` (`make bench-search`): the search page's work on SQLite, PostgreSQL and
OpenSearch in one run, and what an OpenSearch node costs to start and to fill.

Steps, each printed as it runs:

1. A throwaway single-node OpenSearch on two free ports (`scripts/services.sh` with a state
   folder of its own, stopped at the end): seconds from start to a healthy cluster.
2. The demo site (bench/data/small.sqlite3, built once as for `make bench`): `update_index`
   into that node, seconds.
3. The generated dataset of `manage.py search_benchmark` (10 000 StandardPages in fi/sv/en by
   default), built once and reused, in bench/data/search.sqlite3 and in the PostgreSQL database
   BENCH_SEARCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_search);
   `update_index` of the PostgreSQL one into the node, seconds.
4. `search_benchmark` on SQLite (FTS5), on PostgreSQL (search.backends.postgres) and on OpenSearch
   over the same PostgreSQL database: median and p95 of facet counts + result count + first page.

The table is printed and written to bench/results-search.md. Options: --pages N (default
10 000), --queries N (default 200), --results FILE; the node's ports: BENCH_OPENSEARCH_PORT,
BENCH_OPENSEARCH_TRANSPORT_PORT (default: free ones).
"""

import argparse
import json
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from . import report
from .__main__ import DATA_DIR, PYTHON, REPO, child_env, create_database, database_exists, ensure_small, out, publish
from .load import free_port

SERVICES = REPO / "scripts" / "services.sh"
GOAL_P95_MS = 50


def run(args, database_url, engine_url=None, **kwargs):
    env = child_env(database_url)
    if engine_url:
        env["BENCH_OPENSEARCH_URL"] = engine_url
    return subprocess.run([PYTHON, *args], cwd=REPO, env=env, check=True, **kwargs)  # noqa: S603


def timed(label, args, database_url, engine_url=None):
    out(f"{label} ...")
    started = time.perf_counter()
    run(args, database_url, engine_url, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    out(f"  {seconds:.1f} s")
    return seconds


class Node:
    """An OpenSearch node of the benchmark's own, on free ports, stopped by the services script."""

    def __init__(self):
        self.state = tempfile.mkdtemp(prefix="bench-opensearch-")
        self.port = int(os.environ.get("BENCH_OPENSEARCH_PORT") or free_port())
        transport_port = int(os.environ.get("BENCH_OPENSEARCH_TRANSPORT_PORT") or free_port())
        self.env = dict(os.environ, SERVICES="opensearch", SERVICES_STATE_DIR=self.state,
                        OPENSEARCH_PORT=str(self.port), OPENSEARCH_TRANSPORT_PORT=str(transport_port))
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        result = subprocess.run([str(SERVICES), "start"], env=self.env, capture_output=True, text=True)  # noqa: S603
        for line in result.stdout.splitlines():
            if line.startswith("OpenSearch:"):
                out(f"  {line}")
        if result.returncode != 0:
            raise SystemExit(f"the OpenSearch node did not start:\n{result.stdout}\n{result.stderr}")
        return float(re.search(r"healthy after ([\d.]+) s", result.stdout).group(1))

    def stop(self):
        subprocess.run([str(SERVICES), "stop"], env=self.env, capture_output=True, check=False)  # noqa: S603


def ensure_migrated(url):
    if not database_exists(url):
        create_database(url)
    run(["manage.py", "migrate", "--noinput", "-v0"], url)


def latency(label, database_url, pages, queries, engine_url=None):
    out(f"search_benchmark on {label} ({pages} pages, {queries} queries)")
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        target = Path(handle.name)
    try:
        run(["manage.py", "search_benchmark", "--pages", str(pages), "--queries", str(queries), "--json", str(target)],
            database_url, engine_url)
        return json.loads(target.read_text())
    finally:
        target.unlink(missing_ok=True)


def table(info, start_seconds, demo_index, demo_pages, large_index, rows):
    lines = [
        "# Search benchmark: SQLite, PostgreSQL and OpenSearch",
        "",
        f"{info['date']}; {info['cpus']} CPUs ({info['cpu']}), {info['memory']}; Python {info['python']}; "
        f"{info['versions']}; load average at the start {info['load']}. `python -m bench.search`.",
        "",
        "Timed: the search page's work (`search.views.run_search`: facet counts, result count, first "
        "page of ten) for one- and two-word queries in fi/sv/en, in one process, after a warm-up.",
        "",
        "| backend | pages | queries | median ms | p95 ms | max ms | median hits |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, figures in rows:
        lines.append(f"| {label} | {figures['pages']:,} | {figures['queries']} | {figures['median_ms']:.1f} | "
                     f"{figures['p95_ms']:.1f} | {figures['max_ms']:.1f} | {figures['median_hits']:.0f} |"
                     .replace(",", " "))
    opensearch = dict(rows)["OpenSearch 2.19 (single node)"]
    lines += [
        "",
        f"- OpenSearch node (scripts/services.sh, launcher already built): start to healthy {start_seconds:.1f} s.",
        f"- `update_index` of the demo site ({demo_pages} pages) into OpenSearch: {demo_index:.1f} s.",
        f"- `update_index` of the {opensearch['pages']:,} generated pages (and the rest of that database) "
        f"into OpenSearch: {large_index:.1f} s.".replace(",", " "),
        f"- Goal p95 ≤ {GOAL_P95_MS} ms on OpenSearch: {report.verdict(opensearch['p95_ms'] <= GOAL_P95_MS)}.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--results", default=str(Path(__file__).resolve().parent / "results-search.md"))
    options = parser.parse_args(argv)
    started = time.perf_counter()
    info = report.machine("", os.getloadavg())
    postgres_url = os.environ.get("BENCH_SEARCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_search")
    sqlite_url = f"sqlite:///{DATA_DIR / 'search.sqlite3'}"
    demo_url = f"sqlite:///{DATA_DIR / 'small.sqlite3'}"

    node = Node()
    try:
        out("OpenSearch: a throwaway single node")
        start_seconds = node.start()
        demo = ensure_small(demo_url)
        demo_index = timed("update_index of the demo site into OpenSearch", ["manage.py", "update_index"], demo_url,
                           node.url)

        rows = []
        ensure_migrated(sqlite_url)
        rows.append(("SQLite FTS5 (database backend)", latency("SQLite", sqlite_url, options.pages, options.queries)))
        ensure_migrated(postgres_url)
        rows.append(("PostgreSQL (search.backends.postgres)",
                     latency(report.safe_url(postgres_url), postgres_url, options.pages, options.queries)))
        large_index = timed("update_index of the generated pages into OpenSearch", ["manage.py", "update_index"],
                            postgres_url, node.url)
        rows.append(("OpenSearch 2.19 (single node)",
                     latency("OpenSearch", postgres_url, options.pages, options.queries, node.url)))
    finally:
        node.stop()

    publish(table(info, start_seconds, demo_index, demo["pages"], large_index, rows), options.results, started)


if __name__ == "__main__":
    main()
