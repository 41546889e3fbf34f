"""The blog index: order, filters, pagination, bad input, query counts, and its feeds."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405 (parsing our own feed output in tests)

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, BlogPage
from home.models import HomePage
from tests.blog.conftest import soup
from tests.factories import HomePageFactory, translate_page
from tests.factories.blog import BlogPageFactory, PersonFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".cards .card__title a")]


def make_post(index, days_ago, **kwargs):
    return BlogPageFactory(parent=index, date=datetime.date(2024, 6, 1) - datetime.timedelta(days=days_ago), **kwargs)


def test_index_lists_live_posts_newest_first(client, blog_index):
    make_post(blog_index, 10, title="Vanha")
    make_post(blog_index, 1, title="Uusi")
    make_post(blog_index, 5, title="Keskimmäinen")
    make_post(blog_index, 0, title="Luonnos", live=False)

    response = client.get(blog_index.url)
    assert response.status_code == 200
    assert listed_titles(response) == ["Uusi", "Keskimmäinen", "Vanha"]


@pytest.fixture
def filtered_posts(blog_index):
    anna, ben = PersonFactory(name="Anna Aaltonen"), PersonFactory(name="Ben Berg")
    news = make_post(blog_index, 1, title="Uutinen", kind=BlogPage.KIND_NEWS, authors=[anna])
    blog = make_post(blog_index, 2, title="Blogi A", authors=[anna, ben])
    other = make_post(blog_index, 3, title="Blogi B", authors=[ben])
    news.tags.add("mentorointi")
    news.save()
    blog.tags.add("mentorointi", "kunnat")
    blog.save()
    other.tags.add("kunnat")
    other.save()
    return {"anna": anna, "ben": ben}


def option_texts(response, name):
    return [option.get_text(strip=True) for option in soup(response).select(f"select[name={name}] option")[1:]]


def test_filters_combine_and_show_counts(client, blog_index, filtered_posts):
    anna = filtered_posts["anna"]
    assert listed_titles(client.get(blog_index.url, {"kind": "news"})) == ["Uutinen"]
    assert listed_titles(client.get(blog_index.url, {"tag": "kunnat"})) == ["Blogi A", "Blogi B"]
    assert listed_titles(client.get(blog_index.url, {"author": anna.pk})) == ["Uutinen", "Blogi A"]
    response = client.get(blog_index.url, {"author": anna.pk, "tag": "kunnat", "kind": "blog"})
    assert listed_titles(response) == ["Blogi A"]

    response = client.get(blog_index.url, {"tag": "mentorointi"})
    # Counts of each option under the other active filters.
    assert option_texts(response, "kind") == ["Blogikirjoitus (1)", "Uutinen (1)"]  # the Finnish index
    assert option_texts(response, "tag") == ["kunnat (2)", "mentorointi (2)"]
    assert option_texts(response, "author") == ["Anna Aaltonen (2)", "Ben Berg (1)"]
    assert soup(response).select_one("select[name=tag] option[selected]")["value"] == "mentorointi"


@pytest.mark.parametrize("query", [{"author": "abc"}, {"author": "99999999999999999999"}, {"tag": "<script>"}])
def test_a_malformed_tag_or_author_is_refused_and_said(client, blog_index, filtered_posts, query):
    # (The rule for every listing's facets: tests/listings/test_shared_behaviour.py; tag and
    # author are the blog's open facets, whose values are checked for shape only.)
    response = client.get(blog_index.url, query)
    assert listed_titles(response) == ["Uutinen", "Blogi A", "Blogi B"]
    assert len(soup(response).select(".filters .errorlist li")) == 1


def test_a_well_formed_tag_no_post_has_gives_nothing_and_no_error(client, blog_index, filtered_posts):
    response = client.get(blog_index.url, {"tag": "ei-ole"})
    assert (listed_titles(response), soup(response).select(".filters .errorlist")) == ([], [])


def test_each_page_of_results_is_its_own_canonical_address(client, blog_index):
    for number in range(12):
        make_post(blog_index, number, title=f"Uutinen {number:02d}", kind=BlogPage.KIND_NEWS)

    # Filters left out of it, a number past the end the last page.
    def canonical(query):
        return soup(client.get(blog_index.url, query)).select_one("link[rel=canonical]")["href"]

    address = "http://testserver" + blog_index.url
    assert canonical({"kind": "news"}) == address
    assert canonical({"kind": "news", "page": "1"}) == address
    assert canonical({"kind": "news", "page": "2"}) == address + "?page=2"
    assert canonical({"kind": "news", "page": "99"}) == address + "?page=2"
    assert canonical({"page": "x"}) == address


def test_index_query_count_does_not_grow_with_posts(client, blog_index, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(blog_index.url).status_code == 200
        return len(context.captured_queries)

    person = PersonFactory()
    for number in range(2):
        post = make_post(blog_index, number, authors=[person])
        post.tags.add(f"aihe{number}")
        post.save()
    client.get(blog_index.url)  # warm caches (site root paths, locales)
    small = count_queries()
    for number in range(2, 10):
        post = make_post(blog_index, number, authors=[person, PersonFactory()])
        post.tags.add(f"aihe{number}")
        post.save()
    client.get(blog_index.url)  # content changed: let the cached site frame be rebuilt first
    large = count_queries()
    assert large == small
    with django_assert_max_num_queries(40):
        client.get(blog_index.url)


def test_head_links_to_the_feeds(client, blog_index):
    page = soup(client.get(blog_index.url))
    rss = page.find("link", rel="alternate", type="application/rss+xml")
    atom = page.find("link", rel="alternate", type="application/atom+xml")
    assert rss["href"] == blog_index.url + "feed/rss/"
    assert atom["href"] == blog_index.url + "feed/atom/"


@pytest.fixture
def translated_blog(blog_index, django_capture_on_commit_callbacks):
    """A Finnish index with two live posts and a draft; a Swedish index with one translated post."""
    translated = make_post(blog_index, 1, title="Käännetty kirjoitus", slug="kaannetty")
    make_post(blog_index, 2, title="Vain suomeksi", slug="vain-suomeksi")
    make_post(blog_index, 0, title="Luonnos", slug="luonnos", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        swedish_index = translate_page(blog_index, "sv", {"title": "Blogg", "slug": "blogg"})
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(translated, "sv", {"title": "Översatt inlägg", "slug": "oversatt"})
    swedish_index.refresh_from_db()
    return {"fi": blog_index, "sv": swedish_index.specific}


def test_rss_feed_is_valid_and_lists_live_posts_of_its_locale(client, translated_blog):
    response = client.get(translated_blog["fi"].url + "feed/rss/", HTTP_HOST="127.0.0.1:8101")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314
    assert channel.findtext("language") == "fi"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Käännetty kirjoitus", "Vain suomeksi"]
    assert items[0].findtext("link") == "http://127.0.0.1:8101/blogi/kaannetty/"  # the host asked, not the Site's
    assert items[0].findtext("pubDate")

    swedish = client.get(translated_blog["sv"].url + "feed/rss/")
    channel = ET.fromstring(swedish.content).find("channel")  # noqa: S314
    assert channel.findtext("language") == "sv"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Översatt inlägg"]


def test_atom_feed_is_valid_and_lists_live_posts_of_its_locale(client, translated_blog):
    response = client.get(translated_blog["sv"].url + "feed/atom/", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Översatt inlägg"]
    assert entries[0].find(f"{ATOM}link").get("href") == "https://testserver/sv/blogg/oversatt/"
    assert feed.findtext(f"{ATOM}id")

    finnish = ET.fromstring(client.get(translated_blog["fi"].url + "feed/atom/").content)  # noqa: S314
    assert len(finnish.findall(f"{ATOM}entry")) == 2


def test_post_page_shows_authors_tags_and_news_contact(client, blog_index):
    author = PersonFactory(name="Pia Pohjola", organisation="Yhteinen kuntamme")
    contact = PersonFactory(name="Kalle Kontakti", email="kalle@kotoutuminen.example")
    news = make_post(blog_index, 1, title="Haku auki", kind=BlogPage.KIND_NEWS, authors=[author], contact_person=contact)
    news.tags.add("mentorointi")
    news.save()

    page = soup(client.get(news.url))
    assert page.h1.get_text(strip=True) == "Haku auki"
    assert "Pia Pohjola (Yhteinen kuntamme)" in page.select_one(".blog-post__authors").get_text()
    assert page.select_one(".blog-post__contact .contact-person__name").get_text() == "Kalle Kontakti"
    assert page.select_one(".blog-post__tags a")["href"] == blog_index.url + "?tag=mentorointi"

    news.kind = BlogPage.KIND_BLOG
    news.save()
    assert soup(client.get(news.url)).select_one(".blog-post__contact") is None


class TestBlogTreeRules(WagtailPageTestCase):
    def test_index_sits_under_home_and_holds_posts(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPage})

    def test_post_sits_under_an_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPage, set())

    def test_home_accepts_a_blog_index(self):
        self.assertCanCreateAt(HomePage, BlogIndexPage)


class TestAdminCanCreateBlogPages(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = HomePageFactory(parent=root, slug="etusivu-blogi")

    def test_index_and_post(self):
        self.assertCanCreate(
            self.home,
            BlogIndexPage,
            nested_form_data({"title": "Blogi", "slug": "blogi", "lead": "Näkökulmia kotoutumiseen"}),
        )
        index = BlogIndexPage.objects.get(slug="blogi", alias_of__isnull=True)
        person = PersonFactory()
        self.assertCanCreate(
            index,
            BlogPage,
            nested_form_data(
                {
                    "title": "Uusi kirjoitus",
                    "slug": "uusi-kirjoitus",
                    "kind": "news",
                    "date": "2020-02-27",
                    "lead": "Ingressi",
                    "tags": "kunnat, mentorointi",
                    "comments_enabled": "on",
                    "authors": inline_formset([{"person": person.pk}]),
                    "body": streamfield([("paragraph", rich_text("<p>Teksti</p>"))]),
                }
            ),
        )
        post = BlogPage.objects.get(slug="uusi-kirjoitus", alias_of__isnull=True)
        assert [author.person for author in post.authors.all()] == [person]
        assert sorted(tag.name for tag in post.tags.all()) == ["kunnat", "mentorointi"]


def test_feed_query_count_does_not_grow_with_posts(client, blog_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(blog_index.url + "feed/rss/").status_code == 200
        return len(context.captured_queries)

    make_post(blog_index, 0, authors=[PersonFactory()])
    client.get(blog_index.url + "feed/rss/")
    small = count_queries()
    for number in range(1, 6):
        post = make_post(blog_index, number, authors=[PersonFactory(), PersonFactory()])
        post.tags.add(f"aihe{number}")
        post.save()
    client.get(blog_index.url + "feed/rss/")
    assert count_queries() == small
