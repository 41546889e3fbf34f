"""Each language's pages found in that language's terms, on the database backend of the run and on the engine."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from search.backends.documents import LanguageQuery
from search.views import searchable_pages
from tests.factories.search import add_standard_page
from tests.search.responses import result_titles


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        # The -inen rule and the Finnish stemmer: the nominative finds the genitive, and back.
        ("fi", "Kotoutumisen tuki kunnissa", "kotoutuminen"),
        ("fi", "Kotoutuminen alkaa ensimmäisestä päivästä", "kotoutumisen"),
        ("fi", "Neuvontaa maahanmuuttajille", "maahanmuuttajien"),
        ("sv", "Integrationen i kommunerna", "kommun"),
        ("sv", "Information för invandrare", "invandrarna"),
        ("en", "Integrated services for immigrants", "integration"),
        ("en", "Mentoring families", "family"),
    ],
)
@pytest.mark.django_db
def test_each_language_is_stemmed_in_its_own_language(search, trees, language, text, query):
    add_standard_page(trees[language], text, lead=text)

    assert result_titles(search(query, language)) == [text]


@pytest.mark.django_db
def test_finnish_inflection_finds_the_base_form(search, trees):
    add_standard_page(trees["fi"], "Tietoa maahanmuuttajille", lead="Kotoutuminen alkaa ensimmäisestä päivästä.")

    assert result_titles(search("kotoutumisen")) == ["Tietoa maahanmuuttajille"]
    assert result_titles(search("maahanmuuttajien")) == ["Tietoa maahanmuuttajille"]


@pytest.mark.django_db
def test_finnish_compounds_are_found_by_their_parts(search, trees):
    add_standard_page(trees["fi"], "Nuorten tuki", lead="Vertaismentorointi ja kotoutumiskoulutus nuorille.")
    add_standard_page(trees["fi"], "Muuta", lead="Ei mitään yhteistä.")

    assert result_titles(search("mentorointi")) == ["Nuorten tuki"]
    assert result_titles(search("koulutuksen")) == ["Nuorten tuki"]


@pytest.mark.django_db
def test_swedish_inflection_finds_swedish_content(search, trees):
    add_standard_page(trees["sv"], "Information för invandrare", lead="Integration i kommunen.")

    assert result_titles(search("integrationen", "sv")) == ["Information för invandrare"]
    assert result_titles(search("kommuner", "sv")) == ["Information för invandrare"]


@pytest.mark.django_db
def test_english_content_is_analysed_as_english_not_finnish(search, trees):
    english = add_standard_page(trees["en"], "Integrated services", lead="Kotoutuminen is a Finnish word.")
    add_standard_page(trees["fi"], "Suomenkielinen sivu", lead="Kotoutuminen on tärkeää.")

    assert result_titles(search("integration", "en")) == ["Integrated services"]
    # Finnish inflection does not apply to English content (searched without typo tolerance)...
    search.ready()
    english_pages = searchable_pages(trees["en"].locale)
    backend = get_search_backend()
    assert list(backend.search(LanguageQuery("kotoutumisen", "en"), english_pages)) == []
    assert list(backend.search(LanguageQuery("kotoutuminen", "en"), english_pages)) == [english.page_ptr]
    # ...while the same query in Finnish finds only the Finnish page.
    assert result_titles(search("kotoutumisen")) == ["Suomenkielinen sivu"]

    from search.models import IndexedText

    stored = IndexedText.objects.get(
        content_type=ContentType.objects.get_for_model(StandardPage), object_id=str(english.pk)
    )
    assert (stored.language, stored.title) == ("en", "Integrated services")


@pytest.mark.django_db
def test_admin_search_finds_every_language_with_its_own_analysis(search, trees):
    """The admin searches all locales at once: a query word is analysed in every language."""
    add_standard_page(trees["fi"], "Kotoutuminen", lead="")
    add_standard_page(trees["en"], "Integrated services", lead="")
    pages = StandardPage.objects.all()
    search.ready()

    with translation.override("fi"):
        assert [p.title for p in pages.search("kotoutumisen")] == ["Kotoutuminen"]
        assert [p.title for p in pages.search("integration")] == ["Integrated services"]
        assert [p.title for p in pages.autocomplete("integr")] == ["Integrated services"]
