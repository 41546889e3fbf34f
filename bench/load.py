"""Requests per second under gunicorn: an uncached page, a cached page and a static file.

gunicorn runs `cms.wsgi` with the production settings (a throwaway SECRET_KEY,
ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT off, DEBUG off), 2 sync workers, static files
collected into a temporary STATIC_ROOT and served by whitenoise. Twice:

* PAGE_CACHE_SECONDS=0: the uncached page and the static file;
* PAGE_CACHE_SECONDS=600 with REDIS_URL (db 15, emptied first) when Redis answers, so
  both workers share one cache; without Redis there is no page cache (a per-process cache
  could not be emptied in every worker, see cms/page_cache.py).

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
REDIS_URL = "redis://127.0.0.1:6379/15"
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

    def __init__(self, env, workers=2, port=None, extra_args=()):
        self.port = port or free_port()
        self.log = tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [GUNICORN, "cms.wsgi", "--no-control-socket", "-w", str(workers), "-b", f"127.0.0.1:{self.port}",
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


def measure(database_url, media_root, page_path, seconds=10, runs=3, out=print):
    redis = redis_answers()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    result = {"client": client_name(), "seconds": seconds, "runs": runs, "workers": 2, "page": page_path,
              "cache_backend": "Redis db 15" if redis else "none: Redis did not answer, and local memory is per worker"}
    try:
        env = production_env(database_url, static_root, media_root, 0, redis)
        collectstatic(env)
        static = static_path(static_root)
        result["static"] = static
        out(f"  client: {result['client']}, {runs} runs of {seconds} s, gunicorn -w 2 (sync)")
        server = Server(env)
        try:
            status, headers, _body = server.wait(page_path)
            assert status == 200, f"{page_path} answered {status}"
            assert "X-Page-Cache" not in headers
            result["uncached"] = rps(server.port, page_path, seconds, runs)
            out(f"  uncached page {page_path}: {result['uncached']['rps']:.0f} rps")
            status, _headers, _body = get(server.port, static)
            assert status == 200, f"{static} answered {status}"
            result["static_file"] = rps(server.port, static, seconds, runs)
            out(f"  static file {static}: {result['static_file']['rps']:.0f} rps")
        finally:
            server.stop()

        if redis:
            import redis as redis_client

            redis_client.Redis.from_url(REDIS_URL).flushdb()
        env = production_env(database_url, static_root, media_root, 600, redis)
        server = Server(env)
        try:
            server.wait(page_path)
            for _ in range(4):  # fill the cache (each worker, if there is no shared cache)
                status, headers, _body = get(server.port, page_path)
            result["cache_header"] = headers.get("X-Page-Cache", "absent")
            out(f"  cached page: X-Page-Cache: {result['cache_header']}")
            result["cached"] = rps(server.port, page_path, seconds, runs)
            out(f"  cached page {page_path}: {result['cached']['rps']:.0f} rps")
        finally:
            server.stop()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    return result
