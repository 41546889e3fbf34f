"""The iCalendar feed of each language: valid RFC 5545 (parsed by `icalendar`), only what visitors may see."""

import datetime

import pytest
from django.test import Client
from icalendar import Calendar

from trainings.calendar import PAST_DAYS

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def entries(calendar):
    return {str(entry["summary"]): entry for entry in calendar.walk("VEVENT")}


def test_the_feed_parses_and_carries_every_visible_event_in_utc(event_site):
    index = event_site["index"]
    calendar = parse(Client().get(index.calendar_url))
    assert str(calendar["version"]) == "2.0" and calendar["prodid"]
    found = entries(calendar)
    now = datetime.datetime.now(datetime.UTC)
    expected = {event.title: event for event in event_site["events"].values()
                if event.ends_at > now - datetime.timedelta(days=PAST_DAYS)}
    assert set(found) == set(expected)
    for title, entry in found.items():
        event = expected[title]
        start, end = entry.decoded("dtstart"), entry.decoded("dtend")
        assert start.utcoffset() == datetime.timedelta(0), title
        # iCalendar times are to the second.
        assert (start, end) == (event.starts_at.replace(microsecond=0), event.ends_at.replace(microsecond=0))
        assert str(entry["url"]).endswith(event.url)
        assert str(entry["summary"].params["LANGUAGE"]) == "fi"
    # Every entry keeps one UID: the same event, updated, not added again.
    assert len({str(entry["uid"]) for entry in found.values()}) == len(found)


def test_hidden_and_long_past_events_are_not_in_the_feed(event_site):
    index = event_site["index"]
    text = Client().get(index.calendar_url).content.decode()
    for event in [*event_site["hidden"].values(), event_site["events"]["long_ago"]]:
        assert event.title not in text and event.slug not in text, event.slug


def test_the_swedish_feed_has_translations_and_untranslated_events_marked_finnish(event_site):
    index = event_site["sv_index"]
    assert index.calendar_url == index.url + "kalender/"
    found = entries(parse(Client().get(index.calendar_url)))
    translated, alias = event_site["sv_soon"], event_site["sv_later_alias"]
    assert {"Snart på svenska", alias.title} <= set(found)
    assert str(found["Snart på svenska"]["summary"].params["LANGUAGE"]) == "sv"
    assert str(found[alias.title]["summary"].params["LANGUAGE"]) == "fi"
    # The same event has a different UID in each language's calendar, the same one in every download.
    finnish = entries(parse(Client().get(event_site["index"].url + "kalenteri/")))
    assert found["Snart på svenska"]["uid"] != finnish[event_site["events"]["soon"].title]["uid"]
    assert translated.translation_key.hex in str(found["Snart på svenska"]["uid"]).replace("-", "")


def test_other_file_names_are_not_found(event_site):
    index = event_site["index"]
    for name in ("kalender/", "calendar/", "kalenteri.ics", "x/"):
        assert Client().get(index.url + name).status_code == 404, name
