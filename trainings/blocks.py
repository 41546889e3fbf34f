"""`UpcomingEventsBlock`: the next events of the active language, for the home page or any page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from cms.page_cache import changes_at
from cms.visibility import kept_for_the_public, visible_pages

from .models import EventIndexPage, EventPage


class UpcomingEventsStructValue(blocks.StructValue):
    def events(self):
        """The next events (kept until what the public sees changes, or the first of them ends)."""
        count = self.get("count") or 3

        def read():
            return list(
                upcoming_events()
                .defer_streamfields()
                .select_related("listing_image")
                .prefetch_related("listing_image__renditions")[:count]
            )

        return kept_for_the_public(
            "upcoming-events", f"{Locale.get_active().pk}:{count}", read,
            ends=lambda events: min((event.ends_at for event in events), default=None),
        )

    def index_page(self):
        return visible_pages(EventIndexPage.objects.filter(locale=Locale.get_active())).first()


def upcoming_events(now=None):
    """The visible events of the active language that have not ended, soonest first."""
    now = now or timezone.now()
    return (
        visible_pages(EventPage.objects.filter(locale=Locale.get_active()))
        .filter(ends_at__gt=now)
        .order_by("starts_at", "pk")
    )


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "events/blocks/upcoming_events_block.html"
        value_class = UpcomingEventsStructValue
        description = _("The next events and trainings, soonest first, with a link to all events.")
        preview_value = {"heading": "Tulevat tapahtumat", "count": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        events = value.events()
        context["events"] = events
        # The block changes when the first of them ends: the cached page must not outlive that.
        request = (parent_context or {}).get("request")
        changes_at(request, min((event.ends_at for event in events), default=None))
        return context
