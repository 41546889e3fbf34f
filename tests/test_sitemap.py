"""The sitemap lists live public pages of every language with their translations as alternates."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_translations_as_alternates(client, home, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(page, "sv", {"title": "Om", "slug": "om"})
    draft = StandardPageFactory(parent=home, title="Luonnos", slug="luonnos", live=False)
    private = StandardPageFactory(parent=home, title="Sisäinen", slug="sisainen")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    # The addresses are the host the request came to, not the Site record's localhost:80.
    urls = parse(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8101"))
    site = "http://127.0.0.1:8101"
    assert urls[f"{site}/tietoa/"] == {"fi": f"{site}/tietoa/", "sv": f"{site}/sv/om/"}
    assert urls[f"{site}/sv/om/"] == urls[f"{site}/tietoa/"]
    assert f"{site}/en/" in urls
    assert all(url.startswith(f"{site}/") for url in urls)
    assert not any(draft.slug in url or private.slug in url for url in urls)


def test_robots_points_at_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
