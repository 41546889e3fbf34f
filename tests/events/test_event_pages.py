"""Event pages and their index: tree rules, validation, upcoming and past, theme filter, registration, recordings."""

import datetime
import json

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms import page_cache
from home.models import HomePage, StandardPage
from tests.factories.events import EventIndexPageFactory, in_days
from tests.factories.practices import ThemeFactory
from trainings.choices import RegistrationStatus
from trainings.models import EventIndexPage, EventPage
from trainings.times import EventPeriod, utc_offset

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [a.get_text() for a in soup(response).select(".event-card .card__title a")]


# --- Tree rules and the editor ---------------------------------------------------------------


class EventTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.conftest import existing_home

        cls.home = existing_home()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.theme = ThemeFactory(name="Työllisyys", slug="tyollisyys-admin")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, {})
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)

    def test_editor_can_create_an_event(self):
        self.login()
        data = nested_form_data(
            {
                "title": "Tuotekorttikoulutus: verkostopäivä",
                "slug": "verkostopaiva",
                "lead": "Näin järjestät alueellisen verkostopäivän.",
                "starts_at": "2026-10-14 09:00",
                "ends_at": "2026-10-14 12:00",
                "status": "scheduled",
                "organiser": "Kotoutumisen osaamiskeskus",
                "attendance_mode": "in_person",
                "venue": "Kokoustila Aurora",
                "street_address": "Esimerkkikatu 1",
                "postal_code": "00100",
                "locality": "Helsinki",
                "online_url": "",
                "registration_url": "https://ilmoittaudu.example/verkostopaiva",
                "registration_closes_at": "2026-10-07 16:00",
                "body": streamfield([("paragraph", rich_text("<p>Ohjelma.</p>"))]),
                "recording": "",
            }
        )
        # A multiple-choice field takes a list, which nested_form_data would flatten.
        data["themes"] = [self.theme.pk]
        self.assertCanCreate(self.index, EventPage, data)
        event = EventPage.objects.get(slug="verkostopaiva", alias_of__isnull=True)
        # Typed in the admin in Finnish time (summer: UTC+3), stored as the moment it is.
        assert event.starts_at == datetime.datetime(2026, 10, 14, 6, 0, tzinfo=datetime.UTC)
        assert list(event.themes.all()) == [self.theme]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"ends_at": in_days(10, hour=8)}, "ends_at"),  # ends before it starts
        ({"locality": "", "attendance_mode": "mixed"}, "locality"),
        ({"registration_closes_at": in_days(11)}, "registration_closes_at"),  # after the event
    ],
)
def test_an_impossible_event_is_refused(changes, field):
    fields = {"title": "Koulutus", "slug": "koulutus", "organiser": "Osaamiskeskus", "starts_at": in_days(10),
              "ends_at": in_days(10, hour=12), "locality": "Turku"}
    event = EventPage(**(fields | changes))
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert list(raised.value.message_dict) == [field]


def test_an_online_event_needs_no_place():
    event = EventPage(title="Webinaari", slug="webinaari", organiser="Osaamiskeskus", starts_at=in_days(10),
                      ends_at=in_days(10, hour=11), attendance_mode="online")
    event.clean()
    assert event.address_lines == []


# --- Times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment, offset, month",
    [
        (datetime.datetime(2026, 1, 15, 7, 0, tzinfo=datetime.UTC), "+2", "tammikuu"),  # winter: EET
        (datetime.datetime(2026, 7, 15, 6, 0, tzinfo=datetime.UTC), "+3", "heinäkuu"),  # summer: EEST
    ],
)
def test_times_are_shown_in_finnish_time_with_the_offset(moment, offset, month):
    from django.utils import translation

    event = EventPage(starts_at=moment, ends_at=moment + datetime.timedelta(hours=2))
    period = EventPeriod.of(event)
    assert utc_offset(period.starts_at) == offset
    with translation.override("fi"):
        assert period.text == f"{moment.day}. {month}ta 2026 9.00–11.00"
        assert period.zone_text == f"Suomen aikaa, UTC{offset}"


def test_a_multi_day_event_shows_both_dates():
    from django.utils import translation

    start = datetime.datetime(2026, 3, 2, 7, 0, tzinfo=datetime.UTC)
    event = EventPage(starts_at=start, ends_at=start + datetime.timedelta(days=1, hours=6))
    with translation.override("fi"):
        assert EventPeriod.of(event).text == "2. maaliskuuta 2026 9.00 – 3. maaliskuuta 2026 15.00"


# --- The index: upcoming and past, themes ------------------------------------------------------


def test_upcoming_events_soonest_first_past_latest_first_hidden_never(event_site):
    client = Client()
    index = event_site["index"]
    events = event_site["events"]
    upcoming = card_titles(client.get(index.url))
    past = card_titles(client.get(index.url + "?when=past"))
    now = timezone.now()
    expected_upcoming = sorted((e for e in events.values() if e.ends_at > now), key=lambda e: e.starts_at)
    expected_past = sorted((e for e in events.values() if e.ends_at <= now), key=lambda e: e.starts_at, reverse=True)
    assert upcoming == [event.title for event in expected_upcoming]
    assert past == [event.title for event in expected_past]
    # An event that has started but not ended is still upcoming (people may join).
    assert events["ongoing"].title in upcoming
    for hidden in event_site["hidden"].values():
        assert hidden.title not in upcoming + past


def test_tab_counts_and_theme_counts_follow_the_other_filter(event_site):
    client = Client()
    index = event_site["index"]
    html = soup(client.get(index.url + "?theme=tyollisyys"))
    tabs = {a["href"].split("when=")[1].split("&")[0]: a.select_one(".count").get_text() for a in html.select(".tabs a")}
    # Under the theme filter: upcoming soon + later; past: mennyt.
    assert tabs == {"upcoming": "(2)", "past": "(1)"}
    counts = {box["value"]: box.find_parent("label").select_one(".filters__count").get_text()
              for box in html.select(".filters input[name=theme]")}
    # Under the upcoming tab, whatever theme is chosen: hidden events are not counted.
    assert counts == {"tyollisyys": "(2)", "koulutus": "(2)"}


def test_themes_combine_with_or_and_the_tab(event_site):
    client = Client()
    index = event_site["index"]
    events = event_site["events"]
    both = card_titles(client.get(index.url + "?theme=tyollisyys&theme=koulutus"))
    assert sorted(both) == sorted(events[key].title for key in ("soon", "later", "ongoing"))
    past_families = card_titles(client.get(index.url + "?when=past&theme=perheet"))
    assert past_families == [events["long_ago"].title]


@pytest.mark.parametrize(
    "query",
    ["when=tomorrow", "when=", "when=past&when=upcoming&theme=", "when=%00"],
)
def test_bad_tab_values_are_ignored(event_site, query):
    # (Bad theme values and page numbers: tests/listings/test_shared_behaviour.py.)
    client = Client()
    index = event_site["index"]
    default = card_titles(client.get(index.url))
    response = client.get(f"{index.url}?{query}")
    if query.startswith("when=past&"):  # the first value counts
        assert card_titles(response) == card_titles(client.get(index.url + "?when=past"))
    else:
        assert card_titles(response) == default


def test_the_swedish_index_shows_translations_and_untranslated_copies(event_site):
    html = soup(Client().get(event_site["sv_index"].url))
    titles = [a.get_text() for a in html.select(".event-card .card__title a")]
    assert titles == ["Snart på svenska", event_site["events"]["later"].title]


# --- The event page ---------------------------------------------------------------------------------


def test_registration_is_open_until_it_closes_and_closed_after(event_site):
    client = Client()
    open_event, closed_event = event_site["events"]["soon"], event_site["events"]["closed"]
    assert open_event.registration_status() == RegistrationStatus.OPEN
    assert open_event.registration_status(now=open_event.registration_closes_at) == RegistrationStatus.CLOSED
    assert closed_event.registration_status() == RegistrationStatus.CLOSED

    open_html = soup(client.get(open_event.url))
    assert open_html.select_one(f'a[href="{open_event.registration_url}"]') is not None
    closed_html = soup(client.get(closed_event.url))
    registration = closed_html.select_one(".event__registration")
    assert "closed" in registration["class"][-1]
    assert closed_html.select_one(f'a[href="{closed_event.registration_url}"]') is None


def test_without_a_closing_date_registration_closes_when_the_event_ends():
    event = EventPage(starts_at=in_days(1), ends_at=in_days(1, hour=12), registration_url="https://x.example/")
    assert event.registration_status() == RegistrationStatus.OPEN
    assert event.registration_status(now=event.ends_at) == RegistrationStatus.CLOSED
    assert EventPage(starts_at=in_days(1), ends_at=in_days(1, hour=12)).registration_status() == RegistrationStatus.NONE


def test_the_page_says_the_time_zone_and_links_the_visible_recording(event_site):
    client = Client()
    events = event_site["events"]
    html = soup(client.get(events["past"].url))
    when = html.select_one(".event-facts time")
    assert datetime.datetime.fromisoformat(when["datetime"]) == events["past"].starts_at
    assert "UTC+" in html.select_one(".event__zone").get_text()
    recording = html.select_one(".event__recording a")
    assert recording["href"] == event_site["recording"].url
    hidden = soup(client.get(events["past_hidden_recording"].url))
    assert hidden.select_one(".event__recording") is None
    assert "Piilotallenne" not in hidden.get_text()


def test_hidden_events_are_not_served(event_site):
    client = Client()
    hidden = event_site["hidden"]
    for key in ("draft", "expired"):
        assert client.get(hidden[key].url).status_code == 404, key
    response = client.get(hidden["private"].url)  # behind a login: the login page, not the event
    assert (response.status_code, response["Location"]) == (302, f"/_util/login/?next={hidden['private'].url}")


# --- JSON-LD ------------------------------------------------------------------------------------------

REQUIRED = {"@context", "@type", "name", "startDate", "endDate", "eventAttendanceMode", "eventStatus", "location",
            "organizer", "inLanguage", "url", "description"}


@pytest.mark.parametrize(
    "key, location_types, mode",
    [
        ("soon", ["Place"], "OfflineEventAttendanceMode"),
        ("ongoing", ["VirtualLocation"], "OnlineEventAttendanceMode"),
        ("later", ["Place", "VirtualLocation"], "MixedEventAttendanceMode"),
    ],
)
def test_json_ld_is_a_schema_org_event(event_site, key, location_types, mode):
    event = EventPage.objects.get(pk=event_site["events"][key].pk)
    request = RequestFactory().get(event.url)
    (data,) = json.loads(json.dumps(event.json_ld(request)))
    assert REQUIRED <= data.keys()
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.starts_at
    assert datetime.datetime.fromisoformat(data["endDate"]) == event.ends_at
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    assert [location["@type"] for location in locations] == location_types
    for location in locations:
        if location["@type"] == "Place":
            assert location["address"]["addressLocality"] == event.locality
        else:
            assert location["url"].startswith("http")
    assert data["organizer"] == {"@type": "Organization", "name": event.organiser}
    assert data["inLanguage"] == "fi"
    assert data["url"] == request.build_absolute_uri(event.url)  # on the address it was served at


def test_the_page_carries_its_json_ld(event_site):
    event = event_site["events"]["later"]
    script = soup(Client().get(event.url)).select_one('head script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert (data["@type"], data["name"], data["url"]) == ("Event", event.title, "http://testserver" + event.url)


def test_json_ld_says_the_language_the_text_is_in(event_site):
    (translation,) = EventPage.objects.get(pk=event_site["sv_soon"].pk).json_ld(RequestFactory().get("/"))
    assert (translation["inLanguage"], translation["name"]) == ("sv", "Snart på svenska")
    # An untranslated copy in the Swedish tree shows the Finnish text.
    (alias,) = EventPage.objects.get(pk=event_site["sv_later_alias"].pk).json_ld(RequestFactory().get("/"))
    assert alias["inLanguage"] == "fi"


# --- The page cache ends when the listing changes ----------------------------------------------------


def test_the_cached_listing_does_not_outlive_the_next_event_end(event_site, settings):
    settings.PAGE_CACHE_SECONDS = 10 * 24 * 3600
    index = EventIndexPage.objects.get(pk=event_site["index"].pk)
    request = RequestFactory().get(index.url)
    request.user = AnonymousUser()
    index.serve(request)
    ongoing = event_site["events"]["ongoing"]
    seconds = page_cache.timeout(settings.PAGE_CACHE_SECONDS, request)
    assert 0 < seconds <= (ongoing.ends_at - timezone.now()).total_seconds() + 1


# --- Upcoming events on the home page ------------------------------------------------------------


def test_the_home_page_shows_the_next_visible_events_of_its_language(event_site):
    home = event_site["home"]
    home.body = [("upcoming_events", {"heading": "Tulevat tapahtumat", "count": 3})]
    home.save_revision().publish()
    html = soup(Client().get(home.url))
    section = html.select_one("section.upcoming-events")
    titles = [a.get_text() for a in section.select(".card__title a")]
    now = timezone.now()
    upcoming = sorted((e for e in event_site["events"].values() if e.ends_at > now), key=lambda e: e.starts_at)
    assert titles == [event.title for event in upcoming[:3]]
    assert section.select_one(".upcoming-events__more a")["href"] == event_site["index"].url


def test_the_kept_upcoming_events_end_when_the_first_of_them_ends(event_site):
    """The block's list is kept until what the public sees changes; an event ending changes it
    by the clock alone, with no publish."""
    home = HomePage.objects.get(pk=event_site["home"].pk)
    home.body = [("upcoming_events", {"heading": "Tulevat tapahtumat", "count": 3})]
    home.save_revision().publish()

    def titles():
        section = soup(Client().get(home.url)).select_one("section.upcoming-events")
        return [a.get_text() for a in section.select(".card__title a")]

    ongoing = event_site["events"]["ongoing"]
    assert ongoing.title in titles()
    generation = page_cache.generation()
    with time_machine.travel(ongoing.ends_at + datetime.timedelta(seconds=1)):
        assert ongoing.title not in titles()
        page_cache.forget_generation()
        assert page_cache.generation() == generation  # the clock, not a publish, changed the list
