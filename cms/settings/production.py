"""Production: refuses to start without the variables it cannot guess."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, MIDDLEWARE, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random SECRET_KEY environment variable."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Give the site's host names, comma separated, "
        "in the ALLOWED_HOSTS environment variable."
    )

DEBUG = False
# Static files straight from the application server, compressed and cache-busted.
# Right after the anonymous page cache, which answers before it.
_after_page_cache = MIDDLEWARE.index("cms.middleware.AnonymousPageCacheMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after_page_cache],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_page_cache:],
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
