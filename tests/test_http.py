"""Response headers, the anonymous page cache and admin login throttling."""

import time
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.client import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from cms.page_cache import serve_from_cache
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_public_page_security_headers(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-src https://www.youtube-nocookie.com" in csp
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert response["Permissions-Policy"].startswith("camera=()")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_admin_is_outside_the_policy_and_cannot_be_framed(admin_client):
    """The Wagtail admin runs inline scripts: no CSP there, but no other site may frame it."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script_or_style(client, home):
    document = BeautifulSoup(client.get("/").content, "html.parser")
    # Only data blocks (schema.org JSON-LD) may be inline: browsers never run them.
    inline = [script for script in document.find_all("script") if not script.get("src")]
    assert inline and all(script["type"] == "application/ld+json" for script in inline)
    assert not document.find_all("style")
    assert not document.select("[style]")
    assert not any(attr.startswith("on") for tag in document.find_all(True) for attr in tag.attrs)


def test_anonymous_page_is_cached_until_a_publish(client, home):
    page = StandardPageFactory(parent=home, title="Alkuperäinen", slug="sivu")
    first = client.get("/sivu/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "s-maxage" in first["Cache-Control"]
    second = client.get("/sivu/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content

    page.title = "Päivitetty"
    page.save_revision().publish()
    third = client.get("/sivu/")
    assert third["X-Page-Cache"] == "miss"
    assert "Päivitetty" in third.content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "move"])
def test_unpublish_delete_and_move_empty_the_cache(client, home, change):
    page = StandardPageFactory(parent=home, title="Sivu", slug="sivu")
    other = StandardPageFactory(parent=home, title="Toinen", slug="toinen")
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    if change == "unpublish":
        page.unpublish()
    elif change == "delete":
        page.delete()
    else:
        page.move(other, pos="last-child")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_logged_in_users_never_get_a_cached_page(client, home):
    StandardPageFactory(parent=home, title="Sivu", slug="sivu")
    client.get("/sivu/")
    assert client.get("/sivu/")["X-Page-Cache"] == "hit"
    client.force_login(UserFactory())
    response = client.get("/sivu/")
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_admin_is_never_cached(client, home):
    client.get("/admin/login/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_admin_login_is_rate_limited(client, home, settings):
    settings.ADMIN_LOGIN_RATE = "3/5m"
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "someone", "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/admin/login/", {"username": "someone", "password": "wrong"})
    assert response.status_code == 429
    with translation.override("fi"):  # the admin speaks the site's default language
        expected = gettext("Too many login attempts from your address. Wait a few minutes and try again.")
    assert expected in response.content.decode()


def test_a_new_view_restriction_applies_at_once(client, home):
    """Listings read view restrictions once per request; a new one must not be missed."""
    from wagtail.models import Page, PageViewRestriction

    page = StandardPageFactory(parent=home, title="Sisäinen", slug="sisainen")
    assert Page.objects.live().public().filter(pk=page.pk).exists()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert not Page.objects.live().public().filter(pk=page.pk).exists()


def wsgi_get(application, path, **environ):
    """A GET through a WSGI application: (status line, headers dict, body)."""
    request_environ = {**RequestFactory().get(path).environ, **environ, "wsgi.input": BytesIO(b"")}
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(application(request_environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests through Django's WSGI handler close the database connection when they end (as
    in production); the test's transaction lives on it. Django's test client does the same."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


class CountingApplication:
    """Django's own WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


def test_a_cached_page_is_answered_before_django_runs_with_every_header(home):
    StandardPageFactory(parent=home, title="Sivu", slug="sivu")
    django = CountingApplication()
    application = serve_from_cache(django)
    status, first_headers, first_body = wsgi_get(application, "/sivu/")
    assert status.startswith("200") and first_headers["X-Page-Cache"] == "miss"
    status, headers, body = wsgi_get(application, "/sivu/")
    assert django.calls == 1  # the second answer never reached Django
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit" and body == first_body
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Content-Type", "Cache-Control"):
        assert headers[name] == first_headers[name]
    assert headers["X-Request-ID"] != first_headers["X-Request-ID"]  # each request its own id


@pytest.mark.parametrize(
    "different",
    [
        {"HTTP_HOST": "other.example"},
        {"wsgi.url_scheme": "https"},
        {"HTTP_X_FORWARDED_PROTO": "https"},
        {"QUERY_STRING": "a=1"},
        {"REQUEST_METHOD": "HEAD"},
        {"HTTP_COOKIE": "sessionid=abc"},
    ],
)
def test_a_request_that_differs_is_never_given_the_stored_copy(home, settings, different):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    StandardPageFactory(parent=home, title="Sivu", slug="sivu")
    django = CountingApplication()
    application = serve_from_cache(django)
    wsgi_get(application, "/sivu/")
    assert wsgi_get(application, "/sivu/")[1]["X-Page-Cache"] == "hit"
    status, headers, _ = wsgi_get(application, "/sivu/", **different)
    assert headers.get("X-Page-Cache") != "hit"
    assert django.calls == 2


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="copies in the process are kept only beside a shared cache")
def test_a_process_copy_of_a_hit_is_served_only_while_its_generation_is_current(home, django_capture_on_commit_callbacks):
    """The process serves its copy of a hit after reading only the generation; a change made by any
    process (here: the generation bumped in Redis directly, as another worker's publish does) ends
    it at once, and the next answer is the page as it is now."""
    from django.core.cache import cache

    from cms import page_cache

    page = StandardPageFactory(parent=home, title="Vanha otsikko", slug="sivu")
    django = CountingApplication()
    application = serve_from_cache(django)
    wsgi_get(application, "/sivu/")
    status, headers, body = wsgi_get(application, "/sivu/")
    assert headers["X-Page-Cache"] == "hit" and "Vanha otsikko" in body.decode()
    key = page_cache.key_for(RequestFactory().get("/sivu/").environ)
    assert page_cache._hit_copies.get(key) is not None
    cache.delete(key)  # evicted from Redis: the copy is still this generation's page
    assert wsgi_get(application, "/sivu/")[1]["X-Page-Cache"] == "hit" and django.calls == 1
    # A copy that has ended gives way to the shared entry (stored again meanwhile, e.g. by
    # another worker after a scheduled change), which is served and kept in its place.
    ended = page_cache._hit_copies.get(key)
    page_cache._hit_copies.put(key, (ended[0], time.time() - 1, *ended[2:]))
    cache.set(key, ended, 60)
    assert wsgi_get(application, "/sivu/")[1]["X-Page-Cache"] == "hit" and django.calls == 1
    assert page_cache._hit_copies.get(key)[1] == ended[1]

    cache.incr(page_cache.GENERATION_KEY)  # another worker's change, unknown to this process
    assert wsgi_get(application, "/sivu/")[1]["X-Page-Cache"] == "miss" and django.calls == 2

    page.title = "Uusi otsikko"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    status, headers, body = wsgi_get(application, "/sivu/")
    assert headers["X-Page-Cache"] == "miss" and "Uusi otsikko" in body.decode() and "Vanha" not in body.decode()
    status, headers, body = wsgi_get(application, "/sivu/")
    assert headers["X-Page-Cache"] == "hit" and "Uusi otsikko" in body.decode()
    assert django.calls == 3


def test_a_refused_host_is_never_stored(home):
    django = CountingApplication()
    application = serve_from_cache(django)
    for _ in range(2):
        status, headers, _ = wsgi_get(application, "/", HTTP_HOST="evil.example")
        assert status.startswith("400") and "X-Page-Cache" not in headers
    assert django.calls == 2


def test_downstream_caches_keep_a_page_only_briefly(client, home, settings):
    """A CDN is not told about a publish: it may keep a page FRONTEND_CACHE_SECONDS, never the 10 minutes we keep it."""
    settings.FRONTEND_CACHE_SECONDS = 30
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    directives = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    assert directives["s-maxage"] == "30" and directives["max-age"] == "0"


def test_searches_answered_from_the_cache_still_count_for_promotions(client, home):
    from wagtail.contrib.search_promotions.models import Query

    first = client.get("/search/", {"q": "tulkkaus"})
    second = client.get("/search/", {"q": "tulkkaus"})
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert Query.get("tulkkaus").hits == 2


def test_favicon_and_touch_icons_exist_and_are_linked(client, home):
    """/favicon.ico was a 404 on every page; the head links an icon file that exists, of each kind."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    def exists(url):
        return finders.find(url.removeprefix(settings.STATIC_URL)) is not None

    response = client.get("/favicon.ico")
    assert response.status_code == 302 and exists(response["Location"])
    links = BeautifulSoup(client.get("/").content, "html.parser").head.select("link[rel=icon], link[rel=apple-touch-icon]")
    assert {link["rel"][0] for link in links} == {"icon", "apple-touch-icon"}
    assert all(exists(link["href"]) for link in links)


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="the fast read is django-redis's (REDIS_URL)")
def test_the_fast_read_of_a_hit_answers_as_the_cache_does_and_survives_a_lost_connection():
    from django.core.cache import cache

    from cms import page_cache

    cache.set_many({"page-cache:test:a": 5, "page-cache:test:b": ("entry", b"\xff" * 20000)})
    keys = ["page-cache:test:a", "page-cache:test:b", "page-cache:test:missing"]
    assert page_cache._read_many(keys) == cache.get_many(keys) == {
        "page-cache:test:a": 5, "page-cache:test:b": ("entry", b"\xff" * 20000)}
    # Redis drops the kept connection (a restart, a timeout): the read still answers, then
    # opens a new connection for the next one.
    kept = page_cache._connection.value
    kept.send_command("CLIENT", "ID")
    assert cache.client.get_client().client_kill_filter(_id=kept.read_response()) == 1
    assert page_cache._read_many(keys) == cache.get_many(keys)
    assert page_cache._read_many(keys) == cache.get_many(keys)
    assert page_cache._connection.value is not kept
    cache.delete_many(keys)


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="copies in the process are kept only beside a shared cache")
def test_copies_kept_in_the_process_end_with_their_entry_and_a_flushed_cache_starts_a_new_generation():
    import datetime

    import time_machine
    from django.core.cache import cache
    from django.utils import timezone

    from cms import page_cache

    key = f"test-entry:{page_cache.generation()}:x"
    page_cache.keep(key, "kept", 60)
    cache.delete(page_cache.KEPT_PREFIX + key)  # evicted from Redis: the generation still says it is current
    assert page_cache.kept(key) == "kept"
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        assert page_cache.kept(key) is None  # not past its end
    # Redis emptied (a restart): the generations do not start again from a number some
    # process still holds copies for.
    before = page_cache.generation()
    cache.clear()
    page_cache.forget_generation()
    assert page_cache.generation() != before
    assert page_cache.kept(f"test-entry:{page_cache.generation()}:x") is None
