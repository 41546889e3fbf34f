"""The practice collection: filters that combine, honest counts, harmless bad input, flat query count."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import PanelAssessment
from tests.factories.practices import PracticeModelPageFactory, TargetGroupFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(index):
    employment = ThemeFactory(name="Työllisyys", slug="tyollisyys")
    education = ThemeFactory(name="Koulutus", slug="koulutus")
    youth = TargetGroupFactory(name="Nuoret", slug="nuoret")
    women = TargetGroupFactory(name="Naiset", slug="naiset")
    pages = {
        "a": PracticeModelPageFactory(parent=index, title="A", themes=[employment], target_groups=[youth], region="uusimaa", development_stage="established"),
        "b": PracticeModelPageFactory(parent=index, title="B", themes=[employment, education], target_groups=[women], region="pirkanmaa", development_stage="piloted"),
        "c": PracticeModelPageFactory(parent=index, title="C", themes=[education], target_groups=[youth, women], region="uusimaa", development_stage="piloted"),
        "d": PracticeModelPageFactory(parent=index, title="D", region="national", development_stage="idea"),
    }
    PracticeModelPageFactory(parent=index, title="Luonnos", themes=[employment], live=False)
    for key in ("a", "c"):
        PanelAssessment.objects.create(page=pages[key], recommendation=PanelAssessment.RECOMMEND)
    PanelAssessment.objects.create(page=pages["d"], recommendation=PanelAssessment.DO_NOT_RECOMMEND)
    return pages


def listing(client, index, query=""):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    titles = sorted(a.get_text() for a in html.select(".card__title a"))
    counts = {
        (box["name"], box["value"]): int(box.find_parent("label").select_one(".filters__count").get_text().strip("()"))
        for box in html.select(".filters input[type=checkbox]")
    }
    return titles, counts, html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["A", "B", "C", "D"]),
        ("theme=tyollisyys", ["A", "B"]),
        ("theme=tyollisyys&theme=koulutus", ["A", "B", "C"]),
        ("target_group=nuoret", ["A", "C"]),
        ("region=uusimaa", ["A", "C"]),
        ("stage=piloted", ["B", "C"]),
        ("recommended=1", ["A", "C"]),
        ("theme=koulutus&target_group=nuoret", ["C"]),
        ("theme=tyollisyys&region=pirkanmaa&stage=piloted", ["B"]),
        ("theme=koulutus&recommended=1&stage=established", []),
    ],
)
def test_each_filter_narrows_and_filters_combine(client, index, catalogue, query, expected):
    titles, _, _ = listing(client, index, query)
    assert titles == expected


def test_recommended_practices_carry_the_mark_in_the_list(client, index, catalogue):
    _, _, html = listing(client, index)
    marked = sorted(card.find_parent("article").select_one(".card__title a").get_text() for card in html.select(".practice-card__mark"))
    assert marked == ["A", "C"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_practices(client, index):
    themes = [ThemeFactory() for _ in range(3)]
    groups = [TargetGroupFactory() for _ in range(2)]

    def add(count):
        for number in range(count):
            page = PracticeModelPageFactory(
                parent=index, themes=themes[: number % 3 + 1], target_groups=groups[: number % 2 + 1]
            )
            if number % 4 == 0:
                PanelAssessment.objects.create(page=page, recommendation=PanelAssessment.RECOMMEND)

    add(10)
    url = f"{index.url}?theme={themes[0].slug}"
    count_queries(client, url)  # warm caches (site root paths, content types)
    small = count_queries(client, url)
    add(190)
    count_queries(client, url)  # the site frame's cache was emptied by the new pages: warm it again
    large = count_queries(client, url)
    assert small == large
    assert small < 40  # 26 at the time of writing


def test_a_second_index_counts_only_its_own_practices(client, home, index, catalogue):
    """The counts are kept per index page (cms.facets, `source`): another index's come from its own practices."""
    from tests.factories.practices import PracticeIndexPageFactory

    other = PracticeIndexPageFactory(parent=home, slug="toinen-kokoelma")
    PracticeModelPageFactory(parent=other, title="E", themes=[catalogue["a"].themes.first()], region="uusimaa")
    _titles, counts, _html = listing(client, index)
    assert counts[("theme", "tyollisyys")] == 2 and counts[("region", "uusimaa")] == 2
    titles, other_counts, _html = listing(client, other)
    assert titles == ["E"]
    assert other_counts[("theme", "tyollisyys")] == 1 and other_counts[("region", "uusimaa")] == 1
    assert ("theme", "koulutus") not in other_counts
