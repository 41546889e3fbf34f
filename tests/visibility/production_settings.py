"""Production settings for the multi-worker test, except static files: stored plainly, so the
test need not collect and compress every static file first (it requests no static file)."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
