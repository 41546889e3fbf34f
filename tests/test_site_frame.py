"""The page frame: languages, switcher, hreflang, navigation and the tree rules of home/."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(("url", "language"), [("/", "fi"), ("/sv/", "sv"), ("/en/", "en")])
def test_each_language_home_answers_with_its_lang(client, home, url, language):
    response = client.get(url)
    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == language
    assert html["dir"] == "ltr"


def test_frame_has_skip_link_and_landmarks(client, home):
    page = soup(client.get("/"))
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert page.find("main", id="main") is not None
    assert page.find("header") is not None and page.find("footer") is not None
    assert page.find("nav", attrs={"aria-label": True}) is not None


def language_links(response):
    switcher = soup(response).find("ul", class_="language-switcher")
    return {a["lang"]: a for a in switcher.find_all("a")}


def test_switcher_links_only_to_live_translations(client, home, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    with django_capture_on_commit_callbacks(execute=True):
        swedish = translate_page(page, "sv", {"title": "Om oss", "slug": "om-oss"})

    links = language_links(client.get("/tietoa/"))
    assert links["sv"]["href"] == "/sv/om-oss/"
    # No English translation: the link goes to the English home page and says so.
    assert links["en"]["href"] == "/en/"
    assert "title" in links["en"].attrs

    swedish.refresh_from_db()
    swedish.unpublish()
    links = language_links(client.get("/tietoa/"))
    assert links["sv"]["href"] == "/sv/"


def test_hreflang_alternates_list_live_translations_only(client, home, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(page, "en", {"title": "About", "slug": "about"})
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup(client.get("/tietoa/", HTTP_HOST="127.0.0.1:8101")).find_all("link", rel="alternate")
    }
    # On the host the page was served from, not the Site record's localhost:80.
    assert alternates == {"fi": "http://127.0.0.1:8101/tietoa/", "en": "http://127.0.0.1:8101/en/about/"}


def canonical(response):
    links = soup(response).find_all("link", rel="canonical")
    return [link["href"] for link in links]


@pytest.mark.parametrize("host", ["127.0.0.1:8101", "kotoutuminen.example"])
def test_canonical_link_is_the_page_on_the_host_served_without_query(client, home, host, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "kotoutuminen.example"]
    StandardPageFactory(parent=home, title="Tietoa", slug="tietoa")
    assert canonical(client.get("/tietoa/", {"theme": "x", "utm_source": "y"}, HTTP_HOST=host)) == [
        f"http://{host}/tietoa/"
    ]
    assert canonical(client.get("/sv/", HTTP_HOST=host)) == [f"http://{host}/sv/"]
    assert canonical(client.get("/search/", {"q": "kotoutuminen", "page": "2"}, HTTP_HOST=host)) == [
        f"http://{host}/search/"
    ]
    assert canonical(client.get("/ei-ole/", HTTP_HOST=host)) == []  # a 404 names no canonical page


def test_canonical_link_of_an_alias_is_the_page_it_copies(client, home):
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(StandardPageFactory(parent=home, title="Vain suomeksi", slug="vain-suomeksi"))
    assert canonical(client.get("/sv/vain-suomeksi/")) == ["http://testserver/vain-suomeksi/"]


def test_untranslated_alias_marks_its_content_as_finnish(client, home):
    from wagtail_localize.synctree import create_aliases_for_new_page

    page = StandardPageFactory(parent=home, title="Vain suomeksi", slug="vain-suomeksi")
    create_aliases_for_new_page(page)
    response = client.get("/sv/vain-suomeksi/")
    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == "sv"
    assert document.find("main")["lang"] == "fi"


def test_base_page_search_fields_filter_by_locale():
    names = {field.field_name for field in StandardPage.search_fields}
    assert {"locale", "title", "listing_summary", "lead", "body"} <= names


class TestHomeTreeRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                apps.get_model(name)
                for name in (
                    "home.StandardPage",
                    "home.ProjectPage",
                    "practices.PracticeIndexPage",
                    "materials.MaterialIndexPage",
                    "blog.BlogIndexPage",
                    "events.EventIndexPage",
                )
            },
        )

    def test_standard_page_sits_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


class TestAdminCanCreate(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.root = Page.get_first_root_node()

    def test_home_page(self):
        # One home page per parent: the session's home tree (tests/conftest.py) makes way.
        for page in self.root.get_children():
            page.delete()
        self.assertCanCreate(
            self.root,
            HomePage,
            nested_form_data(
                {"title": "Etusivu", "slug": "etusivu2", "hero_heading": "Tervetuloa", "body": streamfield([])}
            ),
        )

    def test_standard_page_with_blocks(self):
        home = self.root.add_child(instance=HomePage(title="Etusivu", slug="etusivu2", hero_heading="Hei"))
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Tietoa",
                    "slug": "tietoa",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Otsikko", "level": "h2"}),
                            ("paragraph", rich_text("<p>Tekstiä</p>")),
                            ("quote", {"quote": "Lainaus", "attribution": "Joku"}),
                        ]
                    ),
                }
            ),
        )


@pytest.mark.parametrize(("language", "word"), [("fi", "Sivut"), ("sv", "Sidor"), ("en", "Pages")])
def test_admin_speaks_each_interface_language(client, admin_user, language, word):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    assert word in response.content.decode()
