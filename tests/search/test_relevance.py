"""Search quality over the demo content must not fall below what was measured (search/relevance/baseline.yaml).

Every query of search/relevance/queries.yaml is searched as the search page searches it, over
the demo content as `make run` builds it: on SQLite in this run's demo site, on PostgreSQL
(when the tests run on it) and, marked `search_engine`, on OpenSearch over a load in the test
database.
"""

import json
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

from search.quality import CATEGORIES, evaluate, load_baseline, load_queries
from tests.demo_site import MANAGE, PROJECT


def test_the_relevance_set_covers_languages_and_categories():
    queries = load_queries()
    by_language = {language: [q for q in queries if q["lang"] == language] for language in ("fi", "sv", "en")}
    assert len(queries) >= 80
    assert all(len(by_language["fi"]) >= 48 and len(by_language[lang]) >= 16 for lang in ("sv", "en"))
    assert {q["category"] for q in queries} == set(CATEGORIES)
    for query in queries:
        assert query["expect"] and all(path.startswith("/") for path in query["expect"]), query


def load_demo_site(django_capture_on_commit_callbacks):
    """The demo content as `make run` builds it, indexed by the site's search backend."""
    # Not a transactional test (it would empty the migrated tables for the tests after it):
    # the translations' on-commit publishing runs when the loading ends.
    with open("/dev/null", "w") as quiet, django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=quiet)
    # The command builds the index at its end, before the commit above published the translations.
    with open("/dev/null", "w") as quiet:
        call_command("update_index", stdout=quiet)


def measured_here():
    """({group: figures}, [missed queries]) of the search page on this database's content."""
    groups, results = evaluate()
    missed = [f"{r.query['lang']} {r.query['q']!r} missing {r.missing}" for r in results if r.missing]
    return {name: figures.as_dict() for name, figures in groups.items()}, missed


def assert_not_below_the_baseline(backend, groups, missed):
    baseline = load_baseline()[backend]
    failures = [
        f"{name} {measure}: {groups[name][measure]} < {minimum}"
        for name, expected in baseline.items()
        for measure, minimum in expected.items()
        if groups[name][measure] < minimum
    ]
    assert not failures, "\n".join(failures + ["", *missed])
    # The goals of the issue, whatever the baseline says.
    assert groups["all"]["success"] >= 0.9 and groups["all"]["recall"] >= 0.8
    assert all(groups[category]["recall"] >= 0.7 for category in CATEGORIES)


def test_search_quality_on_sqlite_does_not_drop_below_the_baseline(demo_site):
    """SQLite's backend on this run's demo site (the site `make run` builds), by `search_quality`."""
    result = subprocess.run(
        [*MANAGE, "search_quality", "--json"], cwd=PROJECT, env=demo_site.env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    [(name, groups, missed)] = json.loads(result.stdout.strip().splitlines()[-1])
    assert name.endswith("(sqlite)"), name
    assert_not_below_the_baseline("sqlite", groups, missed)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite is measured on the demo site (the test above)")
@pytest.mark.django_db
def test_search_quality_does_not_drop_below_the_baseline(django_capture_on_commit_callbacks):
    load_demo_site(django_capture_on_commit_callbacks)
    assert_not_below_the_baseline(connection.vendor, *measured_here())


@pytest.mark.search_engine
@pytest.mark.django_db
def test_search_quality_on_the_engine_does_not_drop_below_the_baseline(search_engine, django_capture_on_commit_callbacks):
    load_demo_site(django_capture_on_commit_callbacks)
    search_engine.refresh()
    assert_not_below_the_baseline("opensearch", *measured_here())
