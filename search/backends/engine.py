"""What the OpenSearch and Elasticsearch backends share: language sub-fields and failing clearly.

Design: per-language sub-fields. Every analysed text field of the mapping (each
SearchField, the `_all_text` catch-all and the `_all_text_boost_*` fields) keeps its
standard-analysed main field and gets one sub-field per language (`.fi`, `.sv`, `.en`),
analysed with that language's analyzer from `search.backends.analysis`. Documents need no
change: the engine analyses each value once per sub-field.

A query on a model with a locale (pages, translatable snippets) targets the sub-field of
the active language (`_all_text.fi` ...), so the query words are analysed by the same
analyzer as that language's documents; the search page also filters on the active locale,
so Finnish content is only ever matched with Finnish stemming. Models without a locale
(images, documents) and languages without an analyzer use the main fields.

The cost is index size (each text is indexed four times); the alternative, one index per
locale, would need a backend that routes every document and query to its own index.

Each concrete backend (`opensearch.py`, `elasticsearch.py`) is `language_backend(...)` of
modelsearch's backend for its client, naming the errors that mean "the engine cannot be
used" (`unavailable_errors`): the search page answers 503 on them, `update_index` and the
system check name the environment variable and the URL.
"""

import copy
import threading
from urllib.parse import urlsplit, urlunsplit

from django.utils import translation
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.utils import deep_update

from .analysis import INDEX_SETTINGS, LANGUAGE_ANALYZERS, language_sub_fields
from .languages import has_locale, language_of
from .modelsearch_facet_size import FacetAllValuesMixin

# Seconds the start-up check waits for the engine's answer.
CHECK_TIMEOUT = 3


def query_language(model):
    """The active language, if the model has a locale and the language has an analyzer."""
    if not has_locale(model):
        return None
    language = language_of(translation.get_language())
    return language if language in LANGUAGE_ANALYZERS else None


class LanguageMappingMixin:
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


class LanguageQueryCompilerMixin:
    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        language = query_language(self.queryset.model)
        if language is None:
            return remapped
        return [Field(f"{field.field_name}.{language}", field.boost) for field in remapped]


class TopHitsWithoutTotalMixin:
    """Ask the engine for a page of hits without counting every match.

    modelsearch reads only the hits of a search request (its count() is a request of its own,
    and the search page takes its totals from the facet counts), but the engine counts every
    matching document by default, which keeps it from skipping the ones that cannot reach the
    first page. Scrolling requests (more than 100 hits) and aggregations keep the default.
    """

    def _backend_do_search(self, body, **kwargs):
        if "scroll" not in kwargs and "aggregations" not in body:
            body = {**body, "track_total_hits": False}
        return super()._backend_do_search(body, **kwargs)


def shared_client(client_class):
    """A client factory that hands out one client (and its connection pool) per configuration.

    modelsearch builds a new backend, and with it a new client, for every search and every
    saved page; reusing the client keeps the HTTP connection to the engine open between them.
    """
    clients = {}
    lock = threading.Lock()

    def client(**options):
        key = repr(sorted(options.items()))
        with lock:
            if key not in clients:
                clients[key] = client_class(**options)
            return clients[key]

    return client


def with_language_analysis(index_settings):
    """modelsearch's index settings with the analyzers of `search.backends.analysis` added."""
    return deep_update(copy.deepcopy(index_settings), INDEX_SETTINGS)


def without_password(url):
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


class EngineBackendMixin:
    """Index settings with the language analysis, client reuse and clear failures.

    Extra backend option: `URL_SETTING`, the name of the environment variable the URL came
    from, used in error messages.
    """

    #: Exceptions raised by the client when the engine cannot be reached or refuses a request.
    unavailable_errors = ()

    def __init__(self, params):
        params = dict(params)
        self.url_setting = params.pop("URL_SETTING", "the search backend's URLS")
        urls = params.get("URLS") or []
        self.urls = [urls] if isinstance(urls, str) else list(urls)
        super().__init__(params)

    def describe_urls(self):
        """'OPENSEARCH_URL=http://host:9200', without any password the URL carries."""
        if not self.urls:
            return self.url_setting
        return f"{self.url_setting}={', '.join(without_password(url) for url in self.urls)}"

    def unavailable_message(self, error):
        return f"The search engine at {self.describe_urls()} cannot be used: {error}"

    def check_connection(self):
        """None if the engine answers, otherwise what went wrong (for the system check)."""
        try:
            self.ping_engine(self.es, CHECK_TIMEOUT)
        except self.unavailable_errors as error:
            return self.unavailable_message(error)
        return None

    @staticmethod
    def ping_engine(client, timeout):
        raise NotImplementedError


def language_backend(name, module, engine_backend, client_class, unavailable_errors, ping):
    """A subclass of one of modelsearch's engine backends with everything above.

    `engine_backend`: modelsearch's backend class (its mapping, query compiler and results
    classes are extended alongside); `client_class`: that backend's client; `unavailable_errors`:
    the client's exceptions for "cannot be used"; `ping(client, timeout)`: one cheap request.
    """

    def subclass(class_name, bases, **attributes):
        return type(class_name, bases, {"__module__": module, "__qualname__": class_name, **attributes})

    mapping = subclass("LanguageMapping", (LanguageMappingMixin, engine_backend.mapping_class))
    return subclass(
        name,
        (EngineBackendMixin, engine_backend),
        mapping_class=mapping,
        query_compiler_class=subclass(
            "LanguageSearchQueryCompiler",
            (LanguageQueryCompilerMixin, engine_backend.query_compiler_class),
            mapping_class=mapping,
        ),
        autocomplete_query_compiler_class=subclass(
            "LanguageAutocompleteQueryCompiler", (engine_backend.autocomplete_query_compiler_class,), mapping_class=mapping
        ),
        results_class=subclass(
            "LanguageSearchResults", (FacetAllValuesMixin, TopHitsWithoutTotalMixin, engine_backend.results_class)
        ),
        settings=with_language_analysis(engine_backend.settings),
        client_class=staticmethod(shared_client(client_class)),
        unavailable_errors=unavailable_errors,
        ping_engine=staticmethod(ping),
    )
