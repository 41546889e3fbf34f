"""A page made private in the admin disappears for every worker at once (issue 14, "Shows").

gunicorn serves the site with production settings and 2 sync workers: first with the local-memory
cache (no REDIS_URL: each worker's cache is its own, so no page is cached), then with Redis
when it answers (one shared cache, emptied by the admin's change). An editor makes a post
private through the admin's privacy dialog; of the next 50 anonymous requests for the post
and 50 for the blog index, none gets the post's title.

The server listens on GUNICORN_TEST_PORT if set (else a free port) and is stopped by its pid.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.load import Server, get, production_env, redis_answers
from tests.conftest import copy_of_the_migrated_database

PROJECT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
PASSWORD = "toimittajan-salasana-9"
REQUESTS = 50

SETUP = """
import django
django.setup()
from tests.visibility.workers_site import build
build(%r)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Production settings (static files aside, see production_settings.py) on a fresh SQLite database
    (a copy of the run's migrated one, tests/conftest.py, where there is one)."""
    workdir = tmp_path_factory.mktemp("workers")
    env = production_env(f"sqlite:///{workdir / 'site.sqlite3'}", workdir / "static", workdir / "media", 600, False)
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    env["DJANGO_SETTINGS_MODULE"] = "tests.visibility.production_settings"
    env.pop("REDIS_URL", None)
    commands = [["-c", SETUP % PASSWORD]]
    if not copy_of_the_migrated_database(workdir / "site.sqlite3"):
        commands.insert(0, ["manage.py", "migrate", "--noinput", "-v0"])
    for command in commands:
        result = subprocess.run([sys.executable, *command], cwd=PROJECT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]
    return env, json.loads(result.stdout.strip().splitlines()[-1])


class Editor:
    """An editor in the admin over HTTP, sending cookies itself (production marks them Secure)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, data=None):
        import http.client
        from urllib.parse import urlencode

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",  # the proxy in front of production terminates TLS
            "Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers.update({
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://127.0.0.1:{self.port}",
                "Referer": f"https://127.0.0.1:{self.port}{path}",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            })
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";")[0]
            return response.status, response.read().decode(errors="replace")
        finally:
            connection.close()

    def log_in(self):
        status, page = self.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _ = self.request(
            "POST", "/admin/login/", {"username": "toimittaja", "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        assert status == 302, "the editor could not log in"

    def make_private(self, page_id):
        status, body = self.request("POST", f"/admin/pages/{page_id}/privacy/", {"restriction_type": "login"})
        assert status == 200 and '"step": "set_privacy_done"' in body, (status, body[:500])


def leaks(port, paths, title):
    """How many of REQUESTS anonymous requests per path show `title`."""
    count = 0
    for path in paths:
        for _ in range(REQUESTS):
            status, _headers, body = get(port, path)
            assert status < 500, (path, status)
            count += title.encode() in body
    return count


def run(env, post_ids, slug, title):
    server = Server(env, port=int(os.environ["GUNICORN_TEST_PORT"]) if os.environ.get("GUNICORN_TEST_PORT") else None)
    try:
        paths = [f"/blogi/{slug}/", "/blogi/"]
        server.wait(paths[0])
        # Every worker has served the post (and cached it, if it may).
        headers = [get(server.port, path)[1] for path in paths for _ in range(10)]
        assert leaks(server.port, paths, title) == REQUESTS * len(paths)
        editor = Editor(server.port)
        editor.log_in()
        editor.make_private(post_ids[slug])
        return leaks(server.port, paths, title), headers
    finally:
        server.stop()


def test_local_memory_cache_two_workers_page_made_private(site):
    """No REDIS_URL: a per-process cache cannot be emptied in the other worker, so pages are not cached."""
    env, post_ids = site
    leaked, headers = run(env, post_ids, "yksityiseksi", "Yksityiseksi muuttuva kirjoitus")
    assert leaked == 0
    assert all("X-Page-Cache" not in response for response in headers)


def test_redis_cache_two_workers_page_made_private(site):
    """With Redis both workers share the cache, which the admin's change empties."""
    if not redis_answers():
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env, post_ids = site
    env = {**env, "REDIS_URL": REDIS_URL}
    leaked, headers = run(env, post_ids, "yksityiseksi-redis", "Redis-kirjoitus muuttuu yksityiseksi")
    assert leaked == 0
    assert any(response.get("X-Page-Cache") == "hit" for response in headers)
    redis.Redis.from_url(REDIS_URL).flushdb()
