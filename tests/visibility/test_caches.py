"""Caches never outlive a visibility change, and draft work never empties them (cms/page_cache.py)."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from blog import moderation
from blog.models import BlogIndexPage, BlogPage
from cms import page_cache, visibility
from cms.models import MainMenu, MenuItem, SiteSettings
from home.models import StandardPage
from tests.factories import UserFactory

from .world import create_page, post_comment, publish_edit

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def editor(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def page(home, editor):
    return create_page(home, StandardPage(title="Ajankohtainen sivu", slug="sivu", lead="Julkinen teksti."), editor)


def cached(client, url):
    """GET twice; whether the second answer came from the page cache."""
    client.get(url)
    return client.get(url).get("X-Page-Cache") == "hit"


def test_draft_saves_leave_the_cache_alone(client, page, editor):
    assert cached(client, "/")
    draft = page.get_latest_revision_as_object()
    draft.title = "Luonnos"
    draft.save_revision(user=editor)  # the admin's "Save draft" and its autosave
    draft.save_revision(user=editor, changed=False)
    create_page(page.get_parent(), StandardPage(title="Uusi luonnos", slug="uusi"), editor, publish=False)
    assert client.get("/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "change",
    [
        "publish", "unpublish", "password", "login", "restriction_removed", "move", "delete", "scheduled_expiry",
        "menu_published", "settings_saved",
    ],
)
def test_every_change_of_what_visitors_see_empties_the_cache(client, home, page, editor, change):
    other = create_page(home, StandardPage(title="Toinen", slug="toinen"), editor)
    restriction = None
    if change == "restriction_removed":
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert cached(client, "/")
    assert cached(client, "/sivu/") == (restriction is None)  # a restricted page is never cached
    if change == "publish":
        publish_edit(page, editor, title="Päivitetty otsikko", slug="sivu-2")
    elif change == "unpublish":
        Page.objects.get(pk=page.pk).unpublish(user=editor)
    elif change in ("password", "login"):
        PageViewRestriction.objects.create(page=page, restriction_type=change, password="x" if change == "password" else "")
    elif change == "restriction_removed":
        restriction.delete()
    elif change == "move":
        Page.objects.get(pk=page.pk).move(other, pos="last-child", user=editor)
    elif change == "delete":
        Page.objects.get(pk=page.pk).delete()
    elif change == "menu_published":
        menu = MainMenu(name="Valikko", locale=page.locale, live=False)  # the admin's "Save draft"
        menu.items = [MenuItem(page=page, locale=page.locale)]
        menu.save()
        menu.save_revision(user=editor)
        assert client.get("/")["X-Page-Cache"] == "hit"  # a new draft menu changes nothing
        menu.save_revision(user=editor).publish(user=editor)
        assert "Ajankohtainen sivu" in client.get("/").content.decode()  # in the menu now
        return
    elif change == "settings_saved":
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.accessibility_statement_page = page
        settings.save()
        assert 'href="/sivu/"' in client.get("/").content.decode()  # linked from the footer now
        return
    elif change == "scheduled_expiry":
        publish_edit(page, editor, expire_at=timezone.now() + datetime.timedelta(days=1))
        assert cached(client, "/sivu/")
        with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
            call_command("publish_scheduled", verbosity=0)
            assert client.get("/sivu/").status_code == 404
        return
    response = client.get("/")
    assert response.get("X-Page-Cache") != "hit"
    shown = "Ajankohtainen sivu" in client.get("/sivu/").content.decode()
    assert shown == (change == "restriction_removed")


def restricted_page_ids():
    """In a new request: the ids of the pages view restrictions hide, and the queries it took to know."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms import request_cache

    # What a request's start does (not `request_started` itself: it would close the test's connection).
    request_cache.clear()
    page_cache.forget_generation()
    with CaptureQueriesContext(connection) as queries:
        pages = {restriction.page_id for restriction in request_cache.view_restrictions()}
    return pages, len(queries)


@pytest.mark.parametrize("change", ["added", "moved", "removed"])
def test_view_restrictions_kept_in_the_shared_cache_follow_every_change(home, page, editor, change):
    """Every public query reads the restrictions from the shared cache (cms/request_cache.py): an
    administrator's change is seen by the next request."""
    other = create_page(home, StandardPage(title="Toinen", slug="toinen"), editor)
    restriction = None
    if change != "added":
        restriction = PageViewRestriction.objects.create(
            page=page if change == "removed" else other, restriction_type=PageViewRestriction.LOGIN
        )
    before = restricted_page_ids()[0]
    assert restricted_page_ids() == (before, 0)  # kept: the next request reads no restriction
    if change == "added":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    elif change == "moved":
        restriction.page = page
        restriction.save()
    else:
        restriction.delete()
    after, _queries = restricted_page_ids()
    assert (page.pk in before, page.pk in after) == ((True, False) if change == "removed" else (False, True))
    from cms.visibility import visible_pages

    assert visible_pages(StandardPage.objects.filter(pk=page.pk)).exists() == (change == "removed")


def test_scheduled_go_live_empties_the_cache_and_shows_the_page_and_its_aliases(client, home, editor, locales):
    """At go_live_at, `publish_scheduled` (run from cron) publishes the page; every language shows it."""
    assert cached(client, "/") and cached(client, "/en/")
    page = create_page(home, StandardPage(title="Ajastettu", slug="ajastettu"), editor, publish=False)
    page = publish_edit(page, editor, go_live_at=timezone.now() + datetime.timedelta(days=30))
    alias = page.get_translation(locales["en"])
    assert client.get("/ajastettu/").status_code == 404
    assert client.get(alias.url).status_code == 404  # Wagtail made the alias live: the rule did not
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        call_command("publish_scheduled", verbosity=0)
        assert "Ajastettu" in client.get("/ajastettu/").content.decode()
        assert "Ajastettu" in client.get(alias.url).content.decode()
        assert "/ajastettu/" in client.get("/sitemap.xml").content.decode()


def test_cached_pages_end_at_the_next_scheduled_change(client, page, editor):
    publish_edit(page, editor, expire_at=timezone.now() + datetime.timedelta(seconds=120))
    response = client.get("/")
    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < max_age <= 120
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=121)):
        response = client.get("/")
        assert response.get("X-Page-Cache") != "hit"
        assert "Ajankohtainen sivu" not in response.content.decode()


def test_new_held_comments_leave_the_cache_and_approval_empties_it(client, home, editor):
    index = create_page(home, BlogIndexPage(title="Blogi", slug="blogi"), editor)
    post = create_page(index, BlogPage(title="Kirjoitus", slug="kirjoitus"), editor)
    assert cached(client, index.url)
    comment = post_comment(post, "Odottava kommentti", "10.2.0.1")
    assert client.get(index.url)["X-Page-Cache"] == "hit"
    generation = page_cache.generation()
    moderation.approve([comment.pk])
    assert page_cache.generation() > generation


def test_per_process_cache_is_not_used_when_several_processes_serve(client, page, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SERVES_FROM_ONE_PROCESS = False  # production with local memory, under gunicorn
    client.get("/sivu/")
    response = client.get("/sivu/")
    assert "X-Page-Cache" not in response
    assert "s-maxage" not in response.get("Cache-Control", "")


def deploy_check(**env):
    clean = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
    clean.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="kotoutuminen.example",
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=PROJECT, env=clean, capture_output=True, text=True
    )


def test_production_with_a_per_process_cache_fails_the_deploy_check():
    result = deploy_check()
    assert result.returncode != 0
    assert "cms.E001" in result.stderr and "REDIS_URL" in result.stderr


def test_production_with_redis_passes_the_cache_check():
    result = deploy_check(REDIS_URL="redis://127.0.0.1:6379/3")
    assert "cms.E001" not in result.stdout + result.stderr


@pytest.mark.parametrize("listed_at_most", [visibility.HIDDEN_IDS_AT_MOST, 0])
def test_the_kept_list_of_hidden_pages_follows_the_clock_and_every_change(page, editor, monkeypatch, listed_at_most):
    """`visible_pages` keeps the few hidden live pages as ids in the shared cache (over the limit it
    asks a subquery): a date passing changes its answer with no publish, a restriction at once."""
    monkeypatch.setattr(visibility, "HIDDEN_IDS_AT_MOST", listed_at_most)
    home = page.get_parent()
    source = create_page(home, StandardPage(title="Lähde", slug="lahde"), editor)
    alias = source.create_alias(parent=home, update_slug="lahteen-alias", user=editor)
    publish_edit(page, editor, expire_at=timezone.now() + datetime.timedelta(seconds=120))

    def visible():
        return set(visibility.visible_pages().values_list("id", flat=True))

    assert {page.pk, source.pk, alias.pk} <= visible()
    generation = page_cache.generation()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=121)):
        assert page.pk not in visible() and alias.pk in visible()
        assert page_cache.generation() == generation  # the clock, not a publish, changed the answer
    # A restriction on the source hides its alias elsewhere in the tree at once.
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert not {source.pk, alias.pk} & visible()
