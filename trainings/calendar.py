"""The iCalendar feed of an event index (RFC 5545), written with the `icalendar` package.

One feed per language: the index of that language's tree, so its events' titles and
links are in that language. An event nobody has translated yet is an alias in the
Swedish and English trees; it is still in their calendars (the event takes place
anyway), its text marked with the language it is written in (`LANGUAGE=fi`).

Only events a visitor may see (the visibility rule), those that ended at most a year ago
and every one ahead. Times are in UTC (`DTSTART:20261014T060000Z`), which every calendar
application converts to its user's zone. An event's UID is its translation key and the
feed's language: it stays the same when the event is edited, moved or renamed, so
calendar applications update the entry instead of adding another.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Site

from .choices import EventStatus

PRODUCT_ID = "-//Kotoutuminen.fi//Events//FI"
PAST_DAYS = 365
ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event, language, domain):
    return f"{event.translation_key}-{language}@{domain}"


def calendar_events(index):
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    return (
        index.events()
        .filter(ends_at__gt=since)
        .defer_streamfields()
        .select_related("locale")
        .prefetch_related("themes")
        .order_by("starts_at", "pk")
    )


def location_text(event):
    parts = [", ".join(event.address_lines)] if event.address_lines else []
    if event.is_online:
        parts.append(event.online_url or _("Online"))
    return " / ".join(parts)


def build_calendar(index, request):
    language = index.locale.language_code
    site = Site.find_for_request(request)
    domain = site.hostname if site else request.get_host().split(":")[0]
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", index.title)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    for event in calendar_events(index):
        text_language = {"language": event.content_language}
        entry = Event()
        entry.add("uid", event_uid(event, language, domain))
        entry.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
        entry.add("dtstart", event.starts_at.astimezone(datetime.UTC))
        entry.add("dtend", event.ends_at.astimezone(datetime.UTC))
        entry.add("summary", event.title, parameters=text_language)
        if event.description:
            entry.add("description", event.description, parameters=text_language)
        location = location_text(event)
        if location:
            entry.add("location", location, parameters=text_language)
        entry.add("url", event.get_full_url(request))
        entry.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
        calendar.add_component(entry)
    return calendar


def calendar_response(index, request):
    response = HttpResponse(build_calendar(index, request).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{index.calendar_name}.ics"'
    return response
