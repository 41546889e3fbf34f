"""What the OpenSearch and Elasticsearch backends share: the one analysis, client reuse, clear failures.

Analysis: the engine matches the terms of `search.analysis`, the same terms as the SQLite and
PostgreSQL backends (see `search.backends.engine_terms`): every document carries its
analysed title and body terms in two fields the engine takes as they are (`whitespace`
analyzer), and every query is the analysed term groups of the visitor's words. No language
analyzer of the engine is involved, so a word is found the same way on every backend, and
the engine needs no analysis plug-in beyond its built-in `whitespace` analyzer. modelsearch's
own fields stay in the mapping: its `_edgengrams` serve autocomplete (admin choosers), and
filters and ordering use its filter fields.

Each concrete backend (`opensearch.py`, `elasticsearch.py`) is `language_backend(...)` of
modelsearch's backend for its client, naming the errors that mean "the engine cannot be
used" (`unavailable_errors`): the search page answers 503 on them, `update_index` and the
system check name the environment variable and the URL.
"""

import threading
from urllib.parse import urlsplit, urlunsplit

from .engine_terms import AnalysedTermsIndexMixin, AnalysedTermsMappingMixin, AnalysedTermsQueryCompilerMixin
from .modelsearch_facet_size import FacetAllValuesMixin

# Seconds the start-up check waits for the engine's answer.
CHECK_TIMEOUT = 3


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


def without_password(url):
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


class EngineBackendMixin:
    """Client reuse and clear failures.

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

    `engine_backend`: modelsearch's backend class (its mapping, index, query compiler and
    results classes are extended alongside); `client_class`: that backend's client;
    `unavailable_errors`: the client's exceptions for "cannot be used"; `ping(client, timeout)`:
    one cheap request.
    """

    def subclass(class_name, bases, **attributes):
        return type(class_name, bases, {"__module__": module, "__qualname__": class_name, **attributes})

    mapping = subclass("AnalysedTermsMapping", (AnalysedTermsMappingMixin, engine_backend.mapping_class))
    return subclass(
        name,
        (EngineBackendMixin, engine_backend),
        mapping_class=mapping,
        index_class=subclass("AnalysedTermsIndex", (AnalysedTermsIndexMixin, engine_backend.index_class)),
        query_compiler_class=subclass(
            "AnalysedTermsQueryCompiler",
            (AnalysedTermsQueryCompilerMixin, engine_backend.query_compiler_class),
            mapping_class=mapping,
        ),
        autocomplete_query_compiler_class=subclass(
            "AutocompleteQueryCompiler", (engine_backend.autocomplete_query_compiler_class,), mapping_class=mapping
        ),
        results_class=subclass(
            "AnalysedTermsSearchResults", (FacetAllValuesMixin, TopHitsWithoutTotalMixin, engine_backend.results_class)
        ),
        client_class=staticmethod(shared_client(client_class)),
        unavailable_errors=unavailable_errors,
        ping_engine=staticmethod(ping),
    )
