"""SQLite (FTS5) search over analysed terms, ranked in one statement (see `search.backends.database`).

The embedded default: `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.sqlite"}}`.
The FTS5 table and its triggers are modelsearch's own (migration 0002); the index rows hold
`search.analysis` terms, which FTS5's unicode61 tokenizer takes as they are. The SQL here
relies on that table and its triggers as modelsearch 1.3.2 creates them
(`database.MODELSEARCH_VERSION`, `COPIED_FROM_MODELSEARCH`, checked by tests/search/test_modelsearch_upstream.py).
"""

from modelsearch.conf import get_app_config

from .database import TITLE_BONUS, AnalysedDatabaseBackend, AnalysedDatabaseIndex, IndexEntry

# Upstream source relied on -> (sha256 of its source in `database.MODELSEARCH_VERSION`, what to re-check).
COPIED_FROM_MODELSEARCH = {
    "modelsearch/migrations/0002_customise_indexentry.py": (
        "fc457502992d4572cb33da1f65f6987d063a2b9e1a5e5fbdf6aa95c165a39cef",
        "the FTS5 table (its columns autocomplete, body, title, named in `match_sql`) and the triggers "
        "that copy the index rows into it, which `SQLiteAnalysedIndex.upsert_entries` relies on",
    ),
}

FTS_TABLE = f"{IndexEntry._meta.db_table}_fts"
ENTRY_TABLE = IndexEntry._meta.db_table


def fts_string(term, prefix=False):
    """An FTS5 string: the term in double quotes (a term never is FTS5 syntax then)."""
    quoted = '"' + term.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


class SQLiteAnalysedIndex(AnalysedDatabaseIndex):
    def upsert_entries(self, content_type_pk, documents):
        rows = [
            (content_type_pk, document.id, document.title_terms, document.body_terms, document.autocomplete_text,
             document.weight)
            for document in documents
        ]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {ENTRY_TABLE} (content_type_id, object_id, title, body, autocomplete, title_norm) "  # noqa: S608
                f"VALUES {', '.join(['(%s, %s, %s, %s, %s, %s)'] * len(rows))} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = excluded.title, "
                "body = excluded.body, autocomplete = excluded.autocomplete, title_norm = excluded.title_norm",
                [value for row in rows for value in row],
            )


class SQLiteAnalysedBackend(AnalysedDatabaseBackend):
    vendor = "sqlite"
    index_class = SQLiteAnalysedIndex

    def __init__(self, params):
        super().__init__(params)
        get_app_config().get_model("SQLiteFTSIndexEntry")  # FTS5 is required: fail early if missing

    def match_sql(self, analysed, content_type_pks, title_only=False, autocomplete=False):
        if autocomplete:
            words = [terms[0] for terms in analysed.groups]
            expression = " AND ".join(
                fts_string(word, prefix=index == len(words) - 1) for index, word in enumerate(words)
            )
            return self._single_match(f"{{autocomplete}} : ({expression})", None, content_type_pks)
        columns = "{title}" if title_only else "{title body}"
        groups = ["(" + " OR ".join(fts_string(term) for term in terms) + ")" for terms in analysed.groups]
        if analysed.operator == "or" and len(groups) > 1:
            # Any word: one match per word, and a page's score grows with the square of the
            # number of words it has, so pages with more of the words come first.
            parts = [
                self._single_match(f"{columns} : {group}", f"{{title}} : {group}", content_type_pks)
                for group in groups
            ]
            sql = " UNION ALL ".join(part_sql for part_sql, _params in parts)
            params = [param for _sql, part_params in parts for param in part_params]
            return (
                "SELECT words.object_id AS object_id, "  # noqa: S608 - compiled SQL only
                f"SUM(words.score) * COUNT(*) * COUNT(*) AS score FROM ({sql}) words GROUP BY words.object_id",
                params,
            )
        expression = " AND ".join(groups)
        return self._single_match(
            f"{columns} : ({expression})", f"{{title}} : ({' OR '.join(groups)})", content_type_pks
        )

    def _single_match(self, match, title_match, content_type_pks):
        """One FTS5 match, scored by bm25() plus TITLE_BONUS if the title has any of the words.

        FTS5's bm25() normalises every column by the length of the whole row, so a title
        match in a page with a long body would count for little: the title is matched on
        its own instead (a second MATCH on the same table, once per query).
        """
        placeholders = ", ".join(["%s"] * len(content_type_pks)) or "NULL"
        # FTS5 columns: (autocomplete, body, title); bm25() is lower for better matches.
        if title_match is None:
            title_score, title_params = "0", []
        else:
            # A subquery that does not refer to the outer row: SQLite runs it once (a join
            # would run one FTS query per matching row).
            title_score = (
                f"(CASE WHEN {FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) "  # noqa: S608
                f"THEN {TITLE_BONUS} ELSE 0 END)"
            )
            title_params = [title_match]
        score = f"({title_score} - bm25({FTS_TABLE}, 0.0, 1.0, 1.0)) * entry.title_norm"
        sql = (
            f"SELECT entry.object_id AS object_id, {score} AS score "  # noqa: S608 - no user text in the SQL
            f"FROM {FTS_TABLE} JOIN {ENTRY_TABLE} entry ON entry.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND entry.content_type_id IN ({placeholders})"
        )
        return sql, [*title_params, match, *content_type_pks]


SearchBackend = SQLiteAnalysedBackend
