import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.conftest import built_once
from tests.factories import translate_page
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory
from tests.factories.practices import ThemeFactory


def build_events():
    """An index with events in every relation to now, themes, hidden ones and a Swedish translation."""
    from tests.conftest import build_home_tree, existing_home

    home = existing_home() or build_home_tree()
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    day = datetime.timedelta(days=1)
    themes = {
        "tyollisyys": ThemeFactory(name="Työllisyys", slug="tyollisyys"),
        "koulutus": ThemeFactory(name="Koulutus", slug="koulutus"),
        "perheet": ThemeFactory(name="Perheet", slug="perheet"),
    }
    index = EventIndexPageFactory(parent=home)
    materials = MaterialIndexPageFactory(parent=home)
    recording = MaterialPageFactory(parent=materials, title="Webinaarin tallenne", material_type="webinar_recording")
    hidden_recording = MaterialPageFactory(parent=materials, title="Piilotallenne", live=False)

    def event(slug, starts, ends, theme_keys=(), **fields):
        return EventPageFactory(parent=index, slug=slug, title=fields.pop("title", slug.replace("-", " ").title()),
                                starts_at=starts, ends_at=ends, themes=[themes[key] for key in theme_keys], **fields)

    events = {
        "soon": event("pian", now + 2 * day, now + 2 * day + 3 * hour, ["tyollisyys"],
                      registration_url="https://ilmoittaudu.example/pian", registration_closes_at=now + day),
        "later": event("myohemmin", now + 30 * day, now + 31 * day, ["tyollisyys", "koulutus"], attendance_mode="mixed",
                       online_url="https://meet.example/myohemmin"),
        "ongoing": event("kaynnissa", now - 2 * hour, now + 2 * hour, ["koulutus"], attendance_mode="online",
                         venue="", street_address="", postal_code="", locality=""),
        "closed": event("ilmoittautuminen-paattynyt", now + 5 * day, now + 5 * day + hour, [],
                        registration_url="https://ilmoittaudu.example/suljettu", registration_closes_at=now - hour),
        "past": event("mennyt", now - 10 * day, now - 10 * day + 2 * hour, ["tyollisyys"], recording=recording),
        "long_ago": event("kauan-sitten", now - 400 * day, now - 400 * day + hour, ["perheet"]),
        "past_hidden_recording": event("mennyt-2", now - 20 * day, now - 20 * day + hour, [], recording=hidden_recording),
    }
    hidden = {
        "draft": event("luonnos", now + 3 * day, now + 3 * day + hour, ["tyollisyys"], live=False),
        "expired": event("vanhentunut", now + 4 * day, now + 4 * day + hour, ["tyollisyys"], expire_at=now - hour),
        "private": event("yksityinen", now + 6 * day, now + 6 * day + hour, ["koulutus"]),
    }
    PageViewRestriction.objects.create(page=hidden["private"], restriction_type=PageViewRestriction.LOGIN)
    sv_index = translate_page(index, "sv", {"title": "Evenemang", "slug": "evenemang"})
    sv_soon = translate_page(events["soon"], "sv", {"title": "Snart på svenska", "slug": "snart"})
    # What wagtail-localize makes of an untranslated page in a synchronised tree: an alias.
    sv_later_alias = events["later"].create_alias(parent=sv_index, update_locale=sv_index.locale)
    return {"home": home, "index": index, "sv_index": sv_index, "sv_soon": sv_soon, "sv_later_alias": sv_later_alias,
            "themes": themes,
            "events": events, "hidden": hidden, "recording": recording}


@pytest.fixture(scope="module")
def event_site(django_db_setup, django_db_blocker):
    """The events of `build_events`, built once for a test module and rolled back after it."""
    with built_once(django_db_blocker, build_events) as site:
        yield site
