"""PostgreSQL full-text search over analysed terms (see `search.backends.database`).

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.postgres"}}`, chosen
automatically when `DATABASE_URL` is PostgreSQL and no engine is configured.

Every language is analysed by `search.analysis` in Python, so PostgreSQL's own stemmers are
not used: the index rows' tsvectors are built from the analysed terms with the 'simple'
configuration (lower case, no stemming), and a query is the analysed terms joined into a
tsquery with the same configuration. One table and one configuration serve every language,
so several configurations never overwrite one shared index table (wagtail#9253), and the
title and body vectors' own GIN indexes answer `@@`.

Copied from modelsearch 1.3.2 (`database.MODELSEARCH_VERSION`, pinned in requirements.txt): the
upsert of `PostgresIndex.add_items` (one INSERT ... ON CONFLICT (content_type_id,
object_id) DO UPDATE for a batch), written here with the analysed terms and the row's
weight in `title_norm`, into the table of modelsearch's `AbstractIndexEntry`.
tests/search/test_modelsearch_upstream.py hashes those upstream sources and fails when an
upgrade changes them (`COPIED_FROM_MODELSEARCH`).
"""

from .database import TITLE_BONUS, AnalysedDatabaseBackend, AnalysedDatabaseIndex, IndexEntry

ENTRY_TABLE = IndexEntry._meta.db_table
CONFIG = "simple"

# Upstream source copied or relied on -> (sha256 of its source in `database.MODELSEARCH_VERSION`, what to re-check).
COPIED_FROM_MODELSEARCH = {
    "modelsearch.backends.database.postgres.postgres:PostgresIndex.add_items": (
        "62bf7488351e386482f9e20db0670c3064185250ef816c71584afef14fcb079e",
        "the upsert `PostgresAnalysedIndex.upsert_entries` copies: the columns it writes, the conflict "
        "target (content_type_id, object_id), and what `title_norm` holds (a weight here)",
    ),
    # The whole module: which AbstractIndexEntry it defines depends on the database vendor.
    "modelsearch/abstract_models.py": (
        "b5a6e3e2ee2e7c949f88e45686084e35959077681537007760cd02ed9b18005e",
        "the index table the SQL here writes and reads: column names, tsvector types of title/body/"
        "autocomplete on PostgreSQL, the unique (content_type, object_id), the GIN indexes `match_sql` uses",
    ),
}


def tsquery_lexeme(term, prefix=False):
    """A tsquery operand: the term quoted (terms are letters and digits only), `:*` for a prefix."""
    quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if prefix else quoted


class PostgresAnalysedIndex(AnalysedDatabaseIndex):
    def upsert_entries(self, content_type_pk, documents):
        rows = []
        params = []
        for document in documents:
            rows.append(
                f"(%s, %s, to_tsvector('{CONFIG}', %s), to_tsvector('{CONFIG}', %s), to_tsvector('{CONFIG}', %s), "
                "%s, '', '')"
            )
            params.extend(
                (content_type_pk, document.id, document.title_terms, document.body_terms,
                 document.autocomplete_text, document.weight)
            )
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {ENTRY_TABLE} (content_type_id, object_id, title, body, autocomplete, title_norm, "  # noqa: S608
                f"title_text, body_text) VALUES {', '.join(rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "body = EXCLUDED.body, autocomplete = EXCLUDED.autocomplete, title_norm = EXCLUDED.title_norm",
                params,
            )


class PostgresAnalysedBackend(AnalysedDatabaseBackend):
    vendor = "postgresql"
    index_class = PostgresAnalysedIndex

    def match_sql(self, analysed, content_type_pks, title_only=False, autocomplete=False):
        if autocomplete:
            words = [terms[0] for terms in analysed.groups]
            tsquery = " & ".join(
                tsquery_lexeme(word, prefix=index == len(words) - 1) for index, word in enumerate(words)
            )
            return self._single_match(
                "ts_rank(entry.autocomplete, query.q)", [], "entry.autocomplete @@ query.q", tsquery, content_type_pks
            )
        groups = ["(" + " | ".join(tsquery_lexeme(term) for term in terms) + ")" for terms in analysed.groups]
        any_word = analysed.operator == "or" and len(groups) > 1
        any_group = " | ".join(groups)
        if title_only:
            return self._single_match(
                "ts_rank(entry.title, query.q)", [], "entry.title @@ query.q", " & ".join(groups), content_type_pks
            )
        # Each word (group) may be in the title or in the body, as in FTS5's `{title body}`.
        word_matches = [
            f"(entry.title @@ to_tsquery('{CONFIG}', %s) OR entry.body @@ to_tsquery('{CONFIG}', %s))" for _ in groups
        ]
        word_params = [group for group in groups for _twice in range(2)]
        condition = ("(" + " OR ".join(word_matches) + ")") if any_word else " AND ".join(word_matches)
        # Title matches above body matches (see TITLE_BONUS): any query word in the title counts.
        score = (
            f"(CASE WHEN entry.title @@ query.q THEN {TITLE_BONUS} ELSE 0 END "
            "+ ts_rank(entry.title, query.q) + ts_rank(entry.body, query.q))"
        )
        score_params = []
        if any_word:
            # A page's score grows with the square of the number of query words it has.
            counted = " + ".join(f"(CASE WHEN {match} THEN 1 ELSE 0 END)" for match in word_matches)
            score = f"{score} * power({counted}, 2)"
            score_params = word_params
        return self._single_match(score, score_params, condition, any_group, content_type_pks, word_params)

    def _single_match(self, score, score_params, condition, tsquery, content_type_pks, condition_params=()):
        """`query.q` is `tsquery` (ranking, title bonus); `condition` decides what matches."""
        placeholders = ", ".join(["%s"] * len(content_type_pks)) or "NULL"
        sql = (
            f"SELECT entry.object_id AS object_id, {score} * entry.title_norm AS score "  # noqa: S608
            f"FROM {ENTRY_TABLE} entry, to_tsquery('{CONFIG}', %s) AS query(q) "
            f"WHERE {condition} AND entry.content_type_id IN ({placeholders})"
        )
        return sql, [*score_params, tsquery, *condition_params, *content_type_pks]


SearchBackend = PostgresAnalysedBackend
