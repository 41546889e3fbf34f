import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def language_search_backend(settings):
    """cms/settings/test.py pins Wagtail's database backend; use what base.py chooses for PostgreSQL."""
    if connection.vendor == "postgresql":
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.postgres"}}
    from search.backends.postgres import clear_locale_configs

    clear_locale_configs()
    yield
    clear_locale_configs()
