"""The pilot reports a project lists: filters, counts, totals, bad input, query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StandardPageFactory
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory

# (call round, theme, region) of each pilot below the sub-project.
PILOTS = [
    (1, "initial-phase", "uusimaa"),
    (1, "initial-phase", "pirkanmaa"),
    (1, "transition", "uusimaa"),
    (2, "guidance", "uusimaa"),
    (2, "transition", "lappi"),
    (3, "initial-phase", "lappi"),
]


@pytest.fixture
def project(home):
    """A project whose pilots sit below a sub-project, plus an unpublished pilot that must not count."""
    project = ProjectPageFactory(parent=home, title="Kotona Suomessa")
    sub_project = ProjectPageFactory(parent=project, title="Hyvä alku")
    for call_round, theme, region in PILOTS:
        PilotReportPageFactory(parent=sub_project, call_round=call_round, theme=theme, region=region)
    PilotReportPageFactory(parent=sub_project, call_round=4, theme="guidance", region="kainuu", live=False)
    return project


def listing(client, page, query=""):
    response = client.get(f"{page.url}?{query}")
    assert response.status_code == 200
    return response, response.context["pilots"]


def counts(pilots, facet_name):
    facet = next(facet for facet in pilots.facets if facet.name == facet_name)
    return {option.value: option.count for option in facet.options}


@pytest.mark.django_db
def test_project_lists_all_live_pilots_below_it_with_totals(client, project):
    response, pilots = listing(client, project)
    assert pilots.totals == {"pilots": 6, "rounds": 3}
    assert pilots.result_count == 6
    totals = re.search(r'class="pilots__totals">(.*?)</p>', response.content.decode()).group(1)
    assert "6" in totals and "3" in totals
    assert counts(pilots, "round") == {1: 3, 2: 2, 3: 1}
    assert counts(pilots, "theme") == {"initial-phase": 3, "transition": 2, "guidance": 1}
    assert counts(pilots, "region") == {"uusimaa": 3, "pirkanmaa": 1, "lappi": 2}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("round=1", 3),
        ("round=1&round=3", 4),
        ("theme=transition", 2),
        ("region=lappi", 2),
        ("round=1&region=uusimaa", 2),
        ("round=1&theme=initial-phase&region=uusimaa", 1),
        ("round=2&region=pirkanmaa", 0),
    ],
)
def test_each_filter_narrows_and_filters_combine(client, project, query, expected):
    response, pilots = listing(client, project, query)
    assert pilots.result_count == expected
    assert len(response.context["pilots"].page_obj.object_list) == expected
    assert pilots.totals["pilots"] == 6, "totals describe the whole project"


def page_queries(client, page, query=""):
    client.get(page.url)  # warm the site root cache, as any served request would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{page.url}?{query}")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_number_of_pilots(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 0  # measure the page, not the anonymous page cache
    small, large = ProjectPageFactory(parent=home), ProjectPageFactory(parent=home)
    for project, number in ((small, 5), (large, 100)):
        sub_project = ProjectPageFactory(parent=project)
        ProjectPageFactory(parent=project)
        PilotReportPageFactory.create_batch(number, parent=sub_project)
    query = "round=1&round=2&round=3&round=4"
    small_count = page_queries(client, small, query)
    assert page_queries(client, large, query) == small_count
    # Beyond the site frame (menus, footer, languages) every page pays for, the project
    # page costs a handful of queries: notice, sub-projects, totals, three facets, the page.
    frame = page_queries(client, StandardPageFactory(parent=home))
    assert small_count - frame <= 10
