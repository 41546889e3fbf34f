"""Elasticsearch 9 (or OpenSearch-compatible) backend with Finnish, Swedish and English analysis.

Design: per-language sub-fields. Every analysed text field of the mapping (each
SearchField, the `_all_text` catch-all and the `_all_text_boost_*` fields) keeps its
standard-analysed main field and gets three sub-fields, `.fi`, `.sv` and `.en`, analysed
with the `finnish_text`, `swedish_text` and `english_text` analyzers defined in the index
settings. Documents need no change: Elasticsearch analyses each value once per sub-field.

A query on a model with a locale (pages, translatable snippets) targets the sub-field of
the active language (`_all_text.fi` ...), so the query words are analysed by the same
analyzer as that language's documents; the search page also filters on the active locale,
so Finnish content is only ever matched with Finnish stemming. Models without a locale
(images, documents) and languages without an analyzer use the main fields.

The cost is index size (each text is indexed four times); the alternative, one index per
locale, would need a backend that routes every document and query to its own index.
"""

import copy

from django.utils import translation
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update

from .languages import ELASTICSEARCH_ANALYZERS, has_locale, language_of

ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "finnish_stop": {"type": "stop", "stopwords": "_finnish_"},
                # kotoutuminen -> kotoutumisen, so that the stemmer gives the stem of the
                # other forms (see languages.normalise_finnish).
                "finnish_inen": {"type": "pattern_replace", "pattern": "^(.{2,}i)nen$", "replacement": "$1sen"},
                "finnish_stemmer": {"type": "stemmer", "language": "finnish"},
                "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
                "swedish_stemmer": {"type": "stemmer", "language": "swedish"},
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "finnish_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "finnish_stop", "finnish_inen", "finnish_stemmer"],
                },
                "swedish_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "swedish_stop", "swedish_stemmer"],
                },
                "english_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["english_possessive_stemmer", "lowercase", "english_stop", "english_stemmer"],
                },
            },
        }
    }
}


def language_sub_fields():
    return {language: {"type": "text", "analyzer": analyzer} for language, analyzer in ELASTICSEARCH_ANALYZERS.items()}


class LanguageMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        self._add_language_sub_fields(mapping["properties"])
        return mapping

    def _add_language_sub_fields(self, properties):
        for field_mapping in properties.values():
            if field_mapping.get("type") == "nested":
                self._add_language_sub_fields(field_mapping["properties"])
            elif field_mapping.get("type") == "text" and "analyzer" not in field_mapping:
                # Autocomplete (edge n-gram) fields have their own analyzer and stay as they are.
                field_mapping["fields"] = language_sub_fields()


def query_language(model):
    """The active language, if the model has a locale and the language has an analyzer."""
    if not has_locale(model):
        return None
    language = language_of(translation.get_language())
    return language if language in ELASTICSEARCH_ANALYZERS else None


class LanguageSearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LanguageMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        language = query_language(self.queryset.model)
        if language is None:
            return remapped
        return [Field(f"{field.field_name}.{language}", field.boost) for field in remapped]


class LanguageAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = LanguageMapping


class LanguageIndex(Elasticsearch9Index):
    pass


class LanguageElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = LanguageMapping
    index_class = LanguageIndex
    query_compiler_class = LanguageSearchQueryCompiler
    autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler
    results_class = Elasticsearch9SearchResults
    settings = deep_update(copy.deepcopy(Elasticsearch9SearchBackend.settings), ANALYSIS)


SearchBackend = LanguageElasticsearchBackend
