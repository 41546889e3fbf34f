"""E-mail subscriptions and Atom feeds: double opt-in, one-click unsubscribe, digests sent once, abuse defences."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from subscriptions.models import SentItem, Subscription
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.practices import ThemeFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def events(home):
    """An event index with themes; pages are added by the tests."""
    return {
        "index": EventIndexPageFactory(parent=home),
        "work": ThemeFactory(name="Työllisyys", slug="tyollisyys-tilaus"),
        "family": ThemeFactory(name="Perheet", slug="perheet-tilaus"),
    }


def form_fields(client, url="/subscribe/"):
    """The hidden fields of the subscription form, as a browser sends them."""
    form = BeautifulSoup(client.get(url).content, "html.parser").find("form", class_="subscription-form")
    return {field["name"]: field.get("value", "") for field in form.find_all("input", type="hidden")}


def subscribe(client, url="/subscribe/", remote_addr="10.0.0.1", **changes):
    data = {**form_fields(client, url), "email": "Maija@Example.org", "kinds": ["events"], "website": ""}
    data.update(changes)
    return client.post(url, data, REMOTE_ADDR=remote_addr)


def links(message):
    return re.findall(r"https?://\S+", message.body)


def confirmed(email="maija@example.org", language="fi", kinds=("events",), themes=(), days_ago=1):
    return Subscription.objects.create(
        email=email, language=language, kinds=list(kinds), themes=list(themes),
        confirmed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


# --- Double opt-in --------------------------------------------------------------------------------------


def test_nothing_is_followed_until_the_link_is_confirmed_with_a_button(events):
    client = Client()
    response = subscribe(client, themes=[events["work"].slug])
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    # Only the address and the choices are kept.
    assert (subscription.email, subscription.kinds, subscription.themes) == ("maija@example.org", ["events"], [events["work"].slug])
    assert subscription.confirmed_at is None
    (message,) = mail.outbox
    assert message.to == ["maija@example.org"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm_url = next(link for link in links(message) if "/confirm/" in link)
    # Opening the link (a mail scanner does) confirms nothing; the button does.
    assert client.get(confirm_url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert client.post(confirm_url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None and len(mail.outbox) == 1


def test_a_forged_or_cut_confirmation_link_is_refused(events):
    subscribe(Client())
    confirm_url = next(link for link in links(mail.outbox[0]) if "/confirm/" in link)
    for url in (confirm_url[:-3] + "/", confirm_url.replace("/confirm/", "/confirm/1:"), "/subscribe/confirm/1/"):
        response = Client().post(url)
        assert response.status_code == 400, url  # a token that fails its signature: invalid_link
    assert Subscription.objects.get().confirmed_at is None


def test_confirming_again_replaces_the_choices_of_the_address(events):
    old = confirmed(kinds=["practices"])
    subscribe(Client(), kinds=["events", "materials"])
    confirm_url = next(link for link in links(mail.outbox[0]) if "/confirm/" in link)
    Client().post(confirm_url)
    (subscription,) = Subscription.objects.all()
    assert (subscription.pk, subscription.kinds) == (old.pk, ["events", "materials"])


# --- One-click unsubscribe (RFC 8058) ------------------------------------------------------------------


def test_the_mail_programs_one_click_unsubscribe_deletes_the_subscription(events):
    subscription = confirmed(themes=[events["work"].slug])
    EventPageFactory(parent=events["index"], themes=[events["work"]])
    call_command("send_digests", stdout=open("/dev/null", "w"))
    (message,) = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header[1:-1]
    # As a mail program sends it: no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    assert not SentItem.objects.exists()


# --- Digests ------------------------------------------------------------------------------------------------


def test_the_digest_sends_each_new_visible_page_of_the_choices_once(events):
    work, family = events["work"], events["family"]
    confirmed(themes=[work.slug])
    confirmed(email="sven@example.org", language="sv", themes=[work.slug])
    index = events["index"]
    shown = EventPageFactory(parent=index, title="Työnhakuklubin avoin ilta", themes=[work])
    EventPageFactory(parent=index, title="Perheiden tapahtuma", themes=[family])
    EventPageFactory(parent=index, title="Luonnostapahtuma", themes=[work], live=False)
    call_command("send_digests", stdout=open("/dev/null", "w"))
    (message,) = mail.outbox  # the Swedish subscription has nothing in Swedish
    assert message.to == ["maija@example.org"]
    assert shown.title in message.body and shown.full_url in message.body
    assert "Perheiden" not in message.body and "Luonnos" not in message.body
    # Run again (cron twice, overlapping runs): nothing is sent twice.
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    newer = EventPageFactory(parent=index, title="Mentorointi-info", themes=[work])
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
    assert newer.title in mail.outbox[1].body and shown.title not in mail.outbox[1].body


def test_pages_published_before_the_confirmation_are_not_sent(events):
    EventPageFactory(parent=events["index"], themes=[events["work"]])
    confirmed(days_ago=0)
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert mail.outbox == []


# --- Atom feeds ----------------------------------------------------------------------------------------------


def test_the_atom_feed_lists_the_visible_pages_of_the_kind_and_themes(events):
    work, family = events["work"], events["family"]
    index = events["index"]
    shown = EventPageFactory(parent=index, themes=[work])
    other = EventPageFactory(parent=index, themes=[family])
    draft = EventPageFactory(parent=index, themes=[work], live=False)
    response = Client().get(f"/feeds/events.atom?theme={work.slug}&theme=ei-ole")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(ATOM + "title").text for entry in feed.iter(ATOM + "entry")]
    assert titles == [shown.title]
    everything = ET.fromstring(Client().get("/feeds/events.atom").content)
    assert {entry.find(ATOM + "title").text for entry in everything.iter(ATOM + "entry")} == {shown.title, other.title}
    assert draft.title not in Client().get("/feeds/events.atom").content.decode()
    assert Client().get("/feeds/nothing.atom").status_code == 404


# --- Abuse defences ------------------------------------------------------------------------------------------


def test_a_forged_form_is_refused_and_a_bad_address_is_a_form_error(events):
    client = Client()
    assert subscribe(client, issued="forged").status_code == 400
    response = subscribe(client, email="ei-osoite")
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one('input[name="email"]')["value"] == "ei-osoite"
    assert not Subscription.objects.exists() and mail.outbox == []


def test_the_honeypot_gets_the_same_answer_and_nothing_is_done(events):
    response = subscribe(Client(), website="http://spam.example/")
    assert response.status_code == 302
    assert not Subscription.objects.exists() and mail.outbox == []


def test_the_rate_limit_keeps_what_was_typed(events, settings):
    settings.SUBSCRIPTION_RATE = "2/h"
    client = Client()
    for number in range(2):
        assert subscribe(client, remote_addr="10.9.9.9", email=f"a{number}@example.org").status_code == 302
    response = subscribe(client, remote_addr="10.9.9.9", email="kolmas@example.org")
    assert response.status_code == 429
    assert BeautifulSoup(response.content, "html.parser").select_one('input[name="email"]')["value"] == "kolmas@example.org"
    assert Subscription.objects.count() == 2


def test_purge_deletes_only_subscriptions_left_unconfirmed_too_long(settings):
    settings.SUBSCRIPTION_CONFIRMATION_DAYS = 7
    now = timezone.now()
    old = Subscription.objects.create(email="a@example.org", language="fi", kinds=["events"],
                                      created_at=now - datetime.timedelta(days=8))
    recent = Subscription.objects.create(email="b@example.org", language="fi", kinds=["events"],
                                         created_at=now - datetime.timedelta(days=6))
    kept = confirmed(email="c@example.org", days_ago=30)
    call_command("purge_personal_data", stdout=open("/dev/null", "w"))
    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, kept.pk}
    assert not Subscription.objects.filter(pk=old.pk).exists()
