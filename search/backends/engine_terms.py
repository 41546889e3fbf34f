"""The engine (OpenSearch/Elasticsearch) side of `search.analysis`: a pre-analysed field.

Mixins for modelsearch's engine mapping, index and query compiler, so the engine matches
exactly the terms the database backends match:

* every document gets `_terms_title` and `_terms_body` (the analysed terms of the object's
  title and other search fields, `IndexDocument.title_terms` / `body_terms`), indexed with
  the `whitespace` analyzer: the engine takes the terms as they are, and `_search_weight`
  (a section page without a summary weighs half);
* a query is the analysed term groups (`analysed_query`): every group must match (or, for
  "any word", at least one), a group matches if any of its alternative terms is in the
  title or body; BM25 scores, a constant bonus if the title has a query word (title
  matches above body matches, as `database.TITLE_BONUS`), times the weight;
* the text as written and the words go to the database as for the database backends
  (`IndexedText` for snippets, `IndexedWord` for typos), so the search page works the
  same on every backend.

No language analyzer of the engine is used; modelsearch's autocomplete (edge n-grams) is.
"""

from .database import TITLE_BONUS, delete_texts, store_texts, tie_breaker
from .documents import IndexDocument, analysed_query

TERMS_TITLE = "_terms_title"
TERMS_BODY = "_terms_body"
WEIGHT = "_search_weight"


def document_for(obj):
    """The object's `IndexDocument`, built once per object however often it is asked for."""
    document = getattr(obj, "_search_index_document", None)
    if document is None:
        document = IndexDocument(obj)
        obj._search_index_document = document
    return document


class AnalysedTermsMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(
            {
                TERMS_TITLE: {"type": "text", "analyzer": "whitespace"},
                TERMS_BODY: {"type": "text", "analyzer": "whitespace"},
                WEIGHT: {"type": "float"},
            }
        )
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        document = document_for(obj)
        doc[TERMS_TITLE] = document.title_terms
        doc[TERMS_BODY] = document.body_terms
        doc[WEIGHT] = document.weight
        return doc


class AnalysedTermsIndexMixin:
    def add_item(self, item):
        super().add_item(item)
        store_texts(type(item), [document_for(item)])

    def add_items(self, model, items):
        items = list(items)
        super().add_items(model, items)
        store_texts(model, [document_for(item) for item in items])

    def delete_item(self, item):
        super().delete_item(item)
        delete_texts(item)


def terms_query(analysed, title_only=False):
    """The engine query of an `AnalysedQuery` (see the module docstring)."""
    if analysed.match_all:
        return {"match_all": {}}
    if analysed.is_empty:
        return {"match_none": {}}
    fields = [TERMS_TITLE] if title_only else [TERMS_TITLE, TERMS_BODY]
    groups = [
        {"multi_match": {"query": " ".join(terms), "fields": fields, "type": "most_fields", "operator": "or"}}
        for terms in analysed.groups
    ]
    every_term = sorted({term for terms in analysed.groups for term in terms})
    if analysed.operator == "or":
        matching = {"bool": {"should": groups, "minimum_should_match": 1}}
    else:
        matching = {"bool": {"must": groups}}
    matching["bool"]["should"] = [
        *matching["bool"].get("should", []),
        {"constant_score": {"filter": {"terms": {TERMS_TITLE: every_term}}, "boost": TITLE_BONUS}},
    ]
    return {
        "function_score": {
            "query": matching,
            "field_value_factor": {"field": WEIGHT, "missing": 1.0},
            "boost_mode": "multiply",
        }
    }


class AnalysedTermsQueryCompilerMixin:
    def get_inner_query(self):
        title_only = self.fields is not None and set(self.fields) <= {"title"}
        return terms_query(analysed_query(self.query, self.queryset.model), title_only=title_only)

    def get_sort(self):
        """By score, equal scores by the tie breaker of the database backends (`database.tie_breaker`)."""
        if not self.order_by_relevance:
            return super().get_sort()
        field = self._get_filterable_field(tie_breaker(self.queryset.model))
        column = self.mapping.get_field_column_name(field) if field is not None else "pk"
        return [{"_score": "desc"}, {column: "asc"}]
