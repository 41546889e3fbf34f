import pytest


@pytest.fixture(autouse=True)
def fresh_locale_configs():
    """The PostgreSQL backend caches each locale's text search configuration; tests create locales anew."""
    from search.backends.postgres import clear_locale_configs

    clear_locale_configs()
    yield
    clear_locale_configs()


@pytest.fixture
def trees(home, locales):
    """The home page of each language: {"fi": ..., "sv": ..., "en": ...}."""
    return {"fi": home, "sv": home.get_translation(locales["sv"]), "en": home.get_translation(locales["en"])}
