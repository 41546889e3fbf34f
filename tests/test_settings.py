"""Configuration: the embedded defaults, and production refusing to start half-configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def load_settings(module, **env):
    """Import a settings module in a fresh interpreter with exactly the given environment."""
    clean = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
    clean.update(env)
    code = (
        "import importlib, json; s = importlib.import_module(%r); "
        "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], "
        "'search': s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], "
        "'cache': s.CACHES['default']['BACKEND'], 'media': str(s.MEDIA_ROOT), 'admins': s.ADMINS, "
        "'proxies': s.TRUSTED_PROXY_COUNT, 'comment_ip_days': s.COMMENT_IP_RETENTION_DAYS, "
        "'submission_email_days': s.SUBMISSION_EMAIL_RETENTION_DAYS}))" % module
    )
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=clean, capture_output=True, text=True)


def test_embedded_defaults_need_no_services():
    result = load_settings("cms.settings.dev")
    assert result.returncode == 0, result.stderr
    assert '"db": "django.db.backends.sqlite3"' in result.stdout
    assert '"search": "search.backends.sqlite"' in result.stdout
    assert '"cache": "django.core.cache.backends.locmem.LocMemCache"' in result.stdout
    assert str(PROJECT / "media") in result.stdout


def test_services_come_from_the_environment():
    result = load_settings(
        "cms.settings.dev",
        DATABASE_URL="postgres://someone@db.example:5432/site",
        REDIS_URL="redis://127.0.0.1:6379/1",
        ELASTICSEARCH_URL="http://search.example:9200",
        MEDIA_ROOT="/srv/media",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout
    assert "django_redis.cache.RedisCache" in result.stdout
    assert "search.backends.elasticsearch" in result.stdout
    assert "/srv/media" in result.stdout


def test_opensearch_url_selects_the_opensearch_backend():
    result = load_settings("cms.settings.dev", OPENSEARCH_URL="https://search.example:9200")
    assert result.returncode == 0, result.stderr
    assert '"search": "search.backends.opensearch"' in result.stdout


def test_tests_search_the_database_even_with_an_engine_configured():
    """Only the tests marked `search_engine` use the engine, with index prefixes of their own."""
    result = load_settings("cms.settings.test", OPENSEARCH_URL="http://127.0.0.1:9200")
    assert result.returncode == 0, result.stderr
    # The database's own backend (search.backends.sqlite or .postgres), never the engine's.
    assert json.loads(result.stdout)["search"] in {"search.backends.sqlite", "search.backends.postgres"}


def test_tests_use_redis_when_it_is_configured():
    assert "LocMemCache" in load_settings("cms.settings.test").stdout
    assert "django_redis.cache.RedisCache" in load_settings("cms.settings.test", REDIS_URL="redis://127.0.0.1:6379/3").stdout


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"OPENSEARCH_URL": "127.0.0.1:9200"}, "OPENSEARCH_URL='127.0.0.1:9200' is not a URL"),
        ({"OPENSEARCH_URL": "http://127.0.0.1:92x0"}, "OPENSEARCH_URL='http://127.0.0.1:92x0' is not a URL"),
        ({"ELASTICSEARCH_URL": "ftp://search.example"}, "ELASTICSEARCH_URL='ftp://search.example' is not a URL"),
        (
            {"OPENSEARCH_URL": "http://a.example:9200", "ELASTICSEARCH_URL": "http://b.example:9200"},
            "Set OPENSEARCH_URL or ELASTICSEARCH_URL, not both",
        ),
    ],
)
def test_a_malformed_search_url_stops_the_start_naming_the_variable(env, named):
    result = load_settings("cms.settings.dev", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr


@pytest.mark.parametrize(
    ("env", "missing"),
    [({"ALLOWED_HOSTS": "kotoutuminen.example"}, "SECRET_KEY"), ({"SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_security_variables(env, missing):
    result = load_settings("cms.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} is not set" in result.stderr


def test_production_starts_when_configured():
    result = load_settings("cms.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="kotoutuminen.example")
    assert result.returncode == 0, result.stderr
