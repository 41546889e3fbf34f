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
    """Abort and record (in `tab.outside_requests`) every request that would leave this machine."""
    tab.outside_requests = []

    def guard(route):
        url = route.request.url
        if url.startswith(site_url) or url.startswith("data:"):
            route.continue_()
        else:
            tab.outside_requests.append(url)
            route.abort()

    tab.route("**/*", guard)
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


@pytest.fixture(scope="session")
def login_states():
    """LOGIN_STATES, shared by `log_in` and `as_role`."""
    return LOGIN_STATES


@pytest.fixture
def as_role(browser, site_url, login_states):
    """`as_role("editor", "sv")`: a tab logged in as that demo user, with its admin in that language.

    The language is set as a user does, in the account settings, the first time in a process;
    later changes go to the user's profile row directly (the account form is slow and
    already shown to work). It stays the user's preference until a later call asks for another.
    """
    opened = []

    def open_tab(username, language="fi"):
        if username not in login_states:
            context = browser.new_context(base_url=site_url, locale="fi-FI")
            log_in(context.new_page(), username)
            context.close()
        state = login_states[username]
        # The language comes from the browser (Accept-Language), not a cookie of the login.
        state = {**state, "cookies": [c for c in state["cookies"] if c["name"] != "django_language"]}
        context = browser.new_context(
            base_url=site_url,
            locale={"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}[language],
            storage_state=state,
            viewport={"width": 1300, "height": 1000},
        )
        tab = guard_outside_requests(context.new_page(), site_url)
        opened.append(context)
        if ("language", username) in login_states and login_states[("language", username)] != language:
            # Set through the account form before (below): later changes go straight to the profile.
            site_execute(
                """UPDATE wagtailusers_userprofile SET preferred_language = ?
                   WHERE user_id = (SELECT id FROM auth_user WHERE username = ?)""",
                language, username,
            )
            login_states[("language", username)] = language
        elif login_states.get(("language", username)) != language:
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
            login_states[("language", username)] = language
            # Saving the account settings gives the session a new key: keep the new cookie.
            login_states[username] = context.storage_state()
        return tab

    yield open_tab
    for context in opened:
        context.close()


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
