"""Elasticsearch 9 backend over the terms of `search.analysis`.

modelsearch's `elasticsearch9` backend matching the pre-analysed terms shared with every other
backend (see `search.backends.engine` and `search.backends.engine_terms`).
Selected by `ELASTICSEARCH_URL`. The `elasticsearch` client refuses OpenSearch servers:
point `OPENSEARCH_URL` at those.
"""

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from .engine import language_backend


def ping(client, timeout):
    client.options(request_timeout=timeout).info()


LanguageElasticsearchBackend = language_backend(
    "LanguageElasticsearchBackend",
    __name__,
    Elasticsearch9SearchBackend,
    Elasticsearch,
    # Connection errors and timeouts (elastic_transport), error answers and a server that is
    # not Elasticsearch (ApiError, UnsupportedProductError).
    unavailable_errors=(TransportError, ApiError),
    ping=ping,
)

SearchBackend = LanguageElasticsearchBackend
