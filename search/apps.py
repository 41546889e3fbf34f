from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from cms import page_cache

        from . import checks, indexing  # noqa: F401 - checks registers the start-up check
        from .views import COUNT_SEARCH, count_search

        indexing.connect()
        page_cache.ON_HIT[COUNT_SEARCH] = count_search
