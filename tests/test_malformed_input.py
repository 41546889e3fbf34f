"""No malformed input gives a 5xx: every public GET parameter, form field, header and odd body.

The corpus (`tests/malformed_corpus.py`, over 300 values: control characters, overlong
text, numbers beyond 64 bits, invalid UTF-8, repeated keys, arrays, every script) goes
to each public parameter and form field through Django's test client: whole to free text,
with fewer letters of other scripts and control characters (LOOKUP_CORPUS) to a value
that is looked up among known ones. A 4xx or a form
error is fine; a response >= 500 or an exception is a failure, listed with the value.

To stay within a few minutes, a request carries the value in *every* parameter of its
page at once where the code reads them independently: each listing filter parses its
own parameter and ignores what it cannot use, and a Django form cleans every field on
its own. Where one check stops the request before the others (the comment form's
security fields), each field gets its own request. The site is built once for the
module and rolled back at its end.
"""

import datetime
import time

import pytest
from django.db import transaction
from django.test import Client, TestCase
from django.utils import timezone

from blog import moderation
from practices.intake import ensure_panel_workflow
from tests.blog.conftest import comment_form_fields
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, PersonFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, in_days
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.materials import (
    MaterialIndexPageFactory,
    MaterialPageFactory,
    MaterialSeriesFactory,
    MaterialThemeFactory,
)
from tests.factories.practices import (
    PracticeCallPageFactory,
    PracticeIndexPageFactory,
    PracticeModelPageFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from tests.malformed_corpus import CORPUS, LOOKUP_CORPUS, LOOKUP_KEPT, THINNED
from tests.practices.test_review import submission_data

FORM = "application/x-www-form-urlencoded"


def test_the_corpus_is_large_and_varied():
    assert len(CORPUS) >= 250
    assert len({value.template for value in CORPUS}) == len(CORPUS)


def test_the_lookup_corpus_thins_only_letters_and_control_characters():
    assert {value.label for value in LOOKUP_CORPUS if value in THINNED} == LOOKUP_KEPT  # each name is in the corpus
    assert [value for value in CORPUS if value not in THINNED] == [value for value in LOOKUP_CORPUS if value not in THINNED]
    assert len(LOOKUP_CORPUS) >= 200


def build_site():
    from tests.conftest import build_home_tree, existing_home

    home = existing_home() or build_home_tree()  # the session's home tree (tests/conftest.py)

    practices = PracticeIndexPageFactory(parent=home)
    ensure_panel_workflow(practices)
    theme, group = ThemeFactory(slug="mentorointi"), TargetGroupFactory(slug="nuoret")
    for number in range(3):
        practice = PracticeModelPageFactory(parent=practices, slug=f"malli-{number}", themes=[theme])
        practice.target_groups.set([group])
    call = PracticeCallPageFactory(parent=practices, slug="haku")

    materials = MaterialIndexPageFactory(parent=home, slug="materiaalit")
    material_theme, series = MaterialThemeFactory(slug="arki"), MaterialSeriesFactory(slug="ymmarra-suomea")
    for _number in range(2):
        MaterialPageFactory(parent=materials, languages=("fi", "ar", "so"), themes=[material_theme], series=series)

    blog = BlogIndexPageFactory(parent=home, slug="blogi")
    post = BlogPageFactory(parent=blog, slug="kirjoitus", authors=[PersonFactory()])
    post.tags.add("kotoutuminen")
    post.save()
    BlogPageFactory(parent=blog, slug="uutinen", kind="news", date=timezone.localdate() - datetime.timedelta(days=3))

    events = EventIndexPageFactory(parent=home, slug="tapahtumat")
    EventPageFactory(parent=events, slug="tuleva", themes=[theme])
    EventPageFactory(parent=events, slug="mennyt", starts_at=in_days(-3), themes=[theme])

    project = ProjectPageFactory(parent=home, slug="hanke")
    for number in range(3):
        PilotReportPageFactory(parent=project, slug=f"pilotti-{number}")
    return {"home": home, "practices": practices, "call": call, "materials": materials, "blog": blog,
            "post": post, "project": project, "events": events}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The site, built once for the module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        with TestCase.captureOnCommitCallbacks(execute=True):
            pages = build_site()
        client = Client()
        fields = comment_form_fields(client.get(pages["post"].url))
        from tests.blog.conftest import post_comment

        post_comment(client, pages["post"], comment="Hyväksytty kommentti")
        moderation.approve(list(moderation.held_comments().values_list("pk", flat=True)))
        pages["comment_fields"] = fields
    yield pages
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def no_template_records(monkeypatch):
    """Django's test client copies the context of every template a response renders (for
    `response.context`, which these tests never read): a fifth of a listing request's time."""
    monkeypatch.setattr("django.test.client.store_rendered_templates", lambda *args, **kwargs: None)


@pytest.fixture
def no_rate_limits(settings):
    """The corpus must reach the code behind the limits, not stop at a 429."""
    settings.RATELIMIT_ENABLE = False


def check(failures, label, send):
    """Send one request; note a response >= 500 or an exception under `label`."""
    try:
        response = send()
    except Exception as error:  # noqa: BLE001 - any exception is what we are looking for
        failures.append(f"{label}: {type(error).__name__}: {error}"[:300])
        return
    if response.status_code >= 500:
        failures.append(f"{label}: {response.status_code}")


def run_corpus(send, name_groups, corpus=CORPUS):
    """send(names, value) -> response for every value of `corpus` and group of names; the failures as text.

    LOOKUP_CORPUS (tests/malformed_corpus.py) for names whose values are looked up among known ones.
    """
    failures = []
    started = time.monotonic()
    for names in name_groups:
        for value in corpus:
            check(failures, f"{'+'.join(names)} = {value.label}", lambda: send(names, value))  # noqa: B023
    print(f"{len(name_groups) * len(corpus)} requests in {time.monotonic() - started:.1f} s")
    return failures


def fragments(value, names):
    return "&".join(value.fragment(name) for name in names)


def assert_no_failures(failures):
    assert not failures, f"{len(failures)} responses >= 500 or exceptions:\n" + "\n".join(failures[:60])


GET_PARAMETERS = {
    "practice index": ("practices", "", ["theme", "target_group", "region", "stage", "recommended", "adopted", "page"]),
    "material index": ("materials", "", ["language", "type", "theme", "series", "page"]),
    "blog index": ("blog", "", ["kind", "tag", "author", "page"]),
    "blog RSS feed": ("blog", "feed/rss/", ["page", "tag"]),
    "blog Atom feed": ("blog", "feed/atom/", ["page", "kind"]),
    "pilot listing": ("project", "", ["round", "theme", "region", "page"]),
    "event index": ("events", "", ["when", "theme", "page"]),
    "event calendar": ("events", "kalenteri/", ["when", "theme", "page"]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("surface", GET_PARAMETERS)
def test_listing_parameters(site, surface):
    page_key, suffix, names = GET_PARAMETERS[surface]
    url = site[page_key].url + suffix
    client = Client()
    assert_no_failures(
        run_corpus(lambda names, value: client.get(f"{url}?{fragments(value, names)}"), [names], LOOKUP_CORPUS)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language_prefix", ["", "/en"])
def test_search_parameters(site, language_prefix):
    client = Client()

    def send(names, value):
        # `type` and `page` also with a real query, so that the facets and pagination run.
        base = "" if "q" in names else "q=kotoutuminen&"
        return client.get(f"{language_prefix}/search/?{base}{fragments(value, names)}")

    failures = run_corpus(send, [["q", "type", "page"]])
    if not language_prefix:
        failures += run_corpus(send, [["type", "page"]], LOOKUP_CORPUS)
    assert_no_failures(failures)


def open_data_groups(site):
    """(label, address, groups of parameter names sent together) of the open data API, /api/v2/ (issue 20).

    Every endpoint reads its parameters with the same code (`opendata.params`, `opendata.views`):
    each kind of parameter is sent alone once (a filter for all filters, `limit` for both numbers),
    and every endpoint gets its own filters together.
    """
    from opendata.urls import ENDPOINTS

    practice_id = site["practices"].get_children().first().pk
    groups = [
        ("index", "/api/v2/", [["format"]]),
        ("openapi", "/api/v2/openapi.json", [["x"]]),
        ("practices detail", f"/api/v2/practices/{practice_id}/", [["fields"]]),
        ("practices find", "/api/v2/practices/find/", [["id"], ["html_path"]]),
    ]
    for endpoint in ENDPOINTS:
        filters = [flt.name for flt in endpoint.filters]
        if endpoint.endpoint_name == "practices":
            names = [["locale"], ["limit"], ["order"], ["fields"], filters[:1]]
        else:
            names = [filters]
        groups.append((f"{endpoint.endpoint_name} listing", f"/api/v2/{endpoint.endpoint_name}/", names))
    return groups


@pytest.mark.django_db
def test_open_data_parameters(site):
    """An answer the API means (never a 500): 400 for nonsense, 200/302/404 for what it understands."""
    client = Client()
    unexpected = []
    for label, url, groups in open_data_groups(site):

        def send(names, value, url=url, label=label):
            # limit=0: the parameters are read and the query run, without serializing items (cheap).
            cheap = "limit=0&" if label.endswith("listing") and "limit" not in names else ""
            response = client.get(f"{url}?{cheap}{fragments(value, names)}")
            if response.status_code not in (200, 302, 400, 404):
                unexpected.append(f"{label} {value.label}: {response.status_code}")
            return response

        for names in groups:  # a path is looked up too, but the pages' paths hold letters of any script
            assert_no_failures(run_corpus(send, [names], CORPUS if "html_path" in names else LOOKUP_CORPUS))
    assert not unexpected, unexpected[:20]


def post_form(client, url, fields, names, value):
    """A form with valid `fields`, except `names`, which get the malformed value."""
    from urllib.parse import urlencode

    body = urlencode({key: item for key, item in fields.items() if key not in names})
    return client.generic("POST", url, f"{body}&{fragments(value, names)}".encode("ascii"), content_type=FORM)


COMMENT_TEXT_FIELDS = ["name", "email", "comment", "url", "followup"]


@pytest.mark.django_db
def test_comment_form_fields(site, no_rate_limits):
    """The typed fields together; each signed or hidden field alone (a bad one stops the rest)."""
    fields = dict(site["comment_fields"])
    action = fields.pop("action")
    fields.update(name="Maija", email="maija@example.org", comment="Kiitos!")
    client = Client()
    client.get(site["post"].url)
    hidden = [name for name in fields if name not in COMMENT_TEXT_FIELDS]
    assert {"reply_to", "timestamp", "security_hash", "object_pk", "content_type", "honeypot"} <= set(hidden)
    def send(names, value):
        return post_form(client, action, fields, names, value)

    failures = run_corpus(send, [COMMENT_TEXT_FIELDS])
    failures += run_corpus(send, [[name] for name in hidden], LOOKUP_CORPUS)
    assert_no_failures(failures)


@pytest.mark.django_db
def test_comment_reply_form_fields(site, no_rate_limits):
    client = Client()
    from django_comments_xtd.models import XtdComment

    parent = XtdComment.objects.get(is_public=True)
    fields = comment_form_fields(client.get(site["post"].url), reply_to=parent.pk)
    action = fields.pop("action")
    fields.update(name="Maija", email="maija@example.org", comment="Vastaus")
    assert_no_failures(
        run_corpus(lambda names, value: post_form(client, action, fields, names, value), [["reply_to"]], LOOKUP_CORPUS)
    )


@pytest.mark.django_db
def test_practice_submission_fields_are_validated(site, settings):
    """Every field with every value, validated and shown again (a valid form meets the limit, not storage)."""
    settings.PRACTICE_SUBMISSION_RATE = "0/h"
    fields = submission_data()
    client = Client()
    assert_no_failures(
        run_corpus(lambda names, value: post_form(client, site["call"].url, fields, names, value), [list(fields)])
    )


@pytest.mark.django_db
def test_practice_submissions_with_every_value_are_stored_or_refused(site, no_rate_limits, django_capture_on_commit_callbacks):
    """Each value in every text field at once: stored as a draft (slug, rich text, workflow) or refused."""
    from urllib.parse import urlencode

    from practices.forms import PracticeSubmissionForm

    text_fields = [name for name, field in PracticeSubmissionForm().fields.items()
                   if name not in ("email", "region", "website", "attachments") and hasattr(field, "max_length")]
    client = Client()
    url = site["call"].url
    failures = []
    for value in CORPUS:
        fixed = {key: item for key, item in submission_data().items() if key not in text_fields}
        body = "&".join([urlencode(fixed), *(value.fragment(name) for name in text_fields)])
        with django_capture_on_commit_callbacks(execute=True):
            check(failures, value.label, lambda: client.generic("POST", url, body.encode("ascii"), content_type=FORM))  # noqa: B023
    assert_no_failures(failures)


@pytest.mark.django_db
def test_language_switch_fields(site):
    client = Client()
    fields = {"language": "sv", "next": "/"}
    def send(names, value):
        return post_form(client, "/i18n/setlang/", fields, names, value)

    failures = run_corpus(send, [["language"]], LOOKUP_CORPUS)
    failures += run_corpus(send, [["next"], ["language", "next"]])  # an address: any script
    assert_no_failures(failures)


@pytest.mark.django_db
def test_headers_and_cookies(site):
    """The language header and cookie and the session cookie (each read on its own), the host, the CSRF cookie."""
    client = Client(enforce_csrf_checks=True)

    def send(names, value):
        header = value.header()
        if names == ["Host"]:
            return client.get("/", HTTP_HOST=header)
        if names == ["csrftoken"]:
            return client.post("/i18n/setlang/", {"language": "sv"}, HTTP_COOKIE=f"csrftoken={header}")
        return client.get("/", HTTP_ACCEPT_LANGUAGE=header, HTTP_COOKIE=f"django_language={header}; sessionid={header}")

    groups = [["Accept-Language", "django_language", "sessionid"], ["Host"], ["csrftoken"]]
    assert_no_failures(run_corpus(send, groups))


POST_URLS = ["/", "/search/", "/i18n/setlang/", "/admin/login/", "/comments/post/", "/subscribe/"]
BODIES = {
    "form in UTF-16": ("a=ä".encode("utf-16"), f"{FORM}; charset=utf-16"),
    "form in Latin-1": ("a=ä".encode("latin-1"), f"{FORM}; charset=latin-1"),
    "form in ISO-8859-15, declared": ("a=€".encode("iso-8859-15"), f"{FORM}; charset=iso-8859-15"),
    "form declaring utf8 without a dash": (b"a=1", f"{FORM}; charset=utf8"),
    "form declaring an unknown charset": (b"a=1", f"{FORM}; charset=x-unknown"),
    "form with invalid UTF-8": (b"a=%FF&b=\xff\xfe", FORM),
    "form with raw NULs": (b"a=\x00\x00", FORM),
    "multipart in UTF-16": ('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nä\r\n--x--\r\n'.encode("utf-16"),
                            "multipart/form-data; boundary=x; charset=utf-16"),
    "multipart without boundary": (b"--x\r\n\r\n", "multipart/form-data"),
    "multipart with a broken part": (b'--x\r\nContent-Disposition: form-data; name="a\r\n\r\n', "multipart/form-data; boundary=x"),
    "multipart with a bad boundary": (b"--x--", "multipart/form-data; boundary=" + "x" * 100),
    "multipart, field name in Latin-1": (
        b'--x\r\nContent-Disposition: form-data; name="\xe4"\r\n\r\n1\r\n--x--\r\n', "multipart/form-data; boundary=x"),
    "JSON": (b'{"a": [1, 2]}', "application/json"),
    "JSON in UTF-16": ('{"a": 1}'.encode("utf-16"), "application/json; charset=utf-16"),
    "plain text": (b"a=1", "text/plain"),
    "no content type": (b"a=1", ""),
    "XML": (b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", "application/xml"),
    "too large": (b"a=" + b"x" * (3 * 1024 * 1024), FORM),
}


@pytest.mark.django_db
@pytest.mark.parametrize("with_csrf_cookie", [True, False], ids=["csrf cookie", "no cookie"])
def test_odd_bodies_on_every_post_url(site, with_csrf_cookie):
    urls = [*POST_URLS, site["practices"].url, site["call"].url, site["post"].url + "comment/",
            site["blog"].url + "feed/rss/", adoption_form_url(site)]
    failures = []
    for enforce in (True, False):
        client = Client(enforce_csrf_checks=enforce)
        if with_csrf_cookie:
            client.cookies["csrftoken"] = "a" * 32
        for url in urls:
            for label, (body, content_type) in BODIES.items():
                check(failures, f"{url} {label}",
                      lambda: client.generic("POST", url, body, content_type=content_type))  # noqa: B023
    assert_no_failures(failures)


@pytest.mark.django_db
def test_subscription_form_and_feed_parameters(site, no_rate_limits):
    """The feed's themes, the form's typed fields together and its signed field alone."""
    from subscriptions.forms import SubscriptionForm

    client = Client()
    failures = run_corpus(
        lambda names, value: client.get(f"/feeds/events.atom?{fragments(value, names)}"), [["theme"]], LOOKUP_CORPUS
    )
    fields = {"email": "maija@example.org", "kinds": "events", "website": "", "issued": SubscriptionForm.issued_value()}
    def send(names, value):
        return post_form(client, "/subscribe/", fields, names, value)

    failures += run_corpus(send, [["email", "kinds", "themes", "material_themes", "website"]])
    failures += run_corpus(send, [["issued"]], LOOKUP_CORPUS)
    assert_no_failures(failures)


def adoption_form_url(site):
    from practices.models import PracticeModelPage

    return f"/adoption/{PracticeModelPage.objects.child_of(site['practices']).first().pk}/"


@pytest.mark.django_db
def test_adoption_report_form_fields(site, no_rate_limits, django_capture_on_commit_callbacks):
    """The typed fields of "We took this into use" together (stored held, or a form error), the signed field alone."""
    from practices.adoption import AdoptionReportForm

    fields = {"organisation": "Tampereen kaupunki", "municipality": "Tampere", "region": "pirkanmaa",
              "adopted_on": "2024-03", "adapted": "", "experiences": "Hyvä", "contact_name": "Maija",
              "contact_email": "maija@example.org", "website": "", "issued": AdoptionReportForm.issued_value()}
    typed = [name for name in fields if name != "issued"]
    client = Client()
    url = adoption_form_url(site)
    def send(names, value):
        return post_form(client, url, fields, names, value)

    with django_capture_on_commit_callbacks(execute=True):
        failures = run_corpus(send, [typed]) + run_corpus(send, [["issued"]], LOOKUP_CORPUS)
    failures += run_corpus(
        lambda names, value: client.get(f"/adoption/{value.template.partition('=')[2]}/"), [["id"]], LOOKUP_CORPUS
    )
    assert_no_failures(failures)
