"""The language analysis of the search engines (OpenSearch and Elasticsearch): defined here only.

Both engine backends (`search.backends.opensearch`, `search.backends.elasticsearch`) create
their indices with `INDEX_SETTINGS` and give every analysed text field one sub-field per
language in `LANGUAGE_ANALYZERS` (see `search.backends.engine`). A query on pages is analysed
with the analyzer of the active language. Whatever changes here changes the index: run
`manage.py update_index` afterwards.

The PostgreSQL backend uses PostgreSQL's own text search configurations instead
(`search.backends.languages`); the Finnish `-inen` rule below is the same rewrite as
`languages.normalise_finnish`, applied to one token at a time.
"""

# Language code (Locale.language_code, first part) -> analyzer defined in INDEX_SETTINGS.
LANGUAGE_ANALYZERS = {"fi": "finnish_text", "sv": "swedish_text", "en": "english_text"}

INDEX_SETTINGS = {
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
    """The sub-fields every analysed text field gets: {"fi": {"type": "text", "analyzer": ...}, ...}."""
    return {language: {"type": "text", "analyzer": analyzer} for language, analyzer in LANGUAGE_ANALYZERS.items()}
