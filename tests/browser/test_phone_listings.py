"""Every filtered listing on a phone (390 × 844): the filters in a drawer, the results on the first screen."""

import re

import pytest

from tests.browser.conftest import guard_outside_requests

PHONE = {"width": 390, "height": 844}
# (page type, where its results are): every listing whose filters are includes/facets.html.
LISTINGS = [
    ("practices.practiceindexpage", ".cards > li"),
    ("materials.materialindexpage", ".material-cards > li"),
    ("blog.blogindexpage", ".cards > li"),
    ("events.eventindexpage", ".event-listing .cards > li"),
    ("home.projectpage", ".pilots__results .cards > li"),
    ("search", ".search-results > li"),
]
SEARCH_PATH = "/search/?q=kotoutuminen"


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport=PHONE, has_touch=True, is_mobile=True)
    yield guard_outside_requests(context.new_page(), site_url)
    context.close()


def listing_path(site_pages, page_type):
    return SEARCH_PATH if page_type == "search" else site_pages[(page_type, "fi")]


def first_option(form):
    """A filter value that narrows the listing but leaves results: the option with the fewest (> 0)."""
    options = form.evaluate(
        """form => [...form.querySelectorAll('input[type=checkbox], select option')]
            .map(el => ({name: el.name || el.closest('select').name, value: el.value,
                         count: Number(((el.closest('label') || el).textContent.match(/\\((\\d+)\\)\\s*$/) || [0, 0])[1])}))
            .filter(option => option.value && option.count > 0)"""
    )
    assert options, "a listing without filter options"
    return min(options, key=lambda option: option["count"])


@pytest.mark.parametrize("page_type,results", LISTINGS, ids=[name for name, _ in LISTINGS])
def test_after_a_filter_the_first_result_is_on_the_first_screen(phone, site_pages, page_type, results):
    phone.goto(listing_path(site_pages, page_type))
    drawer = phone.locator("details.filters-drawer")
    assert not drawer.evaluate("d => d.open"), "the filters start closed on a phone"
    drawer.locator("summary").click()
    form = drawer.locator("form.filters")
    option = first_option(form)
    field = form.locator(f"[name={option['name']}]")
    if field.first.evaluate("el => el.tagName") == "SELECT":
        field.select_option(option["value"])
    else:
        form.locator(f"input[name={option['name']}][value='{option['value']}']").check()
    form.locator("button[type=submit]").click()
    phone.wait_for_url(re.compile(rf"[?&]{option['name']}={re.escape(option['value'])}"))

    first = phone.locator(results).first
    box = first.bounding_box()  # relative to the screen (the pilot listing's form returns to #pilots)
    assert 0 <= box["y"] < PHONE["height"], f"{page_type}: the first result starts {box['y']:.0f} px down"
    summary = phone.locator("details.filters-drawer summary").inner_text()
    assert "(1 valittu)" in summary, summary  # the closed drawer says a filter is on


def test_a_keyboard_user_opens_the_drawer_filters_and_reaches_the_first_result(phone, site_pages):
    phone.goto(site_pages[("practices.practiceindexpage", "fi")])

    def tab_to(condition, limit=60):
        for _ in range(limit):
            phone.keyboard.press("Tab")
            if phone.evaluate(condition):
                return
        pytest.fail(f"Tab never reached {condition}")

    tab_to("document.activeElement.matches('details.filters-drawer > summary')")
    phone.keyboard.press("Enter")
    assert phone.locator("details.filters-drawer").evaluate("d => d.open")
    tab_to("document.activeElement.matches('form.filters input[type=checkbox]')")
    phone.keyboard.press("Space")
    chosen = phone.evaluate("[document.activeElement.name, document.activeElement.value]")
    tab_to("document.activeElement.matches('form.filters button[type=submit]')")
    phone.keyboard.press("Enter")
    phone.wait_for_url(re.compile(rf"[?&]{chosen[0]}={re.escape(chosen[1])}"))

    # The drawer is closed again: a few steps past it is the first result.
    tab_to("document.activeElement.closest('.cards > li') !== null", limit=25)
    first = phone.locator(".cards > li").first
    assert first.evaluate("li => li.contains(document.activeElement)")


def test_the_search_page_on_a_phone_shows_one_search_box(phone):
    phone.goto(SEARCH_PATH)
    boxes = phone.locator("input[type=search]")
    visible = [i for i in range(boxes.count()) if boxes.nth(i).is_visible()]
    assert len(visible) == 1
    assert boxes.nth(visible[0]).input_value() == "kotoutuminen"
    # Elsewhere the header's search box is there (behind its toggle on a phone).
    phone.goto("/")
    phone.locator("[data-toggle=search]").click()
    assert phone.locator("#site-search-q").is_visible()


def test_on_a_wide_screen_the_filters_start_open_and_do_not_stretch_down_the_page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": 1300, "height": 1000})
    tab = guard_outside_requests(context.new_page(), site_url)
    tab.goto(SEARCH_PATH)
    drawer = tab.locator("details.filters-drawer")
    assert drawer.evaluate("d => d.open")
    assert tab.locator("form.filters button[type=submit]").is_visible()
    filters, results = drawer.bounding_box(), tab.locator(".search-main").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]  # a column beside the results
    assert filters["height"] < results["height"] / 2
    context.close()
