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
    # Nothing leaves this machine: every request but one to the loopback address (which Chromium
    # never sends through a proxy) goes to a proxy that is not there and fails. A route handler
    # (playwright's `route`) would do the same but switches the browser's HTTP cache off, and the
    # admin's 40-odd scripts and styles would be fetched again from the server on every screen.
    "--proxy-server=http://127.0.0.1:1",
]
LANGUAGES = ("fi", "sv", "en")
# axe-core's rules for WCAG 2.1 A and AA; only violations are collected in full (axe's
# `resultTypes`: the rules that pass are reported with one node each, which is most of the
# time axe takes on a large admin form).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


def pytest_collection_modifyitems(items):
    """Marked `browser`; under pytest-xdist (`--dist loadgroup`) a module's tests run in one
    worker, in their order: some walk on from where the test before them left the site."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
            item.needs_demo_site = True  # through `site_url`: tests/conftest.py schedules them late


@pytest.fixture(scope="session")
def site_url(request):
    """The running demo site (tests/conftest.py): a copy of the one demo database of this run.

    BROWSER_SITE_URL and BROWSER_SITE_DATABASE point the tests at a demo site already
    running (to iterate on a test without building the site again); the tests change it.
    """
    if os.environ.get("BROWSER_SITE_URL") and os.environ.get("BROWSER_SITE_DATABASE"):
        return os.environ["BROWSER_SITE_URL"]
    return request.getfixturevalue("demo_server")


@pytest.fixture(scope="session")
def site_pages(site_url):
    """{(page type, language): path} of the demo site."""
    from tests.browser.site_pages import pages_by_type

    return pages_by_type(os.environ["BROWSER_SITE_DATABASE"])


@pytest.fixture(scope="module")
def browser():
    """Chromium for one module: playwright's sync API runs an event loop in this thread while it is
    open, and Django refuses database work beside one (the tests after it, in this process)."""
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


def guard_outside_requests(tab, site_url):
    """Record (in `tab.outside_requests`) every request that would leave this machine; the browser's
    proxy setting (CHROMIUM_ARGS) makes each of them fail."""
    tab.outside_requests = []

    def record(request):
        if not request.url.startswith((site_url, "data:", "blob:")):
            tab.outside_requests.append(request.url)

    tab.on("request", record)
    return tab


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab; any request that would leave this machine is blocked and recorded."""
    context = browser.new_context(base_url=site_url, locale="fi-FI")
    tab = guard_outside_requests(context.new_page(), site_url)
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


# Each demo user's admin session (playwright storage state), logged in once per test run.
# The admin login is rate-limited per address (ADMIN_LOGIN_RATE, 10 per 5 minutes) and every
# test runs from 127.0.0.1: tests that act as the same user share its one login.
LOGIN_STATES = {}


def log_in(page, username, password=None):
    """The tab is logged in to the admin as `username` and shows the dashboard.

    The first call for a user logs in through the login form; later ones reuse that
    session's cookie (the language cookie left out: the browser's locale decides).
    """
    state = LOGIN_STATES.get(username)
    if state and password is None:
        page.context.add_cookies([c for c in state["cookies"] if c["name"] != "django_language"])
        page.goto("/admin/")
        if "/admin/login/" not in page.url:
            return
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password or username)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    if password is None:
        LOGIN_STATES[username] = page.context.storage_state()


class RoleTabs:
    """Tabs logged in as demo users, each with its admin in a language; `close()` closes them all.

    The language is set as a user does, in the account settings, the first time in a process;
    later changes go to the user's profile row directly (the account form is slow and
    already shown to work). It stays the user's preference until a later call asks for another.
    """

    def __init__(self, browser, site_url):
        self.browser = browser
        self.site_url = site_url
        self.opened = []

    def open(self, username, language="fi"):
        state = LOGIN_STATES.get(username)
        if state is not None:
            # Only the session cookie: the language comes from the browser (Accept-Language), and
            # the admin's local storage is not needed (restoring it costs a page load per context).
            state = {"cookies": [c for c in state["cookies"] if c["name"] != "django_language"], "origins": []}
        context = self.browser.new_context(
            base_url=self.site_url,
            locale={"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}[language],
            storage_state=state,
            viewport={"width": 1300, "height": 1000},
        )
        tab = guard_outside_requests(context.new_page(), self.site_url)
        self.opened.append(context)
        if state is None:
            log_in(tab, username)
        if ("language", username) in LOGIN_STATES:
            # Set through the account form before (below): later changes go straight to the profile.
            prefer_language(username, language)
        else:
            # The admin's language is the user's preference (unprefixed URLs are Finnish otherwise),
            # set on first use as a user does: an earlier run may have left another one in the database.
            tab.goto("/admin/account/")
            assert tab.locator("#id_locale-preferred_language").count(), f"{username}: no account form at {tab.url}"
            tab.select_option("#id_locale-preferred_language", language)
            for field in ("first_name", "last_name"):  # the demo users have no name; the form asks for one
                name = tab.locator(f"#id_name_email-{field}")
                if name.count() and not name.input_value():
                    name.fill(username.capitalize())
            tab.locator("form[method=post] button.button-longrunning[type=submit]").first.click()
            tab.wait_for_load_state()
            LOGIN_STATES[("language", username)] = language
            # Saving the account settings gives the session a new key: keep the new cookie.
            LOGIN_STATES[username] = context.storage_state()
        return tab

    def close(self):
        for context in self.opened:
            context.close()
        self.opened = []


@pytest.fixture
def as_role(browser, site_url):
    """`as_role("editor", "sv")`: a tab logged in as that demo user, with its admin in that language
    (`RoleTabs`); closed after the test."""
    tabs = RoleTabs(browser, site_url)
    yield tabs.open
    tabs.close()


def prefer_language(username, language):
    """The demo user's admin language, changed in its profile row (once `as_role` has set it through
    the account form, which made the row)."""
    if LOGIN_STATES.get(("language", username)) != language:
        site_execute(
            """UPDATE wagtailusers_userprofile SET preferred_language = ?
               WHERE user_id = (SELECT id FROM auth_user WHERE username = ?)""",
            language, username,
        )
        LOGIN_STATES[("language", username)] = language


def site_execute(sql, *params):
    """A change to the demo site's database (the server's SQLite file), where the admin is not under test."""
    import sqlite3

    connection = sqlite3.connect(os.environ["BROWSER_SITE_DATABASE"], timeout=30)
    try:
        with connection:
            assert connection.execute(sql, params).rowcount == 1, sql
    finally:
        connection.close()


def site_query(sql, *params):
    """Rows from the demo site's database (the server's SQLite file), for what the admin does not show."""
    import sqlite3

    connection = sqlite3.connect(os.environ["BROWSER_SITE_DATABASE"])
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def translate_segment(tab, segment, text):
    """In wagtail-localize's translation editor, translate one string and wait until the server has it.

    The editor marks the string translated as soon as Save is clicked and saves it in the
    background: a publish clicked before that answer publishes the source text in its place.
    """
    segment.get_by_role("button").first.click()  # "Käännä" (Translate)
    segment.locator("textarea").fill(text)
    with tab.expect_response(lambda response: "/strings/" in response.url and response.request.method != "GET") as saved:
        segment.get_by_role("button").last.click()  # "Tallenna" (Save)
    assert saved.value.ok, f"the translation was not saved: {saved.value.status}"
    tab.locator("li.complete", has_text=text).wait_for()
