"""Requests per second under gunicorn: every page kind uncached, a cached page, a static file,
a bare WSGI app serving the same bytes (the ceiling), and the workers' memory growth.

gunicorn runs `cms.wsgi` with the production settings (a throwaway SECRET_KEY,
ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT off, DEBUG off), 2 sync workers, static files
collected into a temporary STATIC_ROOT and served by whitenoise. The servers:

* PAGE_CACHE_SECONDS=0: the workers' memory after 1 000 and after 10 000 requests over every
  page kind, then every page kind uncached, then the static file;
* `bench.bare_wsgi` serving the cached page's bytes (the ceiling of this gunicorn here) beside
  PAGE_CACHE_SECONDS=600 with Redis (BENCH_REDIS_URL, default db 15, emptied first) when Redis
  answers, so both workers share one cache (without Redis there is no page cache: a per-process
  cache could not be emptied in every worker, see cms/page_cache.py); their runs alternate.

The client is `wrk` (2 threads, 16 connections) when it is on PATH, else a bounded Python
client with 16 threads. Every target is 127.0.0.1; every loop is bounded by time.
"""

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")  # emptied before the cached runs
CONNECTIONS, THREADS = 16, 2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def production_env(database_url, static_root, media_root, cache_seconds, redis, redis_url=REDIS_URL):
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "PAGE_CACHE_SECONDS": str(cache_seconds),
    })
    env.pop("ELASTICSEARCH_URL", None)
    env.pop("OPENSEARCH_URL", None)
    if redis:
        env["REDIS_URL"] = redis_url
    return env


class Server:
    """A gunicorn process on a free 127.0.0.1 port, stopped by its own pid."""

    def __init__(self, env, workers=2, port=None, extra_args=(), app="cms.wsgi"):
        self.port = port or free_port()
        self.log = tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [GUNICORN, app, "--no-control-socket", "-w", str(workers), "-b", f"127.0.0.1:{self.port}",
             "--log-level", "warning", *extra_args],
            cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )

    def wait(self, path, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {Path(self.log.name).read_text()[-2000:]}")
            try:
                return get(self.port, path)
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer in time")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        Path(self.log.name).unlink(missing_ok=True)


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        connection.close()


# --- clients ------------------------------------------------------------------------------------------

def wrk_run(port, path, seconds):
    output = subprocess.run(  # noqa: S603
        [shutil.which("wrk"), f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, timeout=seconds + 60, check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return rps, int(bad.group(1)) if bad else 0, errors.group(0) if errors else ""


def python_run(port, path, seconds):
    """CONNECTIONS threads, each requesting until the deadline (new connection per request)."""
    deadline = time.monotonic() + seconds
    counts, bad = [0] * CONNECTIONS, [0] * CONNECTIONS

    def worker(number):
        while time.monotonic() < deadline:
            try:
                status, _headers, _body = get(port, path)
            except OSError:
                bad[number] += 1
                continue
            if status == 200:
                counts[number] += 1
            else:
                bad[number] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started
    return sum(counts) / elapsed, sum(bad), ""


def client_name():
    return (f"wrk ({THREADS} threads, {CONNECTIONS} connections)" if shutil.which("wrk")
            else f"Python threaded client ({CONNECTIONS} threads; wrk not on PATH)")


def rps(port, path, seconds, runs):
    run = wrk_run if shutil.which("wrk") else python_run
    results = [run(port, path, seconds) for _ in range(runs)]
    values = [r[0] for r in results]
    return {"rps": statistics.median(values), "runs": values, "bad": sum(r[1] for r in results),
            "socket_errors": "; ".join(r[2] for r in results if r[2])}


# --- the measurement ----------------------------------------------------------------------------------

def collectstatic(env):
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],  # noqa: S603
                   cwd=REPO, env=env, check=True, timeout=600)


def static_path(static_root):
    """The cache-busted name of the site stylesheet, as the pages link it."""
    import json

    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def worker_memory(server):
    """Resident memory of each gunicorn worker (children of the master), in MiB."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
        sizes.append(int(match.group(1)) / 1024)
    return sizes


def round_robin(port, paths, requests, clients=4):
    """`requests` GETs spread over `paths` by `clients` threads; the number that did not answer 200."""
    bad = [0] * clients

    def worker(number):
        for index in range(number, requests, clients):
            try:
                status, _headers, _body = get(port, paths[index % len(paths)])
            except OSError:
                status = None
            if status != 200:
                bad[number] += 1

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(bad)


def memory_growth(server, paths, first=1000, total=10000, out=print):
    """Worker memory after `first` requests over every page kind and again after `total`."""
    bad = round_robin(server.port, paths, first)
    after_first = worker_memory(server)
    out(f"  memory after {first} requests: {', '.join(f'{size:.0f}' for size in after_first)} MiB per worker")
    bad += round_robin(server.port, paths, total - first)
    after_total = worker_memory(server)
    out(f"  memory after {total} requests: {', '.join(f'{size:.0f}' for size in after_total)} MiB per worker")
    growth = max(after / before - 1 for before, after in zip(after_first, after_total, strict=True))
    return {"first": first, "total": total, "after_first": after_first, "after_total": after_total,
            "growth": growth, "bad": bad}


def measure(database_url, media_root, pages, cached_kind, seconds=10, runs=3, memory_requests=10000,
            out=print):
    """requests/s of every page kind in `pages` ({kind: path}) uncached, of `cached_kind` cached,
    of a static file, and of a bare WSGI app serving `cached_kind`'s bytes under the same gunicorn."""
    redis = redis_answers()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    cached_path = pages[cached_kind]
    result = {"client": client_name(), "seconds": seconds, "runs": runs, "workers": 2, "page": cached_path,
              "cached_kind": cached_kind, "uncached": {},
              "cache_backend": REDIS_URL if redis else "none: Redis did not answer, and local memory is per worker"}
    try:
        env = production_env(database_url, static_root, media_root, 0, redis)
        collectstatic(env)
        static = static_path(static_root)
        result["static"] = static
        out(f"  client: {result['client']}, {runs} runs of {seconds} s, gunicorn -w 2 (sync)")
        server = Server(env)
        try:
            status, headers, body = server.wait(cached_path)
            assert status == 200, f"{cached_path} answered {status}"
            assert "X-Page-Cache" not in headers
            if memory_requests:
                result["memory"] = memory_growth(server, list(pages.values()), total=memory_requests, out=out)
            for kind, path in pages.items():
                status, _headers, _body = get(server.port, path)
                assert status == 200, f"{path} answered {status}"
                result["uncached"][kind] = rps(server.port, path, seconds, runs)
                out(f"  uncached {kind} {path}: {result['uncached'][kind]['rps']:.0f} rps")
            status, _headers, _body = get(server.port, static)
            assert status == 200, f"{static} answered {status}"
            result["static_file"] = rps(server.port, static, seconds, runs)
            out(f"  static file {static}: {result['static_file']['rps']:.0f} rps")
        finally:
            server.stop()

        body_file = static_root / "bare-body.html"
        body_file.write_bytes(body)
        if redis:
            import redis as redis_client

            redis_client.Redis.from_url(REDIS_URL).flushdb()
        # The ceiling and the cached page side by side, their runs taken in turn: a drift in
        # this machine's speed (other processes, CPU frequency) then touches both alike, and
        # their ratio, the figure that matters, is read from runs minutes apart at most.
        bare = Server({**env, "BENCH_BARE_BODY": str(body_file)}, app="bench.bare_wsgi")
        cached = Server(production_env(database_url, static_root, media_root, 600, redis))
        try:
            bare.wait("/")
            cached.wait(cached_path)
            for _ in range(4):  # fill the cache (each worker, if there is no shared cache)
                status, headers, _body = get(cached.port, cached_path)
            result["cache_header"] = headers.get("X-Page-Cache", "absent")
            out(f"  cached page: X-Page-Cache: {result['cache_header']}")
            turns = [(rps(bare.port, "/", seconds, 1), rps(cached.port, cached_path, seconds, 1)) for _ in range(runs)]
            result["bare"], result["cached"] = (
                {"rps": statistics.median(values), "runs": values, "bad": sum(one[index]["bad"] for one in turns),
                 "socket_errors": "; ".join(one[index]["socket_errors"] for one in turns if one[index]["socket_errors"])}
                for index, values in enumerate(([one[0]["rps"] for one in turns], [one[1]["rps"] for one in turns]))
            )
            result["cached"]["paired_shares"] = [one[1]["rps"] / one[0]["rps"] for one in turns]
            out(f"  bare WSGI app ({len(body)} bytes of {cached_path}): {result['bare']['rps']:.0f} rps")
            out(f"  cached page {cached_path}: {result['cached']['rps']:.0f} rps "
                f"(runs in turn with the bare app: {', '.join(f'{share:.0%}' for share in result['cached']['paired_shares'])} of it)")
        finally:
            bare.stop()
            cached.stop()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    return result
