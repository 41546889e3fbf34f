"""The OpenSearch and Elasticsearch backends' mapping and queries, built without a server."""

import pytest
from wagtail.images.models import Image

from home.models import StandardPage
from search import analysis
from search.backends.documents import LanguageQuery
from search.backends.elasticsearch import LanguageElasticsearchBackend
from search.backends.engine_terms import TERMS_BODY, TERMS_TITLE, WEIGHT
from search.backends.opensearch import LanguageOpenSearchBackend
from tests.factories.search import add_standard_page

BACKENDS = [LanguageOpenSearchBackend, LanguageElasticsearchBackend]


@pytest.fixture(params=BACKENDS, ids=["opensearch", "elasticsearch"])
def backend(request):
    # Creating the client does not connect; nothing here talks to a server.
    return request.param({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_"})


def test_the_index_needs_no_analysis_of_the_engine_beyond_whitespace(backend):
    """The engine takes the terms of `search.analysis`: no stemmer or stop list of its own."""
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]
    assert properties[TERMS_TITLE]["analyzer"] == properties[TERMS_BODY]["analyzer"] == "whitespace"
    assert properties[WEIGHT] == {"type": "float"}
    filters = backend.settings["settings"]["analysis"].get("filter", {})
    assert not any(definition.get("type") in ("stemmer", "stop") for definition in filters.values())
    assert "fields" not in properties["title_edgengrams"]  # autocomplete keeps its n-grams
    assert properties["locale_id_filter"]["type"] == "integer"


@pytest.mark.django_db
def test_document_carries_the_terms_of_its_own_language_and_the_locale(backend, home, locales):
    page = add_standard_page(home.get_translation(locales["sv"]), "Integration", lead="Integrationen i kommunerna")
    document = backend.mapping_class(StandardPage).get_document(page)

    assert document["title"] == "Integration"
    assert document[TERMS_TITLE] == analysis.index_terms("Integration", "sv")
    assert set(analysis.query_word_terms("kommun", "sv")) & set(document[TERMS_BODY].split())
    assert document["locale_id_filter"] == locales["sv"].pk


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_query_matches_the_terms_of_its_language(backend, language):
    query = backend.query_compiler_class(StandardPage.objects.all(), LanguageQuery("kotoutumisen", language)).get_query()
    must = query["bool"]["must"]["function_score"]["query"]["bool"]["must"]
    assert [clause["multi_match"]["query"].split() for clause in must] == [
        list(terms) for terms in analysis.query_terms("kotoutumisen", language)
    ]
    assert must[0]["multi_match"]["fields"] == [TERMS_TITLE, TERMS_BODY]


def test_models_without_locale_match_the_same_fields(backend):
    query = backend.query_compiler_class(Image.objects.all(), "kissa").get_query()
    matching = query["bool"]["must"]["function_score"]["query"]["bool"]
    clauses = [*matching.get("must", []), *matching.get("should", [])]
    assert [clause["multi_match"]["fields"] for clause in clauses if "multi_match" in clause] == [[TERMS_TITLE, TERMS_BODY]]


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
