"""The engine's pre-analysed fields: the same terms as the database backends, built without a server."""

import pytest
from modelsearch.backends.elasticsearch9 import Elasticsearch9Mapping

from home.models import StandardPage
from search import analysis
from search.backends.documents import AnalysedQuery, LanguageQuery, analysed_query
from search.backends.engine_terms import (
    TERMS_BODY,
    TERMS_TITLE,
    WEIGHT,
    AnalysedTermsMappingMixin,
    terms_query,
)
from tests.factories.search import add_standard_page


class Mapping(AnalysedTermsMappingMixin, Elasticsearch9Mapping):
    pass


def test_the_mapping_takes_the_terms_as_they_are():
    properties = Mapping(StandardPage).get_mapping()["properties"]
    assert properties[TERMS_TITLE] == {"type": "text", "analyzer": "whitespace"}
    assert properties[TERMS_BODY] == {"type": "text", "analyzer": "whitespace"}
    assert properties[WEIGHT] == {"type": "float"}


@pytest.mark.django_db
def test_a_document_carries_the_analysed_terms_of_its_language(home):
    page = add_standard_page(home, "Vertaismentorointi", lead="Kotoutumiskoulutuksen jälkeen.")
    document = Mapping(StandardPage).get_document(page)

    assert document[TERMS_TITLE] == analysis.index_terms("Vertaismentorointi", "fi")
    assert set(analysis.query_word_terms("mentorointi", "fi")) <= set(document[TERMS_TITLE].split())
    assert set(analysis.query_word_terms("koulutus", "fi")) <= set(document[TERMS_BODY].split())
    assert document[WEIGHT] == 1.0


def test_every_word_must_match_and_a_title_match_adds_a_bonus():
    analysed = analysed_query(LanguageQuery("kotoutumisen koulutus", "fi"), StandardPage)
    query = terms_query(analysed)["function_score"]

    must = query["query"]["bool"]["must"]
    assert [clause["multi_match"]["query"].split() for clause in must] == [list(t) for t in analysed.groups]
    assert must[0]["multi_match"]["fields"] == [TERMS_TITLE, TERMS_BODY]
    bonus = query["query"]["bool"]["should"][0]["constant_score"]
    assert set(bonus["filter"]["terms"][TERMS_TITLE]) == {t for terms in analysed.groups for t in terms}
    assert query["field_value_factor"]["field"] == WEIGHT


def test_any_word_and_empty_queries():
    any_word = terms_query(AnalysedQuery([("a",), ("b",)], "or"))["function_score"]["query"]["bool"]
    assert any_word["minimum_should_match"] == 1 and len(any_word["should"]) == 3
    assert terms_query(AnalysedQuery([], "and")) == {"match_none": {}}
    assert terms_query(AnalysedQuery([], match_all=True)) == {"match_all": {}}
