"""Search quality over the demo content must not fall below what was measured (search/relevance/baseline.yaml).

The demo content is built as `make run` builds it, then every query of
search/relevance/queries.yaml is searched as the search page searches it, on the database
backend the tests run on and (marked `search_engine`) on OpenSearch.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from search.quality import CATEGORIES, evaluate, load_baseline, load_queries


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
    with open("/dev/null", "w") as quiet:
        call_command("update_index", stdout=quiet)


def assert_not_below_the_baseline(backend):
    groups, results = evaluate()
    baseline = load_baseline()[backend]

    failures = []
    for name, expected in baseline.items():
        figures = groups[name].as_dict()
        for measure, minimum in expected.items():
            if figures[measure] < minimum:
                failures.append(f"{name} {measure}: {figures[measure]} < {minimum}")
    missed = [f"{r.query['lang']} {r.query['q']!r} missing {r.missing}" for r in results if r.missing]
    assert not failures, "\n".join(failures + ["", *missed])
    # The goals of the issue, whatever the baseline says.
    assert groups["all"].success >= 0.9 and groups["all"].recall >= 0.8
    assert all(groups[category].recall >= 0.7 for category in CATEGORIES)


@pytest.mark.django_db
def test_search_quality_does_not_drop_below_the_baseline(django_capture_on_commit_callbacks):
    load_demo_site(django_capture_on_commit_callbacks)
    assert_not_below_the_baseline(connection.vendor)


@pytest.mark.search_engine
@pytest.mark.django_db
def test_search_quality_on_the_engine_does_not_drop_below_the_baseline(search_engine, django_capture_on_commit_callbacks):
    load_demo_site(django_capture_on_commit_callbacks)
    search_engine.refresh()
    assert_not_below_the_baseline("opensearch")
