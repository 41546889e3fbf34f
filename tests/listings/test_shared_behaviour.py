"""What every faceted listing promises, checked on each of them through its page.

The practice index, the material registry, the blog index, the pilots of a project page,
the event index and the search page all show their filters with `includes/facets.html`
(cms/facets.py). Each is declared below as data (its URL, the facet and values to try, where
its results are); one set of tests runs over all of them. What only one listing has (its
facets' meaning, totals, tabs, marks, feeds) stays in that listing's own tests.

Each listing gets `SIZE` items; value `A1` of its facet `A` is on all but the last, `A2` on the
last only; its other filter (`other`) keeps the even-numbered items, so `A2` under `other`
gives nothing.
"""

import urllib.parse
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.facets import MAX_VALUES
from tests.conftest import built_once

pytestmark = pytest.mark.django_db

SIZE = 14  # more than one page on every listing (12 or 10 a page)
WORD = "kotopolku"  # in every item's title: the search page finds them all
EVEN = "parillinen"  # in the even-numbered items' titles


def title(kind, number):
    return f"{WORD.capitalize()} {kind} {number:02d}" + (f" {EVEN}" if number % 2 == 0 else "")


def build_listings():
    """Items for each listing under the session's home page; {name: URL path of the listing}."""
    import datetime

    from tests.conftest import existing_home
    from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
    from tests.factories.events import EventIndexPageFactory, EventPageFactory, in_days
    from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
    from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory
    from tests.factories.practices import PracticeIndexPageFactory, PracticeModelPageFactory, ThemeFactory

    home = existing_home()
    first, last = ThemeFactory(name="Ensimmäinen", slug="a1"), ThemeFactory(name="Viimeinen", slug="a2")

    def a(number):
        return "a1" if number < SIZE - 1 else "a2"

    practices = PracticeIndexPageFactory(parent=home)
    materials = MaterialIndexPageFactory(parent=home, slug="materiaalit")
    blog = BlogIndexPageFactory(parent=home, slug="blogi")
    project = ProjectPageFactory(parent=home, title="Hanke", slug="hanke")
    events = EventIndexPageFactory(parent=home)
    for number in range(SIZE):
        even = number % 2 == 0
        theme = {"a1": first, "a2": last}[a(number)]
        PracticeModelPageFactory(
            parent=practices,
            title=title("käytäntö", number),
            themes=[theme],
            region="uusimaa" if even else "pirkanmaa",
        )
        MaterialPageFactory(
            parent=materials,
            title=title("materiaali", number),
            languages=["so" if a(number) == "a1" else "ar"],
            material_type="video" if even else "podcast",
        )
        post = BlogPageFactory(
            parent=blog,
            title=title("kirjoitus", number),
            kind="news" if a(number) == "a1" else "blog",
            date=datetime.date(2024, 6, 1) - datetime.timedelta(days=number),
        )
        post.tags.add(EVEN if even else "pariton")
        post.save_revision().publish()
        PilotReportPageFactory(
            parent=project,
            title=title("pilotti", number),
            call_round=1 if a(number) == "a1" else 2,
            region="uusimaa" if even else "pirkanmaa",
            theme="guidance",
        )
        EventPageFactory(parent=events, title=title("tapahtuma", number), themes=[theme], starts_at=in_days(number + 1))
    for number in range(2):  # past events, with the first theme only
        EventPageFactory(
            parent=events,
            title=f"Mennyt {number}",
            themes=[first],
            starts_at=timezone.now() - datetime.timedelta(days=10 + number),
        )
    # A second listing of each kind, with one item of value A2: it counts only its own. (Nothing
    # of these items is found by the search words: the factory's source project, "Kotona
    # Suomessa", shares its stem with the compound "kotopolku".)
    second = {
        "practices": PracticeIndexPageFactory(parent=home, slug="toiset-kaytannot"),
        "materials": MaterialIndexPageFactory(parent=home, slug="toiset-materiaalit"),
        "blog": BlogIndexPageFactory(parent=home, slug="toinen-blogi"),
        "pilots": ProjectPageFactory(parent=home, title="Toinen hanke", slug="toinen-hanke"),
        "events": EventIndexPageFactory(parent=home, slug="toiset-tapahtumat"),
    }
    PracticeModelPageFactory(parent=second["practices"], title="Toinen käytäntö", themes=[last], region="uusimaa")
    MaterialPageFactory(
        parent=second["materials"], title="Toinen materiaali", source_project="", languages=["ar"], material_type="video"
    )
    BlogPageFactory(parent=second["blog"], title="Toinen kirjoitus", kind="blog", date=datetime.date(2024, 6, 1))
    PilotReportPageFactory(parent=second["pilots"], title="Toinen pilotti", call_round=2, region="uusimaa", theme="guidance")
    EventPageFactory(parent=second["events"], title="Toinen tapahtuma", themes=[last], starts_at=in_days(3))
    return {
        "practices": practices.url,
        "materials": materials.url,
        "blog": blog.url,
        "pilots": project.url,
        "events": events.url,
        "search": "/search/",
        **{f"second {name}": page.url for name, page in second.items()},
    }


@dataclass
class Listing:
    """One faceted listing as its tests see it.

    `facet` is the facet tried (values A1 and A2: see the module's docstring), `other` the
    query of its other filter, `base` what every request of it carries (the search words),
    `results` the CSS selector of its result links, `hidden` what its filter form keeps,
    `anchor` the fragment its form returns to, `says_errors` whether a refused value is shown
    as a form error (FacetedListing) or dropped unsaid (listings that count their own options).
    """

    name: str
    facet: str
    a1: str
    a2: str
    other: str
    results: str
    base: str = ""
    hidden: list = field(default_factory=list)
    anchor: str = ""
    multiple: bool = True
    says_errors: bool = True

    def __str__(self):
        return self.name


LISTINGS = [
    Listing("practices", "theme", "a1", "a2", "region=uusimaa", ".practice-listing .card__title a"),
    Listing("materials", "language", "so", "ar", "type=video", ".material-results .card__title a"),
    Listing("blog", "kind", "news", "blog", f"tag={EVEN}", ".blog-listing .card__title a", multiple=False),
    Listing("pilots", "round", "1", "2", "region=uusimaa", ".pilots__results .card__title a", anchor="#pilots"),
    Listing(
        "events",
        "theme",
        "a1",
        "a2",
        "when=past",
        ".event-listing .card__title a",
        hidden=[("when", "upcoming")],
        says_errors=False,
    ),
    # Search counts its own types; "page" (other pages) has no result for these words.
    Listing(
        "search",
        "type",
        "practice",
        "page",
        f"q={WORD}+{EVEN}",
        ".search-results h2 a",
        base=f"q={WORD}",
        hidden=[("q", WORD)],
        says_errors=False,
    ),
]


@pytest.fixture(scope="module")
def paths(django_db_setup, django_db_blocker):
    """The listings' items, built once for the module and rolled back after it."""
    with built_once(django_db_blocker, build_listings) as built:
        yield built


@pytest.fixture(params=LISTINGS, ids=str)
def listing(request, paths):
    return request.param


@dataclass
class Page:
    """One response of a listing, read as a visitor sees it."""

    html: BeautifulSoup
    listing: Listing

    @property
    def results(self):
        return [link["href"] for link in self.html.select(self.listing.results)]

    @property
    def drawer(self):
        return self.html.select_one("details.filters-drawer")

    def options(self):
        """[(facet, value, count, chosen)] of every option the drawer offers."""
        found = []
        for box in self.drawer.select("input[type=checkbox]"):
            count = box.find_parent("label").select_one(".filters__count").get_text()
            found.append((box["name"], box["value"], int(count.strip("()")), box.has_attr("checked")))
        for select in self.drawer.select("select"):
            for option in select.select("option[value]"):
                if option["value"]:
                    count = option.get_text().rsplit("(", 1)[1].rstrip(")")
                    found.append((select["name"], option["value"], int(count), option.has_attr("selected")))
        return found

    def errors(self):
        return [item.get_text() for item in self.drawer.select(".errorlist li")]

    @property
    def next_link(self):
        link = self.html.select_one(".pagination a[rel=next]")
        return link["href"] if link else None


def query_of(*parts):
    return "&".join(part for part in parts if part)


def get(client, path, listing, query=""):
    response = client.get(f"{path}?{query_of(listing.base, query)}")
    assert response.status_code == 200, (listing.name, query[:80])
    return Page(BeautifulSoup(response.content, "html.parser"), listing)


def every_result(client, path, listing, query=""):
    """The results of every page, following the "next" links as a visitor would."""
    page = get(client, path, listing, query)
    found = page.results
    while page.next_link:
        page = Page(BeautifulSoup(client.get(path + page.next_link).content, "html.parser"), listing)
        found += page.results
    assert len(found) == len(set(found)), f"{listing}: a result on two pages"
    return found


def without(query, name):
    return "&".join(part for part in query.split("&") if part and not part.startswith(f"{name}="))


def test_every_result_is_listed_once_over_the_pages(client, paths, listing):
    first = get(client, paths[listing.name], listing)
    assert first.next_link is not None, "the data fill more than one page"
    expected = SIZE * 5 if listing.name == "search" else SIZE
    assert len(every_result(client, paths[listing.name], listing)) == expected


@pytest.mark.parametrize("filtered", [False, True], ids=["unfiltered", "other-filter"])
def test_each_count_is_the_number_of_results_choosing_the_option_gives(client, paths, listing, filtered):
    path = paths[listing.name]
    query = listing.other if filtered else ""
    options = get(client, path, listing, query).options()
    assert {name for name, *_ in options} >= {listing.facet}
    for name, value, count, chosen in options:
        if chosen:
            continue
        chosen_query = query_of(without(query, name), f"{name}={urllib.parse.quote(value)}")
        assert len(every_result(client, path, listing, chosen_query)) == count, (listing.name, chosen_query)


def test_pagination_keeps_the_filters(client, paths, listing):
    page = get(client, paths[listing.name], listing, f"{listing.facet}={listing.a1}")
    expected = urllib.parse.parse_qs(query_of(listing.base, f"{listing.facet}={listing.a1}", "page=2"))
    assert urllib.parse.parse_qs(page.next_link.lstrip("?")) == expected


@pytest.mark.parametrize(
    ("number", "shown"), [("99999", "last"), ("-1", "last"), ("0", "last"), ("abc", "first"), ("", "first")]
)
def test_a_page_number_out_of_range_shows_the_first_or_last_page(client, paths, listing, number, shown):
    path = paths[listing.name]
    first = get(client, path, listing)
    last = first
    while last.next_link:
        last = Page(BeautifulSoup(client.get(path + last.next_link).content, "html.parser"), listing)
    assert get(client, path, listing, f"page={number}").results == {"first": first, "last": last}[shown].results


BAD_VALUES = ["ei-ole", "<script>alert(1)</script>", "x" * 5000, "1 OR 1=1", "\x00", "99999999999999999999"]


@pytest.mark.parametrize("value", BAD_VALUES, ids=["unknown", "markup", "long", "injection", "nul", "huge-number"])
def test_a_bad_value_is_ignored_and_said(client, paths, listing, value):
    path = paths[listing.name]
    unfiltered = get(client, path, listing)
    page = get(client, path, listing, f"{listing.facet}={urllib.parse.quote(value)}")
    assert page.results == unfiltered.results
    assert "<script>alert(1)" not in str(page.html)
    if listing.says_errors:
        assert len(page.errors()) == 1
        assert value[:20] not in page.errors()[0]  # the error names no value
        assert page.drawer.has_attr("open"), "the drawer is open so that the error shows"


@pytest.mark.parametrize("listing", [item for item in LISTINGS if item.multiple], ids=str)  # (the blog's are selects)
def test_a_value_beyond_the_cap_is_not_applied(client, paths, listing):
    path = paths[listing.name]
    values = [f"{listing.facet}=v{number}" for number in range(MAX_VALUES)] + [f"{listing.facet}={listing.a2}"]
    assert get(client, path, listing, "&".join(values)).results == get(client, path, listing).results


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
def test_options_without_results_are_offered_only_when_chosen(client, paths, listing):
    path = paths[listing.name]
    for query in ("", listing.other):
        assert all(count for _name, _value, count, _chosen in get(client, path, listing, query).options()), query
    empty = get(client, path, listing, query_of(listing.other, f"{listing.facet}={listing.a2}"))
    assert empty.results == []
    assert (listing.facet, listing.a2, 0, True) in empty.options()


def test_the_drawer_says_what_is_chosen_and_keeps_the_rest_of_the_address(client, paths, listing):
    path = paths[listing.name]
    plain = get(client, path, listing)
    assert not plain.drawer.has_attr("open")  # closed in the HTML: on a phone the results come first
    assert plain.drawer.select_one(".filters-drawer__count") is None
    assert plain.drawer.select_one(".filters__clear") is None

    page = get(client, path, listing, f"{listing.facet}={listing.a1}")
    drawer = page.drawer
    assert not drawer.has_attr("open")
    assert drawer.select_one(".filters-drawer__count").get_text() == "(1 valittu)"
    assert [(name, value) for name, value, _count, chosen in page.options() if chosen] == [(listing.facet, listing.a1)]
    form = drawer.select_one("form")
    assert (form["method"], form["action"]) == ("get", path + listing.anchor)
    assert [(box["name"], box["value"]) for box in form.select("input[type=hidden]")] == listing.hidden
    clear = "?" + urllib.parse.urlencode(listing.hidden) if listing.hidden else ""
    assert drawer.select_one(".filters__clear")["href"] == path + clear + listing.anchor
    # Each facet is labelled: checkboxes in a fieldset with a legend, a select with its label.
    for fieldset in form.select("fieldset"):
        assert fieldset.legend.get_text(strip=True)
    for select in form.select("select"):
        assert form.select_one(f"label[for={select['id']}]").get_text(strip=True)


def test_counts_and_results_follow_an_unpublish_at_once(client, paths, listing):
    """Counts are kept until what the public sees changes (cms.facets, `kept_for_the_public`):
    the next view after an unpublish counts without the page."""
    from wagtail.models import Page as WagtailPage

    path = paths[listing.name]
    before = get(client, path, listing)
    total = sum(count for name, _value, count, _chosen in before.options() if name == listing.facet)
    gone = before.results[0]
    WagtailPage.objects.get(slug=gone.rstrip("/").rsplit("/", 1)[-1], live=True).specific.unpublish()
    after = get(client, path, listing)
    assert sum(count for name, _value, count, _chosen in after.options() if name == listing.facet) == total - 1
    assert gone not in every_result(client, path, listing)


@pytest.mark.parametrize("listing", [listing for listing in LISTINGS if listing.name != "search"], ids=str)
def test_a_second_listing_of_the_kind_counts_only_its_own_items(client, paths, listing):
    """Counts kept for one listing (cms.facets) are never another's: each index page counts its own."""
    def counts(path):
        return {value: count for name, value, count, _chosen in get(client, path, listing).options() if name == listing.facet}

    assert counts(paths[listing.name]) == {listing.a1: SIZE - 1, listing.a2: 1}
    assert counts(paths[f"second {listing.name}"]) == {listing.a2: 1}


@pytest.mark.parametrize("listing", [listing for listing in LISTINGS if listing.name != "search"], ids=str)
def test_a_kept_page_of_results_shows_a_publish_and_no_draft(client, paths, listing):
    """A page of results is kept until what the public sees changes (cms.facets `page_obj`): the
    next view shows a newly published title of a result, never a draft's."""
    from wagtail.models import Page as WagtailPage

    path = paths[listing.name]
    first = get(client, path, listing).results[0]
    page = WagtailPage.objects.get(slug=first.rstrip("/").rsplit("/", 1)[-1], live=True).specific

    def shown_title():
        """The result's title on whichever page of the listing it is now (a title may move it)."""
        page = get(client, path, listing)
        while (card := page.html.select_one(f'{listing.results}[href="{first}"]')) is None and page.next_link:
            page = Page(BeautifulSoup(client.get(path + page.next_link).content, "html.parser"), listing)
        return card.get_text(" ", strip=True)

    assert "Luonnoksen" not in shown_title()
    draft = page.get_latest_revision_as_object()
    draft.title = draft.listing_title = f"Luonnoksen otsikko {WORD}"
    draft.save_revision()
    assert "Luonnoksen" not in shown_title()
    edit = page.get_latest_revision_as_object()
    edit.title = edit.listing_title = f"Julkaistu otsikko {WORD}"
    edit.save_revision().publish()
    assert "Julkaistu otsikko" in shown_title()
