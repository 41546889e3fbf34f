import pytest


@pytest.fixture(autouse=True)
def fresh_locale_languages():
    """The backends cache each locale's language; tests create locales anew."""
    from search.backends.documents import clear_locale_languages

    clear_locale_languages()
    yield
    clear_locale_languages()


@pytest.fixture
def trees(home, locales):
    """The home page of each language: {"fi": ..., "sv": ..., "en": ...}."""
    return {"fi": home, "sv": home.get_translation(locales["sv"]), "en": home.get_translation(locales["en"])}
