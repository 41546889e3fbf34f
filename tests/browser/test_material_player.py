"""The material page on a phone: one player area, a language chooser, each version at its own address."""

import pytest

from tests.browser.conftest import guard_outside_requests

expect = pytest.importorskip("playwright.sync_api", reason="No browser: playwright is not installed").expect

PHONE = {"width": 390, "height": 844}


def phone_tab(browser, site_url, **options):
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport=PHONE, **options)
    return guard_outside_requests(context.new_page(), site_url)


def shown_versions(tab):
    return tab.locator(".material-version").evaluate_all(
        "versions => versions.filter(v => v.checkVisibility()).map(v => v.id)"
    )


@pytest.fixture(scope="module")
def widest_material(browser, site_url, site_pages):
    """(path, language codes in the chooser) of the material with the most language versions."""
    tab = phone_tab(browser, site_url)
    paths = []
    for number in range(1, 20):  # every page of the registry
        tab.goto(f"{site_pages[('materials.materialindexpage', 'fi')]}?page={number}")
        on_page = tab.locator(".material-cards a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        if not on_page or set(on_page) <= set(paths):  # past the last page, Django answers the last one
            break
        paths += on_page
    found = {}
    for path in dict.fromkeys(paths):
        tab.goto(path)
        found[path] = [href[1:] for href in tab.locator(".version-chooser a").evaluate_all("a => a.map(l => l.getAttribute('href'))")]
    tab.context.close()
    path = max(found, key=lambda key: len(found[key]))
    assert len(found[path]) >= 10, found  # the demo has a material in 14 languages
    return path, found[path]


def test_a_many_language_material_fits_in_two_and_a_half_phone_screens(browser, site_url, widest_material):
    path, languages = widest_material
    tab = phone_tab(browser, site_url)
    tab.goto(path)
    height = tab.evaluate("document.documentElement.scrollHeight")
    print(f"\nmaterial page, {len(languages)} languages, 390 x 844: {height} px")
    assert height <= 2.5 * PHONE["height"], f"{len(languages)} languages: {height} px"
    assert shown_versions(tab) == [tab.locator(".material-version").first.get_attribute("id")]
    tab.context.close()


def test_the_chooser_shows_one_version_by_keyboard_and_marks_it(browser, site_url, widest_material):
    path, languages = widest_material
    tab = phone_tab(browser, site_url)
    tab.goto(path)
    for code in (languages[-1], languages[1]):
        link = tab.locator(f".version-chooser a[href='#{code}']")
        link.focus()
        tab.keyboard.press("Enter")
        tab.wait_for_url(f"**#{code}")
        expect(link).to_have_attribute("aria-current", "true")  # set by the script on the hash's change
        assert shown_versions(tab) == [code]
        assert tab.locator(".version-chooser a[aria-current]").count() == 1
        article = tab.locator(f"article#{code}")
        assert article.get_attribute("lang") == code
        play = article.locator(".video__play")
        if play.count():
            assert play.is_visible()
    assert not tab.outside_requests, tab.outside_requests
    tab.context.close()


def test_each_version_has_an_address_that_works_without_javascript(browser, site_url, widest_material):
    path, languages = widest_material
    tab = phone_tab(browser, site_url, java_script_enabled=False)
    for code in languages:
        tab.goto(f"{path}#{code}")
        assert shown_versions(tab) == [code], code
    tab.context.close()
