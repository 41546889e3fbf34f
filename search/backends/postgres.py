"""PostgreSQL full-text search that stems every document and query in its own language.

modelsearch's PostgreSQL backend has one text search configuration (`SEARCH_CONFIG`) for
everything, and several database backends would overwrite one shared index table
(wagtail issue #9253). This backend keeps the one index table and instead chooses the
configuration per row:

* at index time, each object's tsvector is built with the configuration of the object's
  locale (fi -> finnish, sv -> swedish, en -> english; 'simple' for other languages and for
  models without a locale, such as images and documents);
* at search time, for models with a locale, every candidate row is matched against the
  query parsed with the configuration of *that row's* locale:
  ``(locale IN fi-locales AND vector @@ to_tsquery('finnish', q)) OR (locale IN sv-locales
  AND vector @@ to_tsquery('swedish', q)) OR ...``. The public search is restricted to the
  active locale, so there the query is parsed with the active language's configuration
  only; the admin (which searches every locale at once) still finds each language's pages.

Use it with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.postgres"}}``.
"""

from django.db.models import Case, FloatField, Q, Value, When
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from .languages import DEFAULT_POSTGRES_CONFIG, has_locale, normalise_for_config, postgres_config_for

_locale_configs = None


def locale_configs():
    """{locale pk: text search configuration}, cached until a Locale is saved or deleted."""
    global _locale_configs
    if _locale_configs is None:
        from wagtail.models import Locale

        _locale_configs = {
            pk: postgres_config_for(code)
            for pk, code in Locale.objects.values_list("pk", "language_code")
        }
    return _locale_configs


def clear_locale_configs(**kwargs):
    global _locale_configs
    _locale_configs = None


def _connect_signals():
    from wagtail.models import Locale

    post_save.connect(clear_locale_configs, sender=Locale, dispatch_uid="search_locale_configs_save")
    post_delete.connect(clear_locale_configs, sender=Locale, dispatch_uid="search_locale_configs_delete")


class LanguageObjectIndexer(ObjectIndexer):
    """Builds the tsvectors with the configuration of the object's own language."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.config = backend.config_for_object(obj)

    def as_vector(self, texts, for_autocomplete=False):
        if not for_autocomplete:
            texts = [(normalise_for_config(text, self.config), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # The same statement as modelsearch 1.3's PostgresIndex.add_items, with the
        # language-aware indexer.
        if not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        connection = self.write_connection
        from django.db.models.sql.subqueries import InsertQuery

        compiler = InsertQuery(IndexEntry).get_compiler(connection=connection)
        rows = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, force_str(indexer.id)))
            vectors_sql = []
            for field_name, vector in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                value = compiler.prepare_value(IndexEntry._meta.get_field(field_name), vector)
                sql, value_params = value.as_sql(compiler, connection)
                vectors_sql.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors_sql[0]}, {vectors_sql[1]}, {vectors_sql[2]}, 1.0, %s, %s)")

        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm,
                     title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 - only placeholders and compiled expressions are interpolated
                params,
            )
        self._refresh_title_norms()


class LanguageSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            query = PlainText(normalise_for_config(query.query_string, config), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(normalise_for_config(query.query_string, config))
        return super().build_tsquery_content(query, config=config, invert=invert)

    def _per_locale(self):
        """[(configuration, [locale pks])] when rows must be matched in their own language."""
        if self.fields is not None or not has_locale(self.queryset.model):
            return None
        if isinstance(self.query, (MatchAll, Fuzzy)) or (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        ):
            return None
        groups = {}
        for pk, config in locale_configs().items():
            groups.setdefault(config, []).append(pk)
        return sorted(groups.items())

    def search(self, config, start, stop, score_field=None, backend=None):
        groups = self._per_locale()
        if not groups:
            return super().search(config, start, stop, score_field=score_field, backend=backend)

        vectors = self.get_index_vectors(None)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)

        condition = Q()
        ranks = []
        for group_config, locale_pks in groups:
            tsquery = self.build_tsquery(self.query, config=group_config)
            if tsquery is None:
                continue
            condition |= Q(locale__in=locale_pks, _vector_=tsquery)
            ranks.append(
                When(locale__in=locale_pks, then=self._build_rank_expression(vectors, group_config))
            )
        if not ranks:
            return self.queryset.none()
        queryset = self.queryset.annotate(_vector_=combined_vector).filter(condition)
        rank_expression = Case(*ranks, default=Value(0.0), output_field=FloatField())
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = LanguagePostgresIndex
    results_class = PostgresSearchResults

    def __init__(self, params):
        params = dict(params)
        params.setdefault("SEARCH_CONFIG", DEFAULT_POSTGRES_CONFIG)
        super().__init__(params)
        _connect_signals()

    def config_for_object(self, obj):
        locale_pk = getattr(obj, "locale_id", None)
        if locale_pk is None:
            return self.config
        configs = locale_configs()
        if locale_pk not in configs:
            clear_locale_configs()
            configs = locale_configs()
        return configs.get(locale_pk, self.config)


SearchBackend = LanguagePostgresSearchBackend
