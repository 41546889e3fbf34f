"""load_demo_content builds the recorded site in three languages, and a second run changes nothing.

The demo site is built once per test run (`demo_site`, tests/demo_site.py) by the command
as `make run` runs it. `tests/demo_inventory.json` records what it must build: every page
type per language, the page tree, snippets per model and language, documents, images,
wagtail-localize translations and string translations, users and groups. A change to the
demo content that adds or removes something updates that record in the same commit.
"""

import json
import urllib.request
from pathlib import Path

RECORD = Path(__file__).with_name("demo_inventory.json")


def test_demo_builds_the_recorded_site(demo_site):
    built = demo_site.inventory()
    recorded = json.loads(RECORD.read_text())
    assert built == recorded


def test_demo_pages_are_live_translations_in_every_language(demo_site):
    built = demo_site.inventory()
    assert built["aliases"] == {} and built["drafts"] == 0
    for language in ("sv", "en"):
        assert len(built["tree"][language]) == len(built["tree"]["fi"])
    for page_type, counts in built["page_types"].items():
        assert counts["fi"] == counts["sv"] == counts["en"], page_type
    assert built["admin_login"], "development settings give the admin user its documented password"


def test_a_second_run_changes_nothing(demo_site, tmp_path):
    copy = demo_site.copy(tmp_path)
    before = copy.inventory()
    output = copy.manage("load_demo_content", log_name="second-load.log")
    assert "Done: 0 objects created" in output
    assert copy.inventory() == before


def site_address(site):
    import sqlite3

    connection = sqlite3.connect(site.database)
    try:
        return connection.execute("SELECT hostname, port FROM wagtailcore_site WHERE is_default_site").fetchone()
    finally:
        connection.close()


def test_the_demo_site_record_is_the_address_make_run_serves(demo_site, tmp_path):
    """Links made without a request (e-mails, commands) point where `make run` serves (HOST, PORT)."""
    from urllib.parse import urlsplit

    served = urlsplit(demo_site.env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"))
    assert site_address(demo_site) == (served.hostname, served.port)
    copy = demo_site.copy(tmp_path)
    copy.manage("load_demo_content", log_name="other-port.log", env={"WAGTAILADMIN_BASE_URL": "http://kotoutuminen.test:8101"})
    assert site_address(copy) == ("kotoutuminen.test", 8101)


def get(url):
    with urllib.request.urlopen(url) as response:  # noqa: S310 - our own test server
        return response.status, response.read().decode()


def test_the_demo_site_answers_in_every_language(demo_server):
    status, swedish = get(demo_server + "/sv/om-oss/")
    assert status == 200 and "Om oss" in swedish
    status, english = get(demo_server + "/en/")
    assert status == 200
    assert "Accessibility statement" in english
    assert "Centre of Expertise in Immigrant Integration" in english


def test_demo_events_upcoming_past_with_recordings_and_calendars(demo_server):
    from bs4 import BeautifulSoup
    from icalendar import Calendar

    status, upcoming = get(demo_server + "/tapahtumat/")
    assert status == 200 and len(BeautifulSoup(upcoming, "html.parser").select(".event-card")) == 3
    status, past = get(demo_server + "/sv/evenemang/?when=past")
    events = BeautifulSoup(past, "html.parser").select(".event-card .card__title a")
    assert status == 200 and len(events) == 2
    for link in events:  # every past webinar links its recording in the material registry
        status, page = get(demo_server + link["href"])
        recording = BeautifulSoup(page, "html.parser").select_one(".event__recording a")
        assert recording["href"].startswith("/sv/material/webbinarieinspelning-")
    for language, path in (("fi", "/tapahtumat/kalenteri/"), ("sv", "/sv/evenemang/kalender/"), ("en", "/en/events/calendar/")):
        status, text = get(demo_server + path)
        assert status == 200 and len(Calendar.from_ical(text).walk("VEVENT")) == 5, language
