"""OpenSearch backend (opensearch-py client) over the terms of `search.analysis`.

modelsearch's `opensearch3` backend (the one that works with opensearch-py 3.x; it talks to
OpenSearch 1.x, 2.x and 3.x servers) matching the pre-analysed terms shared with every other
backend (see `search.backends.engine` and `search.backends.engine_terms`). Selected by
`OPENSEARCH_URL`.
"""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from opensearchpy import OpenSearch
from opensearchpy.exceptions import TransportError

from .engine import language_backend


def ping(client, timeout):
    client.info(request_timeout=timeout)


LanguageOpenSearchBackend = language_backend(
    "LanguageOpenSearchBackend",
    __name__,
    OpenSearch3SearchBackend,
    OpenSearch,
    # Connection refused or timed out, and every error answer (a missing index included).
    unavailable_errors=(TransportError,),
    ping=ping,
)

SearchBackend = LanguageOpenSearchBackend
