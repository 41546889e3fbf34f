"""Each language's pages found in that language's terms, on whichever database backend runs the tests."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search.backends.documents import LanguageQuery
from search.views import searchable_pages
from tests.factories.search import add_standard_page
from tests.search.responses import result_titles


@pytest.mark.django_db
def test_finnish_inflection_finds_the_base_form(client, trees):
    add_standard_page(trees["fi"], "Tietoa maahanmuuttajille", lead="Kotoutuminen alkaa ensimmäisestä päivästä.")

    assert result_titles(client.get("/search/", {"q": "kotoutumisen"})) == ["Tietoa maahanmuuttajille"]
    assert result_titles(client.get("/search/", {"q": "maahanmuuttajien"})) == ["Tietoa maahanmuuttajille"]


@pytest.mark.django_db
def test_finnish_compounds_are_found_by_their_parts(client, trees):
    add_standard_page(trees["fi"], "Nuorten tuki", lead="Vertaismentorointi ja kotoutumiskoulutus nuorille.")
    add_standard_page(trees["fi"], "Muuta", lead="Ei mitään yhteistä.")

    assert result_titles(client.get("/search/", {"q": "mentorointi"})) == ["Nuorten tuki"]
    assert result_titles(client.get("/search/", {"q": "koulutuksen"})) == ["Nuorten tuki"]


@pytest.mark.django_db
def test_swedish_inflection_finds_swedish_content(client, trees):
    add_standard_page(trees["sv"], "Information för invandrare", lead="Integration i kommunen.")

    assert result_titles(client.get("/sv/search/", {"q": "integrationen"})) == ["Information för invandrare"]
    assert result_titles(client.get("/sv/search/", {"q": "kommuner"})) == ["Information för invandrare"]


@pytest.mark.django_db
def test_english_content_is_analysed_as_english_not_finnish(client, trees):
    english = add_standard_page(trees["en"], "Integrated services", lead="Kotoutuminen is a Finnish word.")
    add_standard_page(trees["fi"], "Suomenkielinen sivu", lead="Kotoutuminen on tärkeää.")

    assert result_titles(client.get("/en/search/", {"q": "integration"})) == ["Integrated services"]
    # Finnish inflection does not apply to English content (searched without typo tolerance)...
    english_pages = searchable_pages(trees["en"].locale)
    backend = get_search_backend()
    assert list(backend.search(LanguageQuery("kotoutumisen", "en"), english_pages)) == []
    assert list(backend.search(LanguageQuery("kotoutuminen", "en"), english_pages)) == [english.page_ptr]
    # ...while the same query in Finnish finds only the Finnish page.
    assert result_titles(client.get("/search/", {"q": "kotoutumisen"})) == ["Suomenkielinen sivu"]

    from search.models import IndexedText

    stored = IndexedText.objects.get(
        content_type=ContentType.objects.get_for_model(StandardPage), object_id=str(english.pk)
    )
    assert (stored.language, stored.title) == ("en", "Integrated services")


@pytest.mark.django_db
def test_admin_search_finds_every_language_with_its_own_analysis(trees):
    """The admin searches all locales at once: a query word is analysed in every language."""
    add_standard_page(trees["fi"], "Kotoutuminen", lead="")
    add_standard_page(trees["en"], "Integrated services", lead="")
    pages = StandardPage.objects.all()

    with translation.override("fi"):
        assert [p.title for p in pages.search("kotoutumisen")] == ["Kotoutuminen"]
        assert [p.title for p in pages.search("integration")] == ["Integrated services"]
        assert [p.title for p in pages.autocomplete("integr")] == ["Integrated services"]
