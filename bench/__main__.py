"""`python -m bench` (what `make bench` runs): dataset, render figures, load figures, report.

Steps, each printed as it runs:

1. The small dataset: the demo site (`migrate` + `load_demo_content`), built once in
   bench/data/small.sqlite3 (or `<name>_small` on PostgreSQL) and reused.
2. The large dataset: a copy of the small one plus generated pages (bench.dataset), in
   bench/data/bench.sqlite3 or BENCH_DATABASE_URL; reused when its row counts are complete.
3. Query count and render latency per public page type on both datasets (bench.render),
   in child processes with bench.settings.
4. Under gunicorn on the large dataset (bench.load): requests per second of every page kind
   uncached, of a cached page, of a bare WSGI app serving the same bytes (the ceiling), and
   the workers' memory after 1 000 and 10 000 requests.
5. The table, printed and written to bench/results.md.

Options: --runs N (timed renders per page type, default 30), --seconds S (per load run,
default 10), --load-runs N (default 3), --no-load (skip gunicorn), --memory-requests N (default
10000, 0 skips the memory reading), --budget S (maximum
seconds of timed renders per page type, default 60; a page slower than that gets fewer runs,
at least 5, and the table says how many).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from cms.sqlite_copy import copy_database

from . import load, report

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
PYTHON = sys.executable


def out(message=""):
    print(message, flush=True)


def database_urls():
    """(large URL, small URL) from BENCH_DATABASE_URL, or the SQLite files in bench/data."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        return f"sqlite:///{DATA_DIR / 'bench.sqlite3'}", f"sqlite:///{DATA_DIR / 'small.sqlite3'}"
    parts = urlparse(url)
    if parts.scheme.startswith("sqlite"):
        path = Path(parts.path)
        return url, f"sqlite:///{path.with_name(path.stem + '_small' + path.suffix)}"
    if parts.scheme.startswith("postgres"):
        name = parts.path.lstrip("/")
        return url, urlunparse(parts._replace(path=f"/{name}_small"))
    raise SystemExit(f"BENCH_DATABASE_URL: only sqlite:// and postgres:// are supported, not {parts.scheme}")


def child_env(database_url):
    env = dict(os.environ)
    env.update({"DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_ACTIVE_DATABASE_URL": database_url,
                "BENCH_MEDIA_ROOT": str(DATA_DIR / "media"), "PYTHONUNBUFFERED": "1"})
    return env


def run(args, database_url, **kwargs):
    return subprocess.run([PYTHON, *args], cwd=REPO, env=child_env(database_url), check=True, **kwargs)  # noqa: S603


def status(database_url):
    """What the database holds, or None if it has no schema yet."""
    result = subprocess.run(  # noqa: S603
        [PYTHON, "-m", "bench.dataset", "status"], cwd=REPO, env=child_env(database_url),
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- databases --------------------------------------------------------------------------------------

def is_postgres(url):
    return urlparse(url).scheme.startswith("postgres")


def postgres_admin(url):
    import psycopg

    parts = urlparse(url)
    return psycopg.connect(urlunparse(parts._replace(path="/postgres")), autocommit=True), parts.path.lstrip("/")


def database_exists(url):
    if not is_postgres(url):
        return Path(urlparse(url).path).exists()
    connection, name = postgres_admin(url)
    with connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def create_database(url, template_url=None):
    if not is_postgres(url):
        target = Path(urlparse(url).path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if template_url:
            copy_database(urlparse(template_url).path, target)
        return
    from psycopg import sql

    connection, name = postgres_admin(url)
    with connection:
        if template_url:
            template = urlparse(template_url).path.lstrip("/")
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [template])
            connection.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)))
        else:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def ensure_small(url):
    found = status(url) if database_exists(url) else None
    if found and found["pages"] > 1:
        out(f"small dataset (demo site): reused, {found['pages']} pages")
        return found
    if not database_exists(url):
        create_database(url)
    out("small dataset (demo site): migrate + load_demo_content (a few minutes, once)")
    started = time.perf_counter()
    run(["manage.py", "migrate", "--noinput", "-v0"], url)
    run(["manage.py", "load_demo_content"], url, stdout=subprocess.DEVNULL)
    out(f"  built in {time.perf_counter() - started:.0f} s")
    return status(url)


def ensure_large(url, small_url):
    if not database_exists(url):
        out("large dataset: copying the demo site")
        create_database(url, template_url=small_url)
    out("large dataset: generating what is missing (reused when complete)")
    started = time.perf_counter()
    run(["-m", "bench.dataset", "generate"], url)
    found = status(url)
    out(f"  ready in {time.perf_counter() - started:.0f} s")
    return found


def render(url, label, runs, budget):
    out(f"render figures on the {label} dataset ({runs} timed runs per page type, page cache off)")
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        target = Path(handle.name)
    try:
        run(["-m", "bench.render", str(target), "--runs", str(runs), "--budget", str(budget)], url)
        return json.loads(target.read_text())
    finally:
        target.unlink(missing_ok=True)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--load-runs", type=int, default=3)
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--load-on", choices=("demo", "large"), default="demo",
                        help="the dataset served under load: the demo site, as in issue 19's side-by-side "
                             "run with bakerydemo's demo (default), or the large one")
    parser.add_argument("--memory-requests", type=int, default=10000,
                        help="requests over every page kind before the second memory reading (0: skip)")
    parser.add_argument("--results", default=str(BENCH_DIR / "results.md"))
    options = parser.parse_args(argv)

    large_url, small_url = database_urls()
    started = time.perf_counter()
    out(f"benchmark database: {report.safe_url(large_url)} (small: {report.safe_url(small_url)})")
    load_average = os.getloadavg()
    small_status = ensure_small(small_url)
    large_status = ensure_large(large_url, small_url)

    small = render(small_url, "small (demo)", options.runs, options.budget)
    large = render(large_url, "large (generated)", options.runs, options.budget)
    load_result = None
    if not options.no_load:
        pages = {kind: row["url"] for kind, row in large["pages"].items() if row["status"] == 200}
        cached_kind = "practice model" if "practice model" in pages else "home"
        dataset = "demo dataset (the demo site)" if options.load_on == "demo" else "large dataset"
        out(f"load under gunicorn on the {dataset} ({len(pages)} page kinds)")
        load_result = load.measure(small_url if options.load_on == "demo" else large_url, DATA_DIR / "media", pages, cached_kind, seconds=options.seconds,
                                   runs=options.load_runs, memory_requests=options.memory_requests, out=out)
        load_result["dataset"] = dataset
    machine = report.machine(large_url, load_average)
    publish(report.build(machine, small_status, large_status, small, large, load_result), options.results, started)


def publish(text, results_path, started):
    """Print the report and write it to results_path."""
    out()
    out(text)
    Path(results_path).write_text(text)
    out(f"written to {results_path} (total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
