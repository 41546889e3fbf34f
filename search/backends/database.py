"""The part of the SQLite and PostgreSQL backends that does not depend on the database.

Both keep modelsearch's index table (`modelsearch_indexentry`: one row per object with a
title and a body column), but fill it with the terms of `search.analysis` instead of raw
text, and search it with one statement of their own per question instead of modelsearch's
query compilers:

* the match: the index rows whose title or body has the query's terms, with a score
  (SQLite: FTS5 `MATCH` and `bm25()`; PostgreSQL: `@@` on the GIN-indexed tsvectors and
  `ts_rank`), plus a bonus if the title has a query word, times the row's weight (kept in
  `title_norm`, which modelsearch uses for title-length normalisation and these backends
  do not: a page without a summary weighs less);
* the results: the searched queryset (live, public, one locale ...) restricted to the
  matched ids, counted and faceted by the database, and for a page of results ordered by
  score in one statement with LIMIT, so nothing is computed per matching row twice.
  modelsearch's SQLite backend ranked with a correlated bm25 subquery per matching row,
  which took seconds at 10 000 pages (wagtail/django-modelsearch#85).

Each vendor module supplies `upsert_entries` and `match_sql`.
"""

from collections import Counter

from django.db import connections, router
from django.db.models import AutoField, BigAutoField, CharField, Count, Exists, F, IntegerField, OuterRef
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.base import BaseIndex, BaseSearchBackend, BaseSearchQueryCompiler, BaseSearchResults
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import analysis
from search.models import IndexedText, IndexedWord

from .documents import IndexDocument, analysed_query

# The modelsearch release the SQL of `postgres.py` and `sqlite.py` was written against (pinned in
# requirements.txt; what each copies: their `COPIED_FROM_MODELSEARCH`).
MODELSEARCH_VERSION = "1.3.2"

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

# Added to the score of a page whose title has a query word: title matches rank above body
# matches, and among themselves by the text's own relevance (scores are ~0.1-10).
TITLE_BONUS = 10.0
BATCH = 200  # rows per INSERT statement


def store_texts(model, documents):
    """Keep the text as written (snippets) and count the words (suggestions) of indexed objects."""
    if not documents:
        return
    content_type_pk = get_content_type_pk(model)
    IndexedText.objects.bulk_create(
        [
            IndexedText(
                content_type_id=content_type_pk,
                object_id=document.id,
                language=document.language or "",
                title=document.title_text,
                body=document.body_text,
            )
            for document in documents
        ],
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["language", "title", "body"],
        batch_size=BATCH,
    )
    words = Counter()
    for document in documents:
        words.update((document.language or "", word) for word in document.vocabulary())
    rows = [(language, word, len(word), count) for (language, word), count in words.items()]
    table = IndexedWord._meta.db_table
    connection = connections[router.db_for_write(IndexedWord)]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            cursor.execute(
                f"INSERT INTO {table} (language, word, length, documents) "  # noqa: S608 - table name only
                f"VALUES {', '.join(['(%s, %s, %s, %s)'] * len(chunk))} "
                f"ON CONFLICT (language, word) DO UPDATE SET documents = {table}.documents + excluded.documents",
                [value for row in chunk for value in row],
            )


def delete_texts(obj):
    IndexedText.objects.filter(
        content_type_id__in=get_descendants_content_types_pks(type(obj)), object_id=str(obj.pk)
    ).delete()


def tie_breaker(model):
    """The field that orders results of equal score: a page's tree path, else the primary key."""
    return "path" if any(field.name == "path" for field in model._meta.get_fields()) else "pk"


class AnalysedDatabaseIndex(BaseIndex):
    """modelsearch's index table filled with analysed terms, plus the texts as written."""

    def __init__(self, backend):
        super().__init__(backend)
        self.write_connection = connections[router.db_for_write(IndexEntry)]
        self.entries = IndexEntry._default_manager.all()

    def upsert_entries(self, content_type_pk, documents):
        raise NotImplementedError

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        documents = [IndexDocument(obj) for obj in objs]
        if not documents:
            return
        content_type_pk = get_content_type_pk(model)
        for start in range(0, len(documents), BATCH):
            self.upsert_entries(content_type_pk, documents[start : start + BATCH])
        store_texts(model, documents)

    def add_item(self, obj):
        self.add_items(type(obj), [obj])

    def delete_item(self, item):
        item.index_entries.all()._raw_delete(using=self.write_connection.alias)
        delete_texts(item)

    def _refresh_title_norms(self, full=False):
        """modelsearch's rebuilder calls this; `title_norm` holds each row's weight here."""

    def delete_stale_model_entries(self, model):
        existing = model._default_manager.annotate(object_id=Cast("pk", CharField())).values("object_id")
        self.entries.filter(content_type_id__in=get_descendants_content_types_pks(model)).exclude(
            object_id__in=existing
        ).delete()

    def delete_stale_entries(self):
        from modelsearch.index import get_indexed_models

        for model in get_indexed_models():
            if not model._meta.parents:
                self.delete_stale_model_entries(model)
        entry = IndexEntry.objects.filter(content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id"))
        IndexedText.objects.exclude(Exists(entry)).delete()

    def reset(self):
        self.entries._raw_delete(using=self.write_connection.alias)
        IndexedText.objects.all().delete()
        IndexedWord.objects.all().delete()


class DatabaseRebuilder:
    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.delete_stale_entries()
        return self.index

    def finish(self):
        pass


class AnalysedQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "and"
    autocomplete = False
    HANDLES_ORDER_BY_EXPRESSIONS = True

    def check(self):
        """Filters and ordering are the queryset's own: the database applies them as they are."""

    @property
    def analysed(self):
        if not hasattr(self, "_analysed"):
            self._analysed = analysed_query(self.query, self.queryset.model)
        return self._analysed

    @property
    def title_only(self):
        return self.fields is not None and set(self.fields) <= {"title"}


class AnalysedSearchResults(BaseSearchResults):
    supports_facet = True

    def _match(self):
        """(sql, params) of the matching index rows: columns object_id, score."""
        compiler = self.query_compiler
        content_types = get_descendants_content_types_pks(compiler.queryset.model)
        return self.backend.match_sql(
            compiler.analysed, content_types, title_only=compiler.title_only, autocomplete=compiler.autocomplete
        )

    def _matching_queryset(self):
        compiler = self.query_compiler
        queryset = compiler.queryset
        if compiler.analysed.match_all:
            return queryset
        if compiler.analysed.is_empty:
            return queryset.none()
        sql, params = self._match()
        return queryset.annotate(_search_object_id=Cast("pk", CharField())).filter(
            _search_object_id__in=RawSQL(f"SELECT object_id FROM ({sql}) matched", params)  # noqa: S608, S611
        )

    def facet(self, field_name):
        rows = self._matching_queryset().values(field_name).annotate(count=Count("pk")).order_by()
        return dict(Counter({row[field_name]: row["count"] for row in rows}).most_common())

    def _do_count(self):
        return self._matching_queryset().count()

    def _do_search(self):
        compiler = self.query_compiler
        analysed = compiler.analysed
        if analysed.is_empty:
            return []
        if analysed.match_all or not compiler.order_by_relevance:
            queryset = self._matching_queryset()
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[self.start : self.stop])
        ranked = self._ranked_ids()
        objects = compiler.queryset.in_bulk([self._to_pk(object_id) for object_id, _score in ranked])
        results = []
        for object_id, score in ranked:
            obj = objects.get(self._to_pk(object_id))
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _to_pk(self, object_id):
        return self.query_compiler.queryset.model._meta.pk.to_python(object_id)

    def _ranked_ids(self):
        """[(object id, score)] of this slice, best first: one statement, ranked by the database.

        Equal scores are ordered by `tie_breaker` (a page's place in the tree), so a page of
        results is the same on every backend and every run.
        """
        match_sql, match_params = self._match()
        model = self.query_compiler.queryset.model
        # Join on the primary key itself where it is an integer, so that the database looks each
        # match up by its key: compared as text, SQLite scanned the locale's pages once per
        # match (6 s instead of 40 ms for 2 900 matches among 10 000 pages).
        if isinstance(model._meta.pk, (AutoField, BigAutoField, IntegerField)):
            join_key, on = F("pk"), "searched._search_key = CAST(matched.object_id AS INTEGER)"
        else:
            join_key, on = Cast("pk", CharField()), "searched._search_key = matched.object_id"
        ids = (
            self.query_compiler.queryset.annotate(_search_key=join_key, _search_tie=F(tie_breaker(model)))
            .values("_search_key", "_search_tie")
            .order_by()
        )
        ids_sql, ids_params = ids.query.sql_with_params()
        limit = "" if self.stop is None else f" LIMIT {int(self.stop - self.start)}"
        offset = f" OFFSET {int(self.start)}" if self.start else ""
        if not limit and offset:
            limit = " LIMIT -1" if self.backend.vendor == "sqlite" else " LIMIT ALL"
        sql = (
            f"SELECT matched.object_id, matched.score FROM ({match_sql}) matched "  # noqa: S608 - compiled SQL only
            f"JOIN ({ids_sql}) searched ON {on} "
            f"ORDER BY matched.score DESC, searched._search_tie{limit}{offset}"
        )
        connection = connections[router.db_for_read(model)]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*match_params, *ids_params])
            return cursor.fetchall()


class AnalysedDatabaseBackend(BaseSearchBackend):
    """The search backend of both databases; the vendor modules add `match_sql` and `upsert_entries`."""

    vendor = None
    query_compiler_class = AnalysedQueryCompiler
    autocomplete_query_compiler_class = None  # set below, after its class
    results_class = AnalysedSearchResults
    rebuilder_class = DatabaseRebuilder
    atomic_rebuilder_class = DatabaseRebuilder

    def __init__(self, params):
        super().__init__(params)
        self.config = None

    def match_sql(self, analysed, content_type_pks, title_only=False, autocomplete=False):
        raise NotImplementedError


class AnalysedAutocompleteQueryCompiler(AnalysedQueryCompiler):
    """Prefix search on the autocomplete fields as written (lower case, the last word a prefix)."""

    autocomplete = True

    @property
    def analysed(self):
        if not hasattr(self, "_analysed"):
            from modelsearch.query import MatchAll

            from .documents import AnalysedQuery, _texts

            if isinstance(self.query, MatchAll):
                self._analysed = AnalysedQuery([], match_all=True)
            else:
                found = analysis.words(" ".join(_texts(self.query)))
                self._analysed = AnalysedQuery([(word,) for word in dict.fromkeys(found)], "and")
        return self._analysed


AnalysedDatabaseBackend.autocomplete_query_compiler_class = AnalysedAutocompleteQueryCompiler
