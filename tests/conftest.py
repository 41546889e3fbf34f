import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site

from cms.sqlite_copy import copy_database


@receiver(setting_changed)
def reset_comments_xtd_settings(setting, **kwargs):
    """django-comments-xtd caches its settings on first use; make override_settings reach it."""
    if setting.startswith("COMMENTS_XTD_"):
        from django.utils.functional import empty
        from django_comments_xtd import conf

        conf.settings._wrapped = empty


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


def build_home_tree():
    """A Finnish home page as the default site's root, with live Swedish and English translations.

    Outside a transaction (session set-up) wagtail-localize publishes the translations at
    once; inside one, run it under `django_capture_on_commit_callbacks(execute=True)`.
    """
    from tests.factories import HomePageFactory, translate_page

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Etusivu", slug="etusivu", hero_heading="Tervetuloa")
    make_site_root(home)
    for language, title in (("sv", "Startsida"), ("en", "Home")):
        translate_page(home, language, {"title": title, "hero_heading": title})
    return home


def make_site_root(home):
    """The default site serves `home`; Wagtail's placeholder page from its migrations goes."""
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page").delete()


def existing_home():
    """The session's home page, if the database has it, as the default site's root.

    A test with `serialized_rollback` reloads the rows the migrations made (Wagtail's placeholder
    page as the site root) beside the session's tree: the site is pointed back at the tree.
    """
    from home.models import HomePage

    home = HomePage.objects.filter(depth=2, slug="etusivu", locale=Locale.get_default()).first()
    if home is not None and not Site.objects.filter(is_default_site=True, root_page=home).exists():
        make_site_root(home)
    return home


def migrated_copy():
    """This run's demo build (tests/demo_site.py), whose migrated database an SQLite test database
    can start from; None when the tests run on another database or without the demo site."""
    from django.db import connection

    return DEMO_BUILD.get("build") if connection.vendor == "sqlite" else None


def copy_of_the_migrated_database(target):
    """The run's migrated SQLite database copied to `target` (for a server of a test's own, on any
    database); False when this run has no demo build, and the caller migrates its own."""
    build = DEMO_BUILD.get("build")
    if build is None:
        return False
    copy_database(build.migrated_database(), target)
    return True


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """pytest-django's, and with a migrated copy to start from, Django's `TEST: {"MIGRATE": False}`:
    the test database gets its tables from the models (seconds, not the half minute of ~250
    migrations), then `django_db_setup` replaces its content with the migrated copy."""
    from django.conf import settings

    if migrated_copy() is not None:
        settings.DATABASES["default"]["TEST"]["MIGRATE"] = False


def restore_migrated_copy(build):
    """The migrated database into the test database (SQLite's backup API), and Django's view of it
    renewed: the content types' cache and the copy that `serialized_rollback` restores."""
    import sqlite3

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    connection.ensure_connection()
    source = sqlite3.connect(build.migrated_database())
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.settings_dict["TEST"]["MIGRATE"] = True
    ContentType.objects.clear_cache()
    connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the home tree built once, not per test: translating a page through
    wagtail-localize is most of a small test's set-up. Each test's changes are rolled back."""
    with django_db_blocker.unblock():
        build = migrated_copy()
        if build is not None:
            restore_migrated_copy(build)
        if existing_home() is None:  # --reuse-db keeps it
            build_home_tree()


@contextlib.contextmanager
def built_once(django_db_blocker, build):
    """What `build()` makes, for a module-scoped fixture: built in a transaction that lasts the
    module (each test's own is nested in it) and is rolled back after it. On-commit callbacks
    (publishing, search indexing) run at once."""
    from django.db import transaction
    from django.test import TestCase

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                built = build()
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def home(db, django_capture_on_commit_callbacks):
    """The Finnish home page (default site root) with live Swedish and English translations."""
    found = existing_home()
    if found is not None:
        return found
    # A transactional test flushed the database: build the tree again for this test.
    with django_capture_on_commit_callbacks(execute=True):
        return build_home_tree()


@pytest.fixture
def translator(db):
    """A user in the Translators group only."""
    from django.contrib.auth.models import Group

    from cms.permissions import TRANSLATORS
    from tests.factories import UserFactory

    user = UserFactory(username="kaantaja")
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    return user


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths, we cache sites and locales: a rolled-back test must not
    leave them to the next one."""
    from django.core.cache import cache

    from cms import page_cache, request_cache

    def forget():
        cache.clear()
        request_cache.clear()
        page_cache.forget_generation()
        page_cache.forget_local()

    forget()
    yield
    forget()


DEMO_BUILD = {}


def pytest_configure(config):
    """The run's folder for the demo site, made before pytest-xdist starts its workers, which inherit it."""
    if not hasattr(config, "workerinput"):
        os.environ["TESTS_DEMO_FOLDER"] = tempfile.mkdtemp(prefix="kotoutuminen-demo-")


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        shutil.rmtree(os.environ.pop("TESTS_DEMO_FOLDER", ""), ignore_errors=True)


def start_demo_build():
    if "build" not in DEMO_BUILD:
        from tests.demo_site import DemoBuild

        DEMO_BUILD["build"] = DemoBuild(os.environ["TESTS_DEMO_FOLDER"])
    return DEMO_BUILD["build"]


# The longest group of tests (one module-scoped site, ~4 minutes of requests) runs first: one
# pytest-xdist process takes it while the other runs the short tests and the demo site is built.
# Run last, it left one process idle for its last minutes (a timeline of a whole run showed it).
RUN_FIRST = "tests/test_malformed_input.py::"


def pytest_itemcollected(item):
    """A test that uses a module-scoped fixture runs in the process that runs the rest of its module
    (pytest-xdist's `--dist loadgroup`; other tests go where a process is free): the fixture is
    built once per run, not once per process."""
    fixtures = getattr(item, "_fixtureinfo", None)
    if fixtures is not None and any(
        definitions[-1].scope == "module" for definitions in fixtures.name2fixturedefs.values()
    ):
        item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Skip engine tests without an engine; schedule the demo-site tests and start the demo build now.

    Tests marked `search_engine` need a real engine: they are skipped, saying so, when none is
    configured. The module RUN_FIRST runs first; tests that need the demo site run after the
    tests named before that module; the demo build runs beside the other tests (under
    pytest-xdist, in one process for all of them).
    """
    from django.conf import settings

    if not getattr(settings, "SEARCH_ENGINE_BACKEND", None):
        skip = pytest.mark.skip(reason="needs a search engine: set OPENSEARCH_URL (`make services` starts one and prints it)")
        for item in items:
            if item.get_closest_marker("search_engine"):
                item.add_marker(skip)
    first = [item for item in items if item.nodeid.startswith(RUN_FIRST)]
    needs_demo = [item for item in items
                  if "demo_site" in getattr(item, "fixturenames", ()) or getattr(item, "needs_demo_site", False)]
    # Then the tests that need no database: the others wait for the migrated copy they start from.
    free = [item for item in items if item not in {*first, *needs_demo} and not needs_database(item)]
    others = [item for item in items if item not in {*first, *needs_demo, *free}]
    # The demo-site tests in the middle: by then the demo is built. (pytest-django has put the
    # database tests first and the transactional ones after them: that order is kept.)
    at = next((index for index, item in enumerate(others) if item.nodeid > RUN_FIRST), len(others))
    items[:] = first + free + others[:at] + needs_demo + others[at:]
    if needs_demo:
        start_demo_build()


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def needs_database(item):
    return item.get_closest_marker("django_db") is not None or bool(DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_sessionfinish(session, exitstatus):
    build = DEMO_BUILD.pop("build", None)
    if build is not None:
        build.finish(interrupted=exitstatus == pytest.ExitCode.INTERRUPTED)


@pytest.fixture(scope="session")
def demo_site():
    """The demo site of this run (tests/demo_site.py); do not write to it: copy it.

    Its build starts at collection for tests that name this fixture; tests that reach it
    only through `request.getfixturevalue` (the browser tests' `site_url`) start it here.
    """
    return start_demo_build().wait()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_server(demo_site, tmp_path_factory):
    """`manage.py runserver` on a copy of the demo site, as `make run` serves it; its URL."""
    from tests.demo_site import MANAGE, PROJECT

    site = demo_site.copy(tmp_path_factory.mktemp("server"))
    port = free_port()
    server_log = open(site.folder / "server.log", "w")
    server = subprocess.Popen(
        MANAGE + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=PROJECT,
        env=site.env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    os.environ["BROWSER_SITE_DATABASE"] = str(site.database)
    started = time.monotonic()
    while True:  # a minute at most: a busy machine (the other pytest processes) starts it slowly
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=5)  # noqa: S310 - our own server
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"the server stopped: see {site.folder / 'server.log'}")
            if time.monotonic() - started > 60:
                pytest.fail(f"the server did not answer in a minute: see {site.folder / 'server.log'}")
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
