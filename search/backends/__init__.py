"""Language-aware search backends.

`languages` says which language a locale is and how PostgreSQL analyses it; `analysis` is
the analysis of the search engines. `postgres`, `opensearch` and `elasticsearch` are the
backends (see README.md, "Search"); `engine` is what the last two share. This package must
stay importable from settings: it imports no models here.
"""


def unavailable_errors(backend):
    """The exceptions that mean a search backend's engine cannot be reached (none for databases)."""
    return getattr(backend, "unavailable_errors", ())
