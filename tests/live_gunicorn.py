"""gunicorn with the production settings against the test database: for what only several processes show.

Used with `transactional_db`, so what a test creates is committed and the server's
processes see it. On PostgreSQL the server opens the test database itself; an in-memory
SQLite test database is copied into a file first (SQLite's backup API), and the test reads
the outcome from that file (`ServerDatabase.scalar`). Static files are collected once per
session, as the production storage needs its manifest. The server is the benchmark's
(`bench.load.Server`: own process group, stopped by its pid); its port is free one from
the system, or `GUNICORN_TEST_PORT` when set.
"""

import http.client
import os
import sqlite3
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from bench.load import Server, collectstatic, production_env


class ServerDatabase:
    def __init__(self, tmp_path):
        settings = connection.settings_dict
        self.sqlite_path = None
        if connection.vendor == "postgresql":
            credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
            self.url = f"postgres://{credentials}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        else:
            self.sqlite_path = tmp_path / "server.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(self.sqlite_path)
            connection.connection.backup(target)
            target.close()
            self.url = f"sqlite:///{self.sqlite_path}"

    def scalar(self, sql, params=()):
        """One value from the database the server wrote to."""
        if self.sqlite_path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql.replace("?", "%s"), params)
                return cursor.fetchone()[0]
        with sqlite3.connect(self.sqlite_path) as database:
            return database.execute(sql, params).fetchone()[0]


class Visitor:
    """A browser's worth of HTTP: cookies (Secure ones too: the test server speaks plain HTTP), no redirects."""

    def __init__(self, port, forwarded_for=None):
        self.port = port
        self.cookies = {}
        self.forwarded_for = forwarded_for

    def request(self, method, path, fields=None):
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection_ = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection_.request(method, path, body=body, headers=headers)
            response = connection_.getresponse()
            content = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                for key, morsel in SimpleCookie(header).items():
                    self.cookies[key] = morsel.value
            return response.status, content
        finally:
            connection_.close()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)

    def form_fields(self, path, selector="form[method=post]"):
        """GET a page and return the named inputs of its first matching form, as a browser would send them."""
        status, content = self.get(path)
        assert status == 200, (path, status)
        form = BeautifulSoup(content, "html.parser").select_one(selector)
        return {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    static_root = tmp_path_factory.mktemp("static")
    env = production_env("sqlite:///unused.sqlite3", static_root, tmp_path_factory.mktemp("media"), 0, redis=False)
    collectstatic(env)
    return static_root


@pytest.fixture
def gunicorn(transactional_db, production_static, tmp_path):
    """start(**environment) -> (server, database): gunicorn -w 2 with production settings on the test data."""
    servers = []

    def start(workers=2, threads=1, redis_url=None, **environment):
        database = ServerDatabase(tmp_path)
        media = tmp_path / "media"
        media.mkdir(exist_ok=True)
        env = production_env(database.url, production_static, media, 0, redis=bool(redis_url), redis_url=redis_url)
        env.update({key: str(value) for key, value in environment.items()})
        port = int(os.environ.get("GUNICORN_TEST_PORT", 0)) or None
        server = Server(env, workers=workers, port=port, extra_args=("--threads", str(threads)))
        servers.append(server)
        server.wait("/robots.txt")
        return server, database

    yield start
    for server in servers:
        server.stop()
