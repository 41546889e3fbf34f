"""The OpenSearch and Elasticsearch backends' mapping and queries, built without a server."""

import pytest
from django.utils import translation
from wagtail.images.models import Image

from home.models import StandardPage
from search.backends.analysis import INDEX_SETTINGS
from search.backends.elasticsearch import LanguageElasticsearchBackend
from search.backends.opensearch import LanguageOpenSearchBackend
from tests.factories.search import add_standard_page

BACKENDS = [LanguageOpenSearchBackend, LanguageElasticsearchBackend]


@pytest.fixture(params=BACKENDS, ids=["opensearch", "elasticsearch"])
def backend(request):
    # Creating the client does not connect; nothing here talks to a server.
    return request.param({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_"})


def test_both_backends_create_indices_with_the_one_analysis_definition(backend):
    analysis = backend.settings["settings"]["analysis"]
    for kind in ("analyzer", "filter"):
        for name, definition in INDEX_SETTINGS["settings"]["analysis"][kind].items():
            assert analysis[kind][name] == definition, name
    assert {"finnish_text", "swedish_text", "english_text", "edgengram_analyzer"} <= set(analysis["analyzer"])
    assert analysis["filter"]["finnish_stemmer"]["language"] == "finnish"
    assert "finnish_inen" in analysis["analyzer"]["finnish_text"]["filter"]


def test_text_fields_have_a_sub_field_per_language(backend):
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]
    for name in ("title", "_all_text", "home_standardpage__lead"):
        assert properties[name]["fields"] == {
            "fi": {"type": "text", "analyzer": "finnish_text"},
            "sv": {"type": "text", "analyzer": "swedish_text"},
            "en": {"type": "text", "analyzer": "english_text"},
        }, name
    assert "fields" not in properties["title_edgengrams"]  # autocomplete keeps its n-grams
    assert properties["locale_id_filter"]["type"] == "integer"


@pytest.mark.django_db
def test_document_carries_the_text_and_the_locale(backend, home, locales):
    page = add_standard_page(home.get_translation(locales["sv"]), "Integration", lead="Integrationen i kommunen")
    document = backend.mapping_class(StandardPage).get_document(page)
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


def test_backends_of_one_configuration_share_one_client(backend):
    again = type(backend)({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_"})
    other = type(backend)({"URLS": ["http://localhost:9201"], "INDEX_PREFIX": "test_"})
    assert again.es is backend.es
    assert other.es is not backend.es


def test_messages_name_the_variable_and_hide_the_password():
    backend = LanguageOpenSearchBackend(
        {"URLS": ["https://site:s3cret@search.example:9200"], "URL_SETTING": "OPENSEARCH_URL"}
    )
    message = backend.unavailable_message(ConnectionRefusedError("refused"))
    assert "OPENSEARCH_URL=https://site:***@search.example:9200" in message
    assert "s3cret" not in message
