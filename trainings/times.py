"""An event's time as visitors read it: in Finnish time, whatever the server's or visitor's zone, saying so.

The organiser's clock is the one that matters (a webinar at 9.00 Finnish time); the
zone is named with its offset, which changes with daylight saving time (UTC+2 / UTC+3).
"""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

EVENT_TIME_ZONE = ZoneInfo("Europe/Helsinki")


def utc_offset(moment):
    """'+2', '+3' or '+5:30': the offset of a local time from UTC, as people write it."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}" + (f":{rest:02}" if rest else "")


@dataclass
class EventPeriod:
    starts_at: object  # aware datetimes in EVENT_TIME_ZONE
    ends_at: object

    @classmethod
    def of(cls, event):
        return cls(event.starts_at.astimezone(EVENT_TIME_ZONE), event.ends_at.astimezone(EVENT_TIME_ZONE))

    @property
    def same_day(self):
        return self.starts_at.date() == self.ends_at.date()

    @property
    def text(self):
        """e.g. '14.10.2026 9.00–11.30' or '14.10.2026 9.00 – 15.10.2026 16.00' (in the active language's formats)."""
        start_date = date_format(self.starts_at, "DATE_FORMAT")
        if self.same_day:
            return f"{start_date} {time_format(self.starts_at)}–{time_format(self.ends_at)}"
        return (
            f"{start_date} {time_format(self.starts_at)} – "
            f"{date_format(self.ends_at, 'DATE_FORMAT')} {time_format(self.ends_at)}"
        )

    @property
    def date_text(self):
        return date_format(self.starts_at, "DATE_FORMAT")

    @property
    def zone_text(self):
        return zone_text(self.starts_at)


def zone_text(local):
    return _("Finnish time, UTC%(offset)s") % {"offset": utc_offset(local)}


def moment_text(moment):
    """A single moment (e.g. when registration closes) in Finnish time, saying so."""
    local = moment.astimezone(EVENT_TIME_ZONE)
    return f"{date_format(local, 'DATE_FORMAT')} {time_format(local)} ({zone_text(local)})"
