"""Search test fixtures: the language trees, a real search engine, and the search page on every backend.

The engine (`search_engine`, tests marked `search_engine`) runs when OPENSEARCH_URL (or
ELASTICSEARCH_URL) is set (`make services` starts an OpenSearch node and prints the URL) and
is skipped with the reason otherwise (see tests/conftest.py). Every test run gets indices
under a prefix of its own process, so parallel runs against one engine never see each
other's documents; they are emptied before each test (the database is rolled back after
each) and deleted at the end of the run.
"""

import os
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.backends import get_search_backend

RUN_PREFIX = f"test_{os.getpid()}_{uuid.uuid4().hex[:6]}_"


@pytest.fixture(autouse=True)
def fresh_locale_languages():
    """The backends cache each locale's language; tests create locales anew."""
    from search.backends.documents import clear_locale_languages

    clear_locale_languages()
    yield
    clear_locale_languages()


@pytest.fixture
def trees(home, locales):
    """The home page of each language: {"fi": ..., "sv": ..., "en": ...}."""
    return {"fi": home, "sv": home.get_translation(locales["sv"]), "en": home.get_translation(locales["en"])}


class Engine:
    def __init__(self, backend):
        self.backend = backend
        self.prefix = backend.index_prefix

    def rebuild(self):
        """`manage.py update_index`: new indices with the site's mappings, filled from the database."""
        call_command("update_index", verbosity=0)
        self.refresh()

    def refresh(self):
        """Make what was just indexed searchable (the engine does it by itself within a second)."""
        self.backend.es.indices.refresh(index=f"{self.prefix}*")

    def page_alias(self):
        return f"{self.prefix}wagtailcore_page"

    def indices_behind(self, alias):
        return sorted(self.backend.es.indices.get_alias(name=alias))

    def empty(self):
        """Remove every document (tests share the indices; the database is rolled back after each)."""
        # (One by one: _delete_by_query belongs to the reindex module, which the local node leaves out.)
        self.refresh()
        hits = self.backend.es.search(
            index=f"{self.prefix}*", body={"query": {"match_all": {}}, "size": 10_000, "_source": False}
        )
        actions = [{"_op_type": "delete", "_index": hit["_index"], "_id": hit["_id"]} for hit in hits["hits"]["hits"]]
        if actions:
            self.backend.bulk(self.backend.es, actions, refresh=True)

    def delete_all(self):
        self.backend.es.indices.delete(index=f"{self.prefix}*")


@pytest.fixture(scope="session")
def search_engine_config(django_db_setup, django_db_blocker):
    """The engine's indices under this run's prefix, created once (`update_index --schema-only`)."""
    config = dict(django_settings.SEARCH_ENGINE_BACKEND, INDEX_PREFIX=RUN_PREFIX)
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS={"default": config}):
        engine = Engine(get_search_backend())
        engine.delete_all()
        call_command("update_index", schema_only=True, verbosity=0)
    yield config
    engine.delete_all()


@pytest.fixture
def search_engine(search_engine_config, settings, home):
    """The engine as the site's search backend, its indices empty at the start of the test."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": search_engine_config}
    engine = Engine(get_search_backend())
    engine.empty()
    return engine


class SearchPage:
    """The search page as a visitor uses it, on the backend of the test (database or engine).

    `search("kotoutuminen", "sv", type="practice")` GETs /sv/search/?q=...; on the engine it
    first makes what the test indexed searchable.
    """

    def __init__(self, client, engine=None):
        self.client = client
        self.engine = engine

    @property
    def name(self):
        return "engine" if self.engine else "database"

    def ready(self):
        if self.engine is not None:
            self.engine.refresh()

    def __call__(self, query=None, language="fi", **params):
        self.ready()
        if query is not None:
            params["q"] = query
        prefix = "" if language == "fi" else f"/{language}"
        return self.client.get(f"{prefix}/search/", params)


@pytest.fixture(params=["database", pytest.param("engine", marks=pytest.mark.search_engine)])
def search(request, client, trees):
    """The search page on the database backend the tests run on, and on the engine (marked search_engine)."""
    engine = request.getfixturevalue("search_engine") if request.param == "engine" else None
    return SearchPage(client, engine)
