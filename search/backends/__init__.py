"""Search backends over the one language analysis of `search.analysis`.

`documents` is what every backend indexes and how a query becomes analysed terms;
`sqlite` and `postgres` (with `database`, what they share) and `opensearch` and
`elasticsearch` (with `engine` and `engine_terms`) are the backends (see README.md,
"Search"). This package must stay importable from settings: it imports no models here.
"""


def unavailable_errors(backend):
    """The exceptions that mean a search backend's engine cannot be reached (none for databases)."""
    return getattr(backend, "unavailable_errors", ())
