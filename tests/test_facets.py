"""The rules every faceted listing shares (cms.facets), on a listing of the site's locales.

The four listings' own tests (practices, materials, blog, pilots) check their facets,
counts and URLs through the pages; these check the parser and the option rules once.
"""

import pytest
from django.db.models import Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from blog.models import BlogPage
from cms.facets import MAX_VALUES, Facet, FacetedListing, FacetState, Filters, FlagFacet, Option, crosses_many
from home.models import PilotReportPage
from materials.models import MaterialPage
from practices.models import PracticeModelPage

pytestmark = pytest.mark.django_db

LANGUAGES = [("fi", "Finnish"), ("sv", "Swedish"), ("en", "English"), ("de", "German")]


class LocaleListing(FacetedListing):
    language = Facet("language_code", label="Language", choices=LANGUAGES)
    one_language = Facet("language_code", label="One language", choices=LANGUAGES, multiple=False)


def listing(query):
    return LocaleListing(QueryDict(query), Locale.objects.order_by("language_code"))


def codes(result):
    return sorted(result.filtered().values_list("language_code", flat=True))


def facet(result, name):
    return next(state for state in result.facets if state.name == name)


def test_values_of_one_facet_widen_and_facets_narrow():
    assert codes(listing("language=fi&language=sv")) == ["fi", "sv"]
    assert codes(listing("language=fi&language=sv&one_language=sv")) == ["sv"]


def test_an_unknown_value_is_a_form_error_naming_no_value_and_its_facet_is_ignored():
    value = "<b>" + "x" * 5000
    result = listing(f"language=fi&language={value}&one_language=xx")
    assert codes(result) == ["en", "fi", "sv"]
    errors = facet(result, "language").errors + facet(result, "one_language").errors
    assert len(errors) == 2
    assert not any("x" in str(error).lower() for error in errors)


@pytest.mark.parametrize(("count", "code"), [(MAX_VALUES, "invalid_choice"), (MAX_VALUES + 1, "too_many")])
def test_one_cap_on_the_number_of_values_checked_before_the_values(count, code):
    result = listing("&".join(f"language=v{number}" for number in range(count)))
    assert [error.code for error in result.form.errors.as_data()["language"]] == [code]
    assert codes(result) == ["en", "fi", "sv"]


def test_repeated_and_empty_values_count_once_or_not_at_all():
    result = listing("&".join(["language=fi"] * (MAX_VALUES + 5) + ["language="]))
    assert not result.form.errors
    assert codes(result) == ["fi"]


def test_options_without_results_are_offered_only_when_chosen():
    plain = facet(listing(""), "language")
    assert [(o.value, o.count, o.selected) for o in plain.options] == [("fi", 1, False), ("sv", 1, False), ("en", 1, False)]
    chosen = listing("language=de")
    assert codes(chosen) == []
    assert [(o.value, o.count, o.selected) for o in facet(chosen, "language").options if o.value == "de"] == [
        ("de", 0, True)
    ]


def test_counts_are_taken_under_the_other_facets():
    result = listing("language=fi&one_language=sv")
    # The chosen value stays offered (checked) though nothing has both.
    assert {o.value: o.count for o in facet(result, "language").options} == {"fi": 0, "sv": 1}
    assert {o.value: o.count for o in facet(result, "one_language").options} == {"fi": 1, "sv": 0}


def test_listings_over_the_same_results_keep_their_own_counts():
    """Counts are kept under the listing's class, its results and the values chosen: another
    listing's facet of the same name over the same results is counted for itself."""

    class FinnishOnly(FacetedListing):
        language = FlagFacet(label="Finnish", option_label="Finnish only", condition=Q(language_code="fi"))
        one_language = LocaleListing.base_filters["one_language"]

    assert {o.value: o.count for o in facet(listing(""), "language").options} == {"fi": 1, "sv": 1, "en": 1}
    flagged = FinnishOnly(QueryDict(""), Locale.objects.order_by("language_code"))
    assert [(o.value, o.count) for o in facet(flagged, "language").options] == [("1", 1)]


def test_a_facet_over_a_relation_with_several_rows_filters_through_a_subquery():
    assert crosses_many(PracticeModelPage, "themes__slug")
    assert crosses_many(MaterialPage, "versions__language")
    assert crosses_many(BlogPage, "tagged_items__tag__slug")
    assert crosses_many(BlogPage, "authors__person_id")
    assert not crosses_many(MaterialPage, "series__slug")
    assert not crosses_many(PilotReportPage, "region")


def drawer(listing, language="en"):
    """The filter drawer (includes/facets.html) as a visitor gets it."""
    from bs4 import BeautifulSoup

    with translation.override(language):
        html = render_to_string(
            "includes/facets.html", {"listing": listing, "heading": "Filters", "submit_label": "Show", "action": "/x/"}
        )
    return BeautifulSoup(html, "html.parser").select_one("details.filters-drawer")


@pytest.mark.parametrize(
    ("query", "count"),
    [("", 0), ("language=fi", 1), ("language=fi&language=sv&one_language=sv", 3), ("language=fi&language=zz", 0)],
)
def test_the_drawer_says_how_many_options_are_chosen(query, count):
    result = listing(query)
    assert result.active_count == count
    summary = drawer(result).summary.get_text(" ", strip=True)
    assert summary == (f"Filters ({count} selected)" if count else "Filters")
    # Closed unless a value was refused (the error must show); site.js opens it on a wide screen.
    assert ("open" in drawer(result).attrs) == bool(result.form.errors)


@pytest.mark.parametrize(("language", "one", "two"), [("fi", "(1 valittu)", "(2 valittu)"), ("sv", "(1 vald)", "(2 valda)")])
def test_the_count_of_chosen_options_is_translated(language, one, two):
    assert drawer(listing("language=fi"), language).select_one(".filters-drawer__count").get_text() == one
    assert drawer(listing("language=fi&one_language=sv"), language).select_one(".filters-drawer__count").get_text() == two


def test_filters_counted_elsewhere_keep_their_other_parameters():
    chosen = Filters(
        [FacetState("theme", "Theme", [Option("a", "A", 2, True), Option("b", "B", 1, True), Option("c", "C", 1)], True)],
        hidden=[("when", "past")],
    )
    assert chosen.active_count == 2 and chosen.is_filtered
    html = drawer(chosen)
    assert html.select_one("input[type=hidden][name=when]")["value"] == "past"
    assert html.select_one(".filters__clear")["href"] == "/x/?when=past"
    assert not Filters([FacetState("theme", "Theme", [Option("a", "A", 2)], True)]).is_filtered
