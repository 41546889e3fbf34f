"""The public registry: language/type/theme/series filters, counts, bad input, query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from materials.models import MaterialType
from tests.factories.materials import MaterialPageFactory, MaterialSeriesFactory, MaterialThemeFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [material.title for material in response.context["materials"]]


def counts(response, facet_name):
    facet = next(facet for facet in response.context["facets"] if facet.name == facet_name)
    return {option.value: option.count for option in facet.options}


@pytest.fixture
def catalogue(registry_page):
    work = MaterialThemeFactory(name="Työ", slug="tyo")
    family = MaterialThemeFactory(name="Perhe", slug="perhe")
    series = MaterialSeriesFactory(name="Ymmärrä Suomea", slug="ymmarra-suomea")
    return {
        "somali_video": MaterialPageFactory(
            parent=registry_page, title="Somalivideo", languages=["fi", "so", "ar"], themes=[work], series=series
        ),
        "somali_podcast": MaterialPageFactory(
            parent=registry_page,
            title="Somalipodcast",
            material_type=MaterialType.PODCAST,
            languages=["so"],
            themes=[family],
        ),
        "finnish_guide": MaterialPageFactory(
            parent=registry_page,
            title="Suomenkielinen opas",
            material_type=MaterialType.GUIDE,
            languages=["fi", "sv"],
            themes=[work, family],
        ),
        "thai_video": MaterialPageFactory(
            parent=registry_page, title="Thaivideo", languages=["th"], series=series
        ),
    }


def test_filtering_by_language_returns_exactly_the_materials_with_a_version_in_it(client, catalogue):
    response = client.get("/materiaalit/", {"language": "so"})
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Somalipodcast", "Somalivideo"]
    # One material with three versions is counted once per language, never per version.
    assert counts(response, "language") == {"fi": 2, "so": 2, "ar": 1, "sv": 1, "th": 1}
    html = response.content.decode()
    assert re.search(r'value="so" checked>', html)
    assert '<span lang="so" dir="ltr">Soomaali</span>' in html
    assert '<span lang="ar" dir="rtl">العربية</span>' in html


def test_filters_combine(client, catalogue):
    response = client.get("/materiaalit/", {"language": "so", "type": "video"})
    assert titles(response) == ["Somalivideo"]
    response = client.get("/materiaalit/", {"theme": "perhe", "language": "fi"})
    assert titles(response) == ["Suomenkielinen opas"]
    response = client.get("/materiaalit/", {"series": "ymmarra-suomea", "language": "th"})
    assert titles(response) == ["Thaivideo"]
    # Two values of one filter widen it: Somali OR Thai.
    response = client.get("/materiaalit/?language=so&language=th&type=video")
    assert sorted(titles(response)) == ["Somalivideo", "Thaivideo"]
    # Nothing matches: an explanation, not an error.
    response = client.get("/materiaalit/", {"language": "th", "type": "podcast"})
    assert titles(response) == []
    assert 'class="notice"' in response.content.decode()


def test_draft_materials_are_not_listed(client, registry_page):
    MaterialPageFactory(parent=registry_page, title="Julkaistu", languages=["so"])
    MaterialPageFactory(parent=registry_page, title="Luonnos", languages=["so"], live=False)
    response = client.get("/materiaalit/", {"language": "so"})
    assert titles(response) == ["Julkaistu"]
    assert counts(response, "language") == {"so": 1}


def registry_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_registry_query_count_does_not_grow_with_the_number_of_materials(client, registry_page, settings):
    # Indexing 300 pages for site search is not what this test measures.
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
    themes = [MaterialThemeFactory() for _ in range(3)]
    series = MaterialSeriesFactory()
    languages = ["fi", "sv", "en", "ar", "so", "prs", "ckb"]

    def add(count):
        for number in range(count):
            MaterialPageFactory(
                parent=registry_page,
                languages=languages[: 1 + number % len(languages)],
                themes=[themes[number % 3]],
                series=series if number % 2 else None,
            )

    add(10)
    client.get("/materiaalit/")  # warm the site-root cache as a running site would have it
    small, _ = registry_queries(client, "/materiaalit/")
    small_filtered, _ = registry_queries(client, "/materiaalit/?language=so&theme=" + themes[1].slug)
    add(290)
    client.get("/materiaalit/")  # the new pages emptied the frame cache: warm it again
    large, response = registry_queries(client, "/materiaalit/")
    large_filtered, _ = registry_queries(client, "/materiaalit/?language=so&theme=" + themes[1].slug)
    assert response.context["page_obj"].paginator.count == 300
    assert large == small
    assert large_filtered == small_filtered
    assert large <= 45, f"{large} queries for the registry (about 25 are the site frame: menu, footer, languages)"
