"""The home page pulls in content from the apps: recommended practices, latest posts, a video series."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage
from practices.models import PanelAssessment
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, MaterialSeriesFactory
from tests.factories.practices import PracticeIndexPageFactory, PracticeModelPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home):
    practices = PracticeIndexPageFactory(parent=home)
    recommended = PracticeModelPageFactory(parent=practices, title="Suositeltu malli")
    PanelAssessment.objects.create(page=recommended, recommendation=PanelAssessment.RECOMMEND)
    PracticeModelPageFactory(parent=practices, title="Arvioimaton malli")
    blog = BlogIndexPageFactory(parent=home, title="Blogi", slug="blogi")
    today = datetime.date.today()
    for days, title, kind in [(3, "Vanha uutinen", BlogPage.KIND_NEWS), (1, "Uusin kirjoitus", BlogPage.KIND_BLOG)]:
        BlogPageFactory(parent=blog, title=title, kind=kind, date=today - datetime.timedelta(days=days))
    registry = MaterialIndexPageFactory(parent=home, title="Materiaalit", slug="materiaalit")
    series = MaterialSeriesFactory(name="Ymmärrä Suomea")
    MaterialPageFactory(parent=registry, title="Jakso 1", series=series)
    MaterialPageFactory(parent=registry, title="Muu video")
    home.body = [
        ("featured_practices", {"heading": "Hyviä käytäntöjä", "practices": [], "count": 3}),
        ("latest_posts", {"heading": "Ajankohtaista", "kind": "", "count": 1}),
        ("materials", {"heading": "Videot", "materials": [], "series": series, "limit": 4}),
    ]
    home.save_revision().publish()
    return home


def card_titles(html, section_class):
    section = BeautifulSoup(html, "html.parser").find("section", class_=section_class)
    assert section is not None, section_class
    return [title.get_text(strip=True) for title in section.select(".card__title")]


def test_home_shows_recommended_practices_latest_posts_and_a_series(client, content):
    html = client.get("/").content.decode()
    assert card_titles(html, "featured-practices") == ["Suositeltu malli"]
    assert card_titles(html, "latest-posts") == ["Uusin kirjoitus"]
    assert "Jakso 1" in html and "Muu video" not in html


def test_home_query_count_does_not_grow_with_content(client, content, home):
    def count():
        client.get("/")  # the frame cache is warm in a running site
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    small = count()
    practices = home.get_children().type(PracticeIndexPageFactory._meta.model).first()
    for number in range(10):
        page = PracticeModelPageFactory(parent=practices, title=f"Malli {number}")
        PanelAssessment.objects.create(page=page, recommendation=PanelAssessment.RECOMMEND)
    assert count() == small
