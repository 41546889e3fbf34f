"""Browser tests: Debian's Chromium driven by playwright against a real server with the demo site.

The server is `manage.py runserver` on a free port with development settings, serving a
copy of the demo site built once per run (`demo_site`, tests/demo_site.py): the same site
`make run` serves. Where no browser can be started the tests skip and say why;
they never pass without a browser.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGUAGES = ("fi", "sv", "en")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(demo_server):
    """The running demo site (tests/conftest.py): a copy of the one demo database of this run."""
    return demo_server


@pytest.fixture(scope="session")
def site_pages(site_url):
    """{(page type, language): path} of the demo site."""
    from tests.browser.site_pages import pages_by_type

    return pages_by_type(os.environ["BROWSER_SITE_DATABASE"])


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"No browser: {CHROMIUM} is not installed (Debian package 'chromium'); browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - requirements-dev installs it
        pytest.skip(f"No browser: playwright is not installed ({error})")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:  # noqa: BLE001 - any launch failure means no browser here
            pytest.skip(f"No browser: Chromium did not start ({error})")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab; any request that would leave this machine is blocked and recorded."""
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    tab = context.new_page()
    tab.outside_requests = []

    def guard(route):
        url = route.request.url
        if url.startswith(site_url) or url.startswith("data:"):
            route.continue_()
        else:
            tab.outside_requests.append(url)
            route.abort()

    tab.route("**/*", guard)
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


def log_in(page, username, password=None):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password or username)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
