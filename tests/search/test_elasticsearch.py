"""The Elasticsearch backend's mapping and queries, built without a server."""

import pytest
from django.utils import translation
from wagtail.images.models import Image

from home.models import StandardPage
from search.backends.elasticsearch import LanguageElasticsearchBackend, LanguageMapping
from tests.factories.search import add_standard_page


@pytest.fixture
def backend():
    # Creating the client does not connect; nothing here talks to a server.
    return LanguageElasticsearchBackend({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_"})


def test_index_settings_define_the_three_language_analyzers(backend):
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    filters = backend.settings["settings"]["analysis"]["filter"]
    assert {"finnish_text", "swedish_text", "english_text", "edgengram_analyzer"} <= set(analyzers)
    assert filters["finnish_stemmer"]["language"] == "finnish"
    assert filters["swedish_stemmer"]["language"] == "swedish"
    assert filters["english_stemmer"]["language"] == "english"
    assert "finnish_inen" in analyzers["finnish_text"]["filter"]


def test_text_fields_have_a_sub_field_per_language():
    properties = LanguageMapping(StandardPage).get_mapping()["properties"]
    for name in ("title", "_all_text", "home_standardpage__lead"):
        assert properties[name]["fields"] == {
            "fi": {"type": "text", "analyzer": "finnish_text"},
            "sv": {"type": "text", "analyzer": "swedish_text"},
            "en": {"type": "text", "analyzer": "english_text"},
        }, name
    assert "fields" not in properties["title_edgengrams"]  # autocomplete keeps its n-grams
    assert properties["locale_id_filter"]["type"] == "integer"


@pytest.mark.django_db
def test_document_carries_the_text_and_the_locale(home, locales):
    page = add_standard_page(home.get_translation(locales["sv"]), "Integration", lead="Integrationen i kommunen")
    document = LanguageMapping(StandardPage).get_document(page)
    assert document["title"] == "Integration"
    assert document["home_standardpage__lead"] == "Integrationen i kommunen"
    assert document["locale_id_filter"] == locales["sv"].pk


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_page_query_uses_the_active_languages_analyzer(backend, language):
    with translation.override(language):
        query = backend.query_compiler_class(StandardPage.objects.live(), "kotoutumisen").get_query()
    fields = query["bool"]["must"]["multi_match"]["fields"]
    assert f"_all_text.{language}" in fields
    assert all(field.split("^")[0].endswith(f".{language}") for field in fields)


def test_models_without_locale_use_the_standard_fields(backend):
    with translation.override("fi"):
        query = backend.query_compiler_class(Image.objects.all(), "kissa").get_query()
    inner = query["bool"]["must"]
    fields = inner["multi_match"]["fields"] if "multi_match" in inner else list(inner["match"])
    assert "_all_text" in fields
