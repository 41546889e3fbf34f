"""Settings for the benchmark's own processes (dataset generation and in-process rendering).

The database is the one the orchestrator hands over in BENCH_ACTIVE_DATABASE_URL, never the
developer's db.sqlite3; media go to bench/data/media. Search uses the database, or the
OpenSearch node in BENCH_OPENSEARCH_URL (bench.search). The page cache is off (render timings
measure the page), the site-frame cache is on as in production, DEBUG is off and templates are
cached as in production.
"""

import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

os.environ["DATABASE_URL"] = os.environ.get("BENCH_ACTIVE_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = os.environ.get("BENCH_MEDIA_ROOT") or str(DATA_DIR / "media")
os.environ["PAGE_CACHE_SECONDS"] = "0"
# The database backend, unless bench.search hands over an engine (a node of its own).
os.environ.pop("ELASTICSEARCH_URL", None)
os.environ.pop("OPENSEARCH_URL", None)
if os.environ.get("BENCH_OPENSEARCH_URL"):
    os.environ["OPENSEARCH_URL"] = os.environ["BENCH_OPENSEARCH_URL"]
    os.environ["SEARCH_INDEX_PREFIX"] = "bench_"

from cms.settings.base import *  # noqa: E402, F403
from cms.settings.base import SECRET_KEY as _SECRET_KEY  # noqa: E402

SECRET_KEY = _SECRET_KEY or "bench-only-not-secret"  # noqa: S105 - throwaway database
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One process renders every page here, so the local-memory cache plays the shared (Redis)
# cache of production: the site frame is cached as it is there. Whole pages are not.
SERVES_FROM_ONE_PROCESS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the demo's users only
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
