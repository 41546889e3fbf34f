"""Language-aware search backends.

`languages` maps a locale's language to a PostgreSQL text search configuration and to an
Elasticsearch analyzer; `postgres` and `elasticsearch` are the backends (see README.md,
"Search"). This package must stay importable from settings: it imports no models here.
"""
