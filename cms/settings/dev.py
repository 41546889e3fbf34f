"""Local development: the embedded default, no services needed."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

DEBUG = True
SECRET_KEY = _SECRET_KEY or "dev-only-not-secret"  # noqa: S105 - never used in production
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = globals().get("WAGTAILLOCALIZE_MACHINE_TRANSLATOR") or {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
SECURE_SSL_REDIRECT = False
# runserver and the test client are one process: a local-memory cache is seen by every request.
SERVES_FROM_ONE_PROCESS = True
