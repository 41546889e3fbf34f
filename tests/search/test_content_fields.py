"""What each page type offers to search: materials by their versions, posts by their writers."""

import pytest
from bs4 import BeautifulSoup

from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, PersonFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, version_for

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    results = BeautifulSoup(response.content, "html.parser").find("ol", class_="search-results")
    return [link.get_text(strip=True) for link in results.select("h2 a")] if results else []


def test_material_is_found_by_the_words_of_its_transcript(client, home):
    material = create_material(home)
    material.save_revision().publish()  # as an editor publishes: the versions exist by then
    assert result_titles(client, "Asuminen") == ["Asuminen Suomessa"], "indexed at all"
    assert result_titles(client, "järjestyssäännöt") == ["Asuminen Suomessa"]


def create_material(home):
    registry = MaterialIndexPageFactory(parent=home, title="Materiaalit", slug="materiaalit")
    return MaterialPageFactory(
        parent=registry,
        title="Asuminen Suomessa",
        languages=(),
        versions=[version_for("fi", transcript="<p>Vuokrasopimus ja taloyhtiön järjestyssäännöt.</p>")],
    )


def test_post_is_found_by_its_writer(client, home):
    blog = BlogIndexPageFactory(parent=home, title="Blogi", slug="blogi")
    post = BlogPageFactory(parent=blog, title="Koko kunta mukana", authors=[PersonFactory(name="Saara Kirjoittaja")])
    post.save_revision().publish()
    assert "Koko kunta mukana" in result_titles(client, "Kirjoittaja")


def test_material_is_found_by_series_type_and_version_languages(client, home):
    from materials.models import MaterialType
    from tests.factories.materials import MaterialSeriesFactory

    registry = MaterialIndexPageFactory(parent=home, title="Materiaalit", slug="materiaalit")
    series = MaterialSeriesFactory(name="Ymmärrä Suomea")
    material = MaterialPageFactory(
        parent=registry,
        title="Perhe ja lapset",
        series=series,
        material_type=MaterialType.WEBINAR_RECORDING,
        languages=("fi", "so", "ti"),
    )
    material.save_revision().publish()
    MaterialPageFactory(parent=registry, title="Toinen materiaali", languages=("fi",)).save_revision().publish()

    for query in [
        "Ymmärrä Suomea",  # the series
        "webinaari",  # the type in Finnish (part of "Webinaaritallenne")
        "webinar",  # and in English
        "somali",  # a version's language by its Finnish name
        "somaliksi",  # inflected
        "Soomaali",  # by its own name
        "tigrinja",
    ]:
        assert result_titles(client, query) == ["Perhe ja lapset"], query


def test_practice_is_found_by_theme_target_group_region_and_author(client, home):
    from cms.vocabulary import Region
    from tests.factories.practices import (
        PracticeIndexPageFactory,
        PracticeModelPageFactory,
        TargetGroupFactory,
        ThemeFactory,
    )

    index = PracticeIndexPageFactory(parent=home)
    practice = PracticeModelPageFactory(
        parent=index,
        title="Työnhakuklubi",
        region=Region.LAPLAND,
        author="Maija Kehittäjä",
        themes=[ThemeFactory(name="Työllisyys")],
        target_groups=[TargetGroupFactory(name="Työnhakijat")],
    )
    practice.save_revision().publish()

    for query in ["työllisyyden", "työnhakijoille", "Lappi", "Lapland", "Kehittäjä"]:
        assert result_titles(client, query) == ["Työnhakuklubi"], query


def test_pilot_is_found_by_call_round_and_region(client, home):
    from cms.vocabulary import Region
    from home.choices import CallRound
    from tests.factories.home import PilotReportPageFactory, ProjectPageFactory

    project = ProjectPageFactory(parent=home, title="Hanke", summary="", coordinator="Koordinaattori")
    pilot = PilotReportPageFactory(
        parent=project, title="Ensiaskeleet", call_round=CallRound.FOURTH, region=Region.UUSIMAA, summary="Pilotti."
    )
    pilot.save_revision().publish()

    assert result_titles(client, "hakukierros 4") == ["Ensiaskeleet"]
    assert result_titles(client, "Uudellamaalla") == ["Ensiaskeleet"]
