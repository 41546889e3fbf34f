"""schema.org JSON-LD and OpenGraph tags (cms.structured_data): they parse and carry what each type requires."""

import datetime
import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale

from materials.models import MaterialType
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, version_for
from tests.factories.practices import PracticeIndexPageFactory, PracticeModelPageFactory

pytestmark = pytest.mark.django_db

# Set as publishing through the admin sets it (the factories create live pages without it).
PUBLISHED = {"first_published_at": datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)}

# What search engines need of each type (Google's structured data guidelines).
REQUIRED = {
    "Article": {"headline", "inLanguage", "url", "datePublished", "publisher", "author"},
    "VideoObject": {"name", "description", "uploadDate", "inLanguage"},
    "Organization": {"name", "url"},
    "WebSite": {"name", "url", "inLanguage"},
}
OPEN_GRAPH_REQUIRED = {"og:type", "og:title", "og:url", "og:locale", "og:site_name"}


def head(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    scripts = soup.head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, url
    data = json.loads(scripts[0].string)
    objects = data["@graph"] if "@graph" in data else [data]
    open_graph = {tag["property"]: tag["content"] for tag in soup.head.find_all("meta", property=True)}
    return objects, open_graph


def check(objects, open_graph, language):
    for obj in objects:
        assert obj["@context"] == "https://schema.org"
        missing = REQUIRED[obj["@type"]] - set(obj)
        assert not missing, (obj["@type"], missing)
        if "inLanguage" in obj and obj["@type"] != "VideoObject":
            assert obj["inLanguage"] == language
        for key in ("url", "contentUrl", "embedUrl", "thumbnailUrl", "image"):
            if key in obj:
                assert obj[key].startswith("http"), (key, obj[key])
    assert not OPEN_GRAPH_REQUIRED - set(open_graph)
    assert open_graph["og:locale"].startswith(language)


def test_every_page_type_has_json_ld_and_open_graph(home):
    image = wagtail_factories.ImageFactory()
    practice = PracticeModelPageFactory(parent=PracticeIndexPageFactory(parent=home), listing_image=image, **PUBLISHED)
    pilot = PilotReportPageFactory(parent=ProjectPageFactory(parent=home), **PUBLISHED)
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home), **PUBLISHED)
    for page, types in [
        (home, {"Organization", "WebSite"}),
        (practice, {"Article"}),
        (pilot, {"Article"}),
        (post, {"Article"}),
    ]:
        objects, open_graph = head(page.url)
        assert {obj["@type"] for obj in objects} == types, page
        check(objects, open_graph, "fi")
        if page is practice:
            assert open_graph["og:image"] == objects[0]["image"]
    swedish = home.get_translation(Locale.objects.get(language_code="sv"))  # the session's home tree has it
    objects, open_graph = head(swedish.url)
    check(objects, open_graph, "sv")


def test_a_video_material_has_a_video_object_per_language_version(home):
    registry = MaterialIndexPageFactory(parent=home)
    material = MaterialPageFactory(
        parent=registry,
        material_type=MaterialType.VIDEO,
        **PUBLISHED,
        versions=[
            version_for(
                "so", video_url="https://www.youtube.com/watch?v=abcdefghijk", duration=datetime.timedelta(minutes=5)
            ),
            version_for("ar", video_url="https://example.org/video.mp4"),
        ],
    )
    objects, open_graph = head(material.url)
    check(objects, open_graph, "fi")
    assert sorted((obj["@type"], obj["inLanguage"]) for obj in objects) == [
        ("VideoObject", "ar"),
        ("VideoObject", "so"),
    ]
    objects.sort(key=lambda obj: obj["inLanguage"], reverse=True)
    assert objects[0]["embedUrl"].startswith("https://www.youtube")
    assert objects[0]["duration"] == "P0DT00H05M00S"


def test_json_ld_cannot_end_its_script(home):
    practice = PracticeModelPageFactory(
        parent=PracticeIndexPageFactory(parent=home), title="</script><script>alert(1)</script>"
    )
    response = Client().get(practice.url)
    assert b"<script>alert(1)" not in response.content
    objects, _open_graph = head(practice.url)
    assert objects[0]["headline"] == practice.title


def test_the_tags_are_kept_per_address_follow_a_publish_and_a_preview_shows_the_draft(home, settings):
    """`{% structured_data %}` keeps a page's tags until what the public sees changes, per
    language and per address the site is reached at; a preview makes its own."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "kotoutuminen.example"]
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home, slug="blogi"), title="Julkaistu", slug="kirjoitus")
    _objects, tags = head("/blogi/kirjoitus/")
    assert (tags["og:title"], tags["og:url"]) == ("Julkaistu", "http://testserver/blogi/kirjoitus/")
    response = Client().get("/blogi/kirjoitus/", HTTP_HOST="kotoutuminen.example")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", property="og:url")["content"] == "http://kotoutuminen.example/blogi/kirjoitus/"

    draft = post.get_latest_revision_as_object()
    draft.title = "Luonnos"
    draft.save_revision()
    assert head("/blogi/kirjoitus/")[1]["og:title"] == "Julkaistu"

    def title_on_the_preview_host():  # a preview request's address: the Site record's (localhost)
        response = Client().get("/blogi/kirjoitus/", HTTP_HOST="localhost")
        return BeautifulSoup(response.content, "html.parser").find("meta", property="og:title")["content"]

    assert title_on_the_preview_host() == "Julkaistu"
    preview = BeautifulSoup(draft.make_preview_request().content, "html.parser")
    assert preview.find("meta", property="og:url")["content"] == "http://localhost/blogi/kirjoitus/"
    assert preview.find("meta", property="og:title")["content"] == "Luonnos"
    assert title_on_the_preview_host() == "Julkaistu"

    post.get_latest_revision().publish()
    assert head("/blogi/kirjoitus/")[1]["og:title"] == "Luonnos"
