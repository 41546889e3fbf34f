"""Nothing a visitor may not see leaks through any channel, in any language (issue 14).

Every channel (page serving, listings, home blocks, feeds, search and its counts, the
sitemap, hreflang and the language switcher, navigation and calls to action, comment
endpoints) × every hidden state of `world.py`: none of the hidden thing's words (title,
summary, comment text) nor its URL slugs appear. Each channel also shows the visible
controls, so a channel that shows nothing cannot pass.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.models import Page

from blog.models import BlogPage

from .world import KINDS, SEARCH_WORD, STATES, World

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv", "en")
_responses = {}


def fetch(url):
    """An anonymous visitor's response, as (status, text incl. the Location header); once per URL."""
    if url not in _responses:
        response = Client().get(url)
        text = response.content.decode(errors="replace") + response.get("Location", "")
        _responses[url] = (response.status_code, text)
    return _responses[url]


def translated(page, language):
    """The page's version in a language (translation or alias), if there is one."""
    return Page.objects.filter(translation_key=page.translation_key, locale__language_code=language).first()


def urls_of(pages, languages=LANGUAGES):
    return [version.url for page in pages for language in languages if (version := translated(page, language))]


def channel_urls(world: World, channel):
    """{language: [URLs]} of a channel."""
    indexes = world.indexes
    if channel == "listings":
        return {language: urls_of(indexes.values(), [language]) for language in LANGUAGES}
    if channel == "home":
        return {language: urls_of([world.home["fi"]], [language]) for language in LANGUAGES}
    if channel == "feeds":
        return {
            language: [url + f"feed/{kind}/" for url in urls_of([indexes["blog"]], [language]) for kind in ("rss", "atom")]
            + [index.specific.calendar_url for index in [translated(indexes["event"], language)] if index]
            for language in LANGUAGES
        }
    if channel == "search":
        urls = {}
        for language in LANGUAGES:
            base = f"{'' if language == 'fi' else '/' + language}/search/?q={SEARCH_WORD}"
            urls[language] = [base, base + "&page=2"] + [
                base + f"&type={facet}" for facet in ("practice", "pilot_report", "material", "blog_post", "event", "page")
            ]
        return urls
    if channel == "sitemap":
        return {"fi": ["/sitemap.xml"]}
    if channel == "alternates":
        return {language: urls_of(world.alternates_pages, [language]) for language in LANGUAGES}
    if channel == "navigation_and_links":
        return {language: urls_of([world.links_page], [language]) for language in LANGUAGES}
    if channel == "comment_endpoints":
        return {"fi": comment_endpoint_urls(world)}
    if channel == "open_data":
        return open_data_urls(world)
    raise AssertionError(channel)


API_ENDPOINTS = {"practice": "practices", "material": "materials", "pilot": "pilots", "event": "events"}


def open_data_urls(world):
    """The API's listings in each language with every field, and the detail of every hidden page row."""
    urls = {
        language: [f"/api/v2/{name}/?locale={language}&limit=100&fields=*" for name in API_ENDPOINTS.values()]
        for language in LANGUAGES
    }
    urls["fi"] += [
        f"/api/v2/{API_ENDPOINTS[item.kind]}/{pk}/"
        for item in world.hidden
        if item.kind in API_ENDPOINTS
        for pk in item.page_ids
    ]
    return urls


def comment_endpoint_urls(world):
    """django-comments-xtd's endpoints for every hidden comment and post."""
    content_type = ContentType.objects.get_for_model(BlogPage)
    urls = []
    posts = BlogPage.objects.filter(pk__in=[pk for item in world.hidden for pk in item.page_ids])
    for comment_id in [pk for item in world.hidden for pk in item.comment_ids]:
        urls += [f"/comments/reply/{comment_id}/", f"/comments/flag/{comment_id}/", f"/comments/like/{comment_id}/"]
    for post in posts:
        urls += [
            f"/comments/cr/{content_type.pk}/{post.pk}/",
            f"/comments/api/blog-blogpage/{post.pk}/",
            f"/comments/api/blog-blogpage/{post.pk}/count/",
            f"/comments/api/blog-blogpage/{post.pk}/?format=api",
        ]
    return urls


LISTING_CHANNELS = ("listings", "home", "feeds", "search", "sitemap", "alternates", "navigation_and_links", "open_data")
CHANNELS = ("page",) + LISTING_CHANNELS + ("comment_endpoints",)


def own_urls(world, item):
    """Every address of the hidden thing: its page in each language and its aliases; the post of a comment."""
    if item.page_ids:
        pages = [page.specific for page in Page.objects.filter(pk__in=item.page_ids) if page.url]
        # A post's comment routes too.
        return [page.url for page in pages] + [
            page.url + "comment/posted/" for page in pages if isinstance(page, BlogPage)
        ]
    from django_comments_xtd.models import XtdComment

    post_ids = XtdComment.objects.filter(pk__in=item.comment_ids).values_list("object_pk", flat=True)
    posts = Page.objects.filter(pk__in=[int(pk) for pk in post_ids])
    return urls_of(posts)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("state", STATES)
def test_nothing_hidden_leaks(world, state, channel):
    items = world.items(state)
    assert items, f"the world has nothing in state {state}"
    for item in items:
        if channel == "page":
            urls = own_urls(world, item)
            assert urls, item.name
        else:
            urls = [url for language_urls in channel_urls(world, channel).values() for url in language_urls]
        for url in urls:
            status, text = fetch(url)
            assert status < 500, (url, status)
            for marker in item.markers:
                assert marker not in text, f"{item.name}: {marker!r} shown at {url}"
            own_address = channel == "page" and item.page_ids
            if not own_address:  # a password form or login redirect repeats the address asked for
                for slug in item.slugs:
                    assert slug not in text, f"{item.name}: slug {slug!r} shown at {url}"
            if own_address and item.live_words:
                # A draft of a live page: the live page is shown, not the draft.
                assert status == 200 and all(word in text for word in item.live_words), (url, status)
            elif own_address:
                # Not found, a login redirect, or the password form: never the page.
                assert status in (404, 302) or 'name="password"' in text, (url, status)


@pytest.mark.parametrize("channel", LISTING_CHANNELS)
def test_channels_show_visible_content(world, channel):
    """The same channels do list the visible controls of every kind, in each language."""
    for language, urls in channel_urls(world, channel).items():
        text = "".join(fetch(url)[1] for url in urls)
        expected = world.visible_markers[language]
        if channel == "feeds":
            # A blog feed carries the posts written in its language, not aliases; the calendar has every event
            # that takes place, untranslated ones too.
            expected = [marker for marker in expected if ("Blog" in marker and language != "en") or "Event" in marker]
        if channel == "sitemap":
            expected = [f"synlig-{kind}" for kind in KINDS] + [f"nakyva-{kind}" for kind in KINDS]
        if channel == "open_data":
            # The API lists each text once in its own language: no blog, no aliases (English).
            expected = [m for m in expected if "Blog" not in m] if language != "en" else []
        missing = [marker for marker in expected if marker not in text]
        assert not missing, f"{channel} in {language} does not show {missing}"


def test_comment_endpoints_are_not_found(world):
    """django-comments-xtd's own endpoints are not routed: the site does not use them."""
    for url in comment_endpoint_urls(world):
        assert fetch(url)[0] == 404, url
