import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from cms.page_cache import serve_from_cache  # noqa: E402  (needs the settings loaded above)

# Cached anonymous pages are answered before Django runs (see cms.page_cache).
application = serve_from_cache(application)
