"""A material's own page: every language version, privacy-friendly players, lang/dir, downloads."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from materials.languages import LANGUAGES
from materials.models import MaterialVersion
from tests.factories.materials import (
    DocumentFactory,
    MaterialPageFactory,
    MaterialSeriesFactory,
    version_for,
    webvtt_document,
)

pytestmark = pytest.mark.django_db

VIDEO_HOSTS = re.compile(r"youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com", re.IGNORECASE)


@pytest.fixture
def material(registry_page):
    return MaterialPageFactory(
        parent=registry_page,
        title="Suomalainen yhteiskunta",
        slug="suomalainen-yhteiskunta",
        languages=(),
        versions=[
            version_for("fi", video_url="https://www.youtube.com/watch?v=Abc_def-123", transcript="<p>Tervetuloa Suomeen.</p>"),
            version_for("ar", video_url="https://youtu.be/Arabic12345", title="فهم فنلندا", transcript="<p>مرحبا</p>"),
            version_for("th", video_url="https://vimeo.com/123456"),
            version_for("so", video_url="https://podcast.example/jakso-1"),
        ],
    )


def test_initial_html_loads_nothing_from_the_video_host(client, material):
    html = client.get("/materiaalit/suomalainen-yhteiskunta/").content.decode()
    assert "<iframe" not in html
    loaded = re.findall(r"<(?:script|iframe|img|link|video|audio|source|track)\b[^>]*\b(?:src|href)=\"([^\"]*)\"", html)
    assert not [url for url in loaded if VIDEO_HOSTS.search(url)], loaded
    # Click to load: a real button per embeddable video; the embed address waits in a data attribute.
    assert html.count('class="video__play"') == 3
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/Abc_def-123?autoplay=1&amp;rel=0"' in html
    # A plain link always works, even with no network or no JavaScript.
    assert 'href="https://www.youtube.com/watch?v=Abc_def-123"' in html
    assert 'href="https://podcast.example/jakso-1"' in html


def test_each_version_is_one_article_in_its_own_language(client, material):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/materiaalit/suomalainen-yhteiskunta/").content, "html.parser")
    versions = {article["id"]: article for article in soup.select("article.material-version")}
    assert list(versions) == ["fi", "ar", "th", "so"]  # the site's language first
    for code, article in versions.items():
        assert article["lang"] == code
        # Its title, transcript and player live inside it; its interface words carry the page's language.
        for interface in article.select("summary, .video__frame, .material-version__links"):
            assert (interface["lang"], interface["dir"]) == ("fi", "ltr"), interface
    assert versions["ar"]["dir"] == "rtl" and versions["th"]["dir"] == "ltr"
    assert versions["ar"].select_one(".material-version__title").get_text() == "فهم فنلندا"
    assert versions["ar"].select_one(".rich-text").get_text() == "مرحبا"
    # The page itself stays Finnish.
    assert soup.html["lang"] == "fi"


def test_versions_without_a_sort_order_are_listed_in_the_order_of_their_ids(material):
    """Rows made in code carry no sort order, and a database may hand rows of equal order back in
    any order (PostgreSQL's follows where they sit on disk): they are listed by id."""
    from materials.models import MaterialVersion

    top = MaterialVersion.objects.order_by("-pk").values_list("pk", flat=True).first()
    for offset, language in ((3, "sv"), (2, "en"), (1, "ru")):  # on disk in the opposite order of their ids
        MaterialVersion.objects.create(pk=top + offset, material=material, language=language)
    assert set(material.versions.values_list("sort_order", flat=True)) == {None}
    assert [version.language for version in material.versions.all()] == ["fi", "ar", "th", "so", "ru", "en", "sv"]


def test_the_chooser_deep_links_every_version_and_play_buttons_name_their_language(client, material):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/materiaalit/suomalainen-yhteiskunta/").content, "html.parser")
    links = soup.select(".version-chooser a")
    assert [link["href"] for link in links] == ["#fi", "#th", "#so", "#ar"]  # right-to-left scripts grouped
    assert [group.get_text() for group in soup.select(".version-chooser__group")] == [
        "Vasemmalta oikealle kirjoitettavat",
        "Oikealta vasemmalle kirjoitettavat",
    ]
    for link in links:
        code = link["href"][1:]
        endonym = link.select_one(".version-chooser__endonym")
        assert (endonym["lang"], endonym["dir"]) == (code, "rtl" if code == "ar" else "ltr")
        assert soup.find(id=code).name == "article"
    buttons = {button.find_parent("article")["id"]: button.get_text(" ", strip=True) for button in soup.select(".video__play")}
    assert buttons == {
        "fi": "▶ Toista video, kieli: Suomi",
        "ar": "▶ Toista video, kieli: Arabia",
        "th": "▶ Toista video, kieli: Thai",
    }
    # One player area: CSS shows the version named by the address (#ar) or else the first one.
    assert soup.select_one(".material-player__versions") is not None
    assert soup.find("a", href="#top") is not None and soup.find(id="top") is not None


def test_downloads_and_subtitles_are_offered(client, registry_page):
    MaterialPageFactory(
        parent=registry_page,
        slug="julkaisu",
        languages=(),
        versions=[
            version_for(
                "fi",
                video_url="",
                media_file=DocumentFactory(title="Julkaisu", filename="julkaisu.pdf"),
                subtitle_file=webvtt_document(),
            )
        ],
    )
    html = client.get("/materiaalit/julkaisu/").content.decode()
    assert re.search(r'href="/documents/\d+/julkaisu[^"]*\.pdf" download>', html)
    assert re.search(r'href="/documents/\d+/tekstitys[^"]*\.vtt" download>', html)
    assert "(PDF" in html


def test_series_links_back_to_the_filtered_registry(client, registry_page):
    series = MaterialSeriesFactory(name="Ymmärrä Suomea", slug="ymmarra-suomea")
    MaterialPageFactory(parent=registry_page, slug="osa-1", title="Osa yksi", series=series, series_position=1)
    MaterialPageFactory(parent=registry_page, slug="osa-2", title="Osa kaksi", series=series, series_position=2)
    html = client.get("/materiaalit/osa-2/").content.decode()
    assert 'href="/materiaalit/?series=ymmarra-suomea"' in html
    assert '<span aria-current="page">Osa kaksi</span>' in html
    assert html.index("Osa yksi") < html.index('<span aria-current="page">Osa kaksi')


def detail_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_detail_query_count_does_not_grow_with_the_number_of_versions(client, registry_page):
    def material(slug, codes):
        return MaterialPageFactory(
            parent=registry_page,
            slug=slug,
            languages=(),
            versions=[
                version_for(code, media_file=DocumentFactory(filename=f"{code}.pdf"), subtitle_file=webvtt_document())
                for code in codes
            ],
        )

    series_codes = [language.code for language in LANGUAGES[:14]]
    material("kaksi", series_codes[:2])
    material("neljatoista", series_codes)
    client.get("/materiaalit/kaksi/")  # warm the site-root cache
    client.get("/materiaalit/neljatoista/")
    assert detail_queries(client, "/materiaalit/kaksi/") == detail_queries(client, "/materiaalit/neljatoista/")


def test_a_version_needs_a_video_address_or_a_file():
    with pytest.raises(ValidationError) as error:
        MaterialVersion(language="so").clean()
    assert "video_url" in error.value.message_dict


def test_subtitles_must_be_webvtt():
    srt = MaterialVersion(language="so", video_url="https://youtu.be/abcdefghijk", subtitle_file=DocumentFactory(filename="a.srt"))
    with pytest.raises(ValidationError) as error:
        srt.clean()
    assert "WebVTT" in str(error.value.message_dict["subtitle_file"])

    fake = MaterialVersion(
        language="so",
        video_url="https://youtu.be/abcdefghijk",
        subtitle_file=webvtt_document(content=b"1\n00:00:00,000 --> 00:00:02,000\nHei\n"),
    )
    with pytest.raises(ValidationError) as error:
        fake.clean()
    assert "WEBVTT" in str(error.value.message_dict["subtitle_file"])

    MaterialVersion(language="so", video_url="https://youtu.be/abcdefghijk", subtitle_file=webvtt_document()).clean()


def test_a_preview_shows_the_draft_versions_and_the_public_page_keeps_the_published_ones(client, material):
    """The language versions are kept as HTML (`{% keptfragment %}`): never in a preview, and a
    draft's versions do not reach the public page until they are published."""
    from bs4 import BeautifulSoup

    def versions(response):
        assert response.status_code == 200
        return [article["id"] for article in BeautifulSoup(response.content, "html.parser").select("article.material-version")]

    path = "/materiaalit/suomalainen-yhteiskunta/"
    assert versions(client.get(path)) == ["fi", "ar", "th", "so"]
    draft = material.get_latest_revision_as_object()
    draft.versions.add(version_for("sv", video_url="https://vimeo.com/999", title="Luonnosversio"))
    draft.save_revision()

    assert sorted(versions(draft.make_preview_request())) == ["ar", "fi", "so", "sv", "th"]
    assert versions(client.get(path)) == ["fi", "ar", "th", "so"]

    material.get_latest_revision().publish()
    assert sorted(versions(client.get(path))) == ["ar", "fi", "so", "sv", "th"]
