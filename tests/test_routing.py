"""Routing a URL in one query finds what Wagtail's level-by-level routing finds (cms/routing.py)."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from cms import visibility
from cms.models import BasePage
from practices.models import PracticeModelPage
from tests.factories import StandardPageFactory, UserFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.practices import PracticeIndexPageFactory, PracticeModelPageFactory, ThemeFactory
from tests.visibility.world import publish_edit

pytestmark = pytest.mark.django_db
PLAIN = {Page.route, BasePage.route}
rf = RequestFactory()


def level_by_level(root, request, components):
    """Wagtail's own algorithm: a child and its specific page per level; a page that routes itself takes the rest."""
    page = root
    for depth, slug in enumerate(components):
        if type(page).route not in PLAIN:
            return page.route(request, components[depth:])
        try:
            page = page.get_children().get(slug=slug).specific
        except Page.DoesNotExist as missing:
            raise Http404 from missing
    return Page.route(page, request, []) if type(page).route in PLAIN else page.route(request, [])


def outcome(route, *args):
    try:
        result = route(*args)
    except Http404:
        return "404"
    page, view_args, view_kwargs = result

    def plain(value):  # a routable page's view is a method bound to each instance: compare its name
        if callable(value):
            return value.__name__
        return tuple(plain(item) for item in value) if isinstance(value, (tuple, list)) else value

    return page.pk, type(page).__name__, plain(view_args), tuple(sorted(view_kwargs))


@pytest.fixture
def tree(home):
    section = StandardPageFactory(parent=home, title="Osio", slug="osio")
    middle = StandardPageFactory(parent=section, title="Keski", slug="keski")
    StandardPageFactory(parent=middle, title="Syvä", slug="syva")
    draft_parent = StandardPageFactory(parent=section, title="Luonnos", slug="luonnos", live=False)
    StandardPageFactory(parent=draft_parent, title="Luonnoksen lapsi", slug="lapsi")
    blog = BlogIndexPageFactory(parent=home, title="Blogi", slug="blogi")
    BlogPageFactory(parent=blog, title="Kirjoitus", slug="kirjoitus")
    practices = PracticeIndexPageFactory(parent=home, title="Käytännöt", slug="kaytannot")  # routes kriteerit/ itself
    PracticeModelPageFactory(parent=practices, title="Käytäntö", slug="kaytanto", themes=[ThemeFactory()])
    return home


def test_every_path_routes_as_wagtail_routes_it(tree):
    paths = [page.url_path[len(tree.url_path) :] for page in Page.objects.descendant_of(tree)]
    paths += ["puuttuu/", "osio/puuttuu/", "osio/keski/syva/puuttuu/", "blogi/feed/rss/", "blogi/feed/atom/",
              "blogi/kirjoitus/comment/", "blogi/kirjoitus/ei-reittia/", "blogi/ei-reittia/", "osio/keski//syva/",
              "kaytannot/kriteerit/", "kaytannot/kriterier/", "kaytannot/kaytanto/", "kaytannot/kaytanto/x/"]
    assert len(paths) > 10
    for path in paths:
        components = [part for part in path.split("/") if part]
        request = rf.get("/" + path)
        expected = outcome(level_by_level, tree, request, components)
        assert outcome(tree.route, request, components) == expected, path
    # The draft in the middle of a path is passed through, as Wagtail does; the draft itself is a 404.
    assert outcome(tree.route, rf.get("/"), ["osio", "luonnos"]) == "404"
    assert outcome(tree.route, rf.get("/"), ["osio", "luonnos", "lapsi"]) != "404"


def test_a_deep_page_is_found_in_two_queries_then_kept(tree, django_assert_num_queries):
    visibility.next_change()  # read once per generation (its own test: tests/visibility/test_caches.py)
    with django_assert_num_queries(2):  # the pages on the way, then the page found as its own type
        page = tree.route(rf.get("/"), ["osio", "keski", "syva"]).page
    assert page.title == "Syvä" and [p.title for p in page.route_chain][1:] == ["Osio", "Keski", "Syvä"]
    with django_assert_num_queries(0):  # kept until what the public sees changes
        again = tree.route(rf.get("/"), ["osio", "keski", "syva"]).page
    assert again.title == "Syvä" and [p.title for p in again.route_chain][1:] == ["Osio", "Keski", "Syvä"]


def test_restrictions_of_a_routed_page_are_those_wagtail_finds(tree):
    section = Page.objects.get(slug="osio")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    routed = tree.route(rf.get("/"), ["osio", "keski", "syva"]).page
    read = Page.objects.get(pk=routed.pk).specific
    assert [r.pk for r in routed.get_view_restrictions()] == [r.pk for r in read.get_view_restrictions()] != []
    unrestricted = tree.route(rf.get("/"), ["blogi", "kirjoitus"]).page
    assert list(unrestricted.get_view_restrictions()) == []


def test_a_page_under_a_routable_page_that_does_not_claim_the_path_is_found_in_two_queries(
    tree, django_assert_num_queries
):
    visibility.next_change()
    served_with = len(PracticeModelPage.served_with())  # its themes and target groups, read with it
    # The practice index is not read as its own type: kaytanto/ is not its route.
    with django_assert_num_queries(2 + served_with):
        page = tree.route(rf.get("/"), ["kaytannot", "kaytanto"]).page
    assert page.title == "Käytäntö"
    themes = list(PracticeModelPage.objects.get(pk=page.pk).themes.all())
    assert themes
    with django_assert_num_queries(0):
        assert list(page.themes.all()) == themes


def route(root, path):
    try:
        return root.route(rf.get("/" + path), [part for part in path.split("/") if part]).page
    except Http404:
        return None


def test_a_kept_route_follows_every_publish_and_no_draft(tree, django_assert_num_queries):
    editor = UserFactory(is_superuser=True)
    deep = Page.objects.get(slug="syva").specific
    assert route(tree, "osio/keski/syva/").title == "Syvä"

    draft = deep.get_latest_revision_as_object()
    draft.title = "Luonnoksen otsikko"
    draft.save_revision(user=editor)  # a draft save, and an autosave, change nothing public
    with django_assert_num_queries(0):
        assert route(tree, "osio/keski/syva/").title == "Syvä"

    publish_edit(deep, editor, title="Uusi otsikko")
    assert route(tree, "osio/keski/syva/").title == "Uusi otsikko"

    elsewhere = StandardPageFactory(parent=tree, title="Toinen", slug="toinen")
    Page.objects.get(slug="keski").move(elsewhere, pos="last-child", user=editor)
    assert route(tree, "osio/keski/syva/") is None
    assert route(tree, "toinen/keski/syva/").title == "Uusi otsikko"

    Page.objects.get(pk=deep.pk).unpublish(user=editor)
    assert route(tree, "toinen/keski/syva/") is None


def test_every_request_gets_its_own_copy_of_a_kept_page(tree):
    first = route(tree, "kaytannot/kaytanto/")
    first.title = "Muutettu pyynnön aikana"
    first.route_chain.append("vieras")
    second = route(tree, "kaytannot/kaytanto/")
    assert second is not first and second.title == "Käytäntö"
    assert [p.title for p in second.route_chain][1:] == ["Käytännöt", "Käytäntö"]


def test_a_path_that_names_no_page_is_read_every_time(tree, django_assert_num_queries):
    visibility.next_change()
    for _attempt in range(2):
        with django_assert_num_queries(1):  # the pages on the way, none kept: anyone can vary a path
            assert route(tree, "osio/ei-ole/") is None


def test_breadcrumbs_of_a_routed_page_are_those_read_from_the_tree(tree):
    from django.utils import timezone

    from cms.templatetags.cms_tags import breadcrumb_ancestors

    middle = Page.objects.get(slug="keski")
    middle.expire_at = timezone.now() - timezone.timedelta(days=1)  # live, but past its date: not shown
    middle.save()
    routed = tree.route(rf.get("/"), ["osio", "keski", "syva"]).page
    read = Page.objects.get(pk=routed.pk).specific
    assert [p.title for p in breadcrumb_ancestors(routed)] == [p.title for p in breadcrumb_ancestors(read)]
    assert [p.title for p in breadcrumb_ancestors(routed)] == [tree.title, "Osio"]
