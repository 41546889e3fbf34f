"""Fast, deterministic settings for pytest (and `make test`'s checks)."""

from .base import *  # noqa: F403
from .base import CACHES as _CACHES
from .base import DATABASE_SEARCH_BACKEND, DATABASES, REDIS_URL
from .base import SECRET_KEY as _SECRET_KEY

SECRET_KEY = _SECRET_KEY or "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Local memory, or the Redis of REDIS_URL (CI runs the suite once with it): give each
# concurrent run a Redis database of its own, the tests empty the cache between them.
CACHES = _CACHES if REDIS_URL else {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
DATABASES["default"]["CONN_MAX_AGE"] = 0
SECURE_SSL_REDIRECT = False
# runserver and the test client are one process: a local-memory cache is seen by every request.
SERVES_FROM_ONE_PROCESS = True
# Tests measure what a page does; the page cache is switched on only by the tests about it.
PAGE_CACHE_SECONDS = 0
# Tests search the database. A configured search engine (OPENSEARCH_URL, ELASTICSEARCH_URL;
# base.SEARCH_ENGINE_BACKEND) is used only by the tests marked `search_engine`, each run with an
# index prefix of its own (tests/search/engine/conftest.py).
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
