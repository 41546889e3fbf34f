"""Language-aware stemming: each language's content and queries analysed in that language."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import translation

from home.models import StandardPage
from search.backends.languages import normalise_finnish, postgres_config_for
from tests.factories.search import add_standard_page
from tests.search.responses import result_titles

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite FTS5 has no stemming; language-aware stemming is PostgreSQL's (and Elasticsearch's)",
)


def test_language_codes_map_to_configurations():
    assert postgres_config_for("fi") == "finnish"
    assert postgres_config_for("sv-FI") == "swedish"
    assert postgres_config_for("en") == "english"
    assert postgres_config_for("de") == "simple"
    assert postgres_config_for(None) == "simple"


def test_finnish_inen_words_get_the_stem_of_their_other_forms():
    assert normalise_finnish("Kotoutuminen ja suomalainen nainen") == "Kotoutumisen ja suomalaisen naisen"
    assert normalise_finnish("pienen nenä") == "pienen nenä"  # not -inen words


@postgres_only
@pytest.mark.django_db
def test_finnish_inflection_finds_the_base_form(client, trees):
    add_standard_page(trees["fi"], "Tietoa maahanmuuttajille", lead="Kotoutuminen alkaa ensimmäisestä päivästä.")

    assert result_titles(client.get("/search/", {"q": "kotoutumisen"})) == ["Tietoa maahanmuuttajille"]
    assert result_titles(client.get("/search/", {"q": "maahanmuuttajien"})) == ["Tietoa maahanmuuttajille"]


@postgres_only
@pytest.mark.django_db
def test_swedish_inflection_finds_swedish_content(client, trees):
    add_standard_page(trees["sv"], "Information för invandrare", lead="Integration i kommunen.")

    assert result_titles(client.get("/sv/search/", {"q": "integrationen"})) == ["Information för invandrare"]
    assert result_titles(client.get("/sv/search/", {"q": "kommuner"})) == ["Information för invandrare"]


@postgres_only
@pytest.mark.django_db
def test_english_content_is_stemmed_as_english_not_finnish(client, trees):
    english = add_standard_page(trees["en"], "Integrated services", lead="Kotoutuminen is a Finnish word.")
    add_standard_page(trees["fi"], "Suomenkielinen sivu", lead="Kotoutuminen on tärkeää.")

    # English inflection: 'integration' and 'integrated' share the English stem 'integr'.
    assert result_titles(client.get("/en/search/", {"q": "integration"})) == ["Integrated services"]
    # The Finnish -inen/-isen rule and Finnish stemming do not apply to English content...
    assert result_titles(client.get("/en/search/", {"q": "kotoutumisen"})) == []
    assert result_titles(client.get("/en/search/", {"q": "kotoutuminen"})) == ["Integrated services"]
    # ...while the same query in Finnish finds only the Finnish page.
    assert result_titles(client.get("/search/", {"q": "kotoutumisen"})) == ["Suomenkielinen sivu"]

    from wagtail.search.models import IndexEntry

    entry = IndexEntry.objects.get(
        content_type=ContentType.objects.get_for_model(StandardPage), object_id=str(english.pk)
    )
    assert "'integr'" in str(entry.title)
    assert "'kotoutuminen'" in str(entry.body)


@postgres_only
@pytest.mark.django_db
def test_admin_search_finds_every_language_with_its_own_stemming(trees):
    """The admin searches all locales at once: each row is matched in its own language."""
    add_standard_page(trees["fi"], "Kotoutuminen", lead="")
    add_standard_page(trees["en"], "Integrated services", lead="")
    pages = StandardPage.objects.all()

    with translation.override("fi"):
        assert [p.title for p in pages.search("kotoutumisen")] == ["Kotoutuminen"]
        assert [p.title for p in pages.search("integration")] == ["Integrated services"]
