"""Events and trainings: an event page per training, webinar or network day, and the index that lists them.

Times are stored as aware datetimes (UTC in the database) and always shown in Finnish
time, saying so (`events.times`): a visitor in another zone sees the organiser's clock,
and the iCalendar feed carries UTC, which calendar applications convert for themselves.

What is translated and what is not: the title, lead, venue, address, organiser and body
are text for translators; the times, the way of attending, the links, the themes (the
practices' `Theme` snippets, shared with practices and calls) and the recording (a
material of the registry) are synchronised, so every language shows the same event.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BaseStreamBlock
from cms.localized import localized_objects
from cms.models import BasePage, default_locale_only
from cms.page_cache import changes_at
from cms.visibility import visible_localized, visible_pages
from practices.models import Theme

from .calendar import calendar_response
from .choices import AttendanceMode, EventStatus, RegistrationStatus
from .listing import EventListing
from .structured_data import event_json_ld

# The calendar of each language's index: /tapahtumat/kalenteri/, /sv/evenemang/kalender/ ... (a file name
# with a dot would not reach Wagtail's page URLs, which are slugs ending in a slash, like the blog's feed/rss/).
CALENDAR_NAMES = {"fi": "kalenteri", "sv": "kalender", "en": "calendar"}


class EventIndexPage(RoutablePageMixin, BasePage):
    """Every event and training: upcoming and past, filterable by theme, with a calendar feed."""

    lead = models.TextField(_("lead"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("lead", boost=1.5), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    per_page = 12

    class Meta:
        verbose_name = _("event index")

    def events(self):
        """The events of this index a visitor may see (the Swedish and English trees' aliases included)."""
        return visible_pages(EventPage.objects.child_of(self))

    @property
    def calendar_name(self):
        return CALENDAR_NAMES.get(self.locale.language_code, CALENDAR_NAMES["en"])

    @property
    def calendar_url(self):
        return f"{self.url}{self.calendar_name}/"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = EventListing(self, request.GET)
        context["listing"] = listing
        context["page_obj"] = listing.page(request.GET.get("page"), self.per_page)
        context["events"] = context["page_obj"].object_list
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An event moves from upcoming to past when it ends: the cached listing must not outlive that.
        changes_at(request, EventPage.next_change(self.events()))
        return response

    @path("")
    def index(self, request):
        return self.render(request)

    @re_path(r"^(?P<name>{})/$".format("|".join(CALENDAR_NAMES.values())))
    def calendar(self, request, name):
        if name != self.calendar_name:
            raise Http404
        return calendar_response(self, request)


class EventPage(BasePage):
    """A training, webinar or other event: when, where or online, who organises, how to register."""

    lead = models.TextField(_("lead"), max_length=600, blank=True)
    starts_at = models.DateTimeField(
        _("starts at"), help_text=_("In the time zone of your admin account (Finnish time unless you changed it).")
    )
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(_("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    attendance_mode = models.CharField(
        _("how to attend"), max_length=16, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    online_url = models.URLField(
        _("online address"),
        blank=True,
        help_text=_("Where to join online, if it can be public; otherwise registrants get it by e-mail."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("e.g. the building or room"))
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200)
    registration_url = models.URLField(_("registration address"), blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("After this, the page says registration has closed and no longer shows the registration link."),
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="events", verbose_name=_("themes"), limit_choices_to=default_locale_only
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    recording = models.ForeignKey(
        "materials.MaterialPage",
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("After the event: its recording or other material in the material registry."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("status"),
                FieldPanel("organiser"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("When and who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_closes_at")], heading=_("Registration")
        ),
        FieldPanel("body"),
        PageChooserPanel("recording", page_type="materials.MaterialPage"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("organiser"),
        index.SearchField("venue"),
        index.SearchField("locality"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("status"),
        SynchronizedField("attendance_mode"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_closes_at"),
        SynchronizedField("themes"),
        SynchronizedField("recording"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED) and not self.locality:
            errors["locality"] = _("Say where the event takes place.")
        if self.registration_closes_at and self.ends_at and self.registration_closes_at > self.ends_at:
            errors["registration_closes_at"] = _("Registration must close before the event ends.")
        if errors:
            raise ValidationError(errors)

    # --- What the page says about itself ------------------------------------------------------

    @property
    def card_summary(self):
        return self.listing_summary or self.lead or self.search_description

    @property
    def description(self):
        """Plain text for the calendar feed and structured data."""
        return strip_tags(self.card_summary or "")

    def is_past(self, now=None):
        return self.ends_at <= (now or timezone.now())

    @property
    def is_online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED)

    @property
    def is_on_site(self):
        return self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED)

    @property
    def address_lines(self):
        """The place as lines: venue, street address, postal code and town."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return [line for line in (self.venue, self.street_address, town) if line] if self.is_on_site else []

    def registration_status(self, now=None):
        """Open until the closing time (or, without one, until the event ends); closed after it."""
        if not (self.registration_url or self.registration_closes_at):
            return RegistrationStatus.NONE
        now = now or timezone.now()
        closes = self.registration_closes_at or self.ends_at
        if self.status == EventStatus.CANCELLED or now >= closes or now >= self.ends_at:
            return RegistrationStatus.CLOSED
        return RegistrationStatus.OPEN

    def moments(self):
        """When what this page shows changes by the clock alone: registration closes, the event ends."""
        return [moment for moment in (self.registration_closes_at, self.ends_at) if moment]

    @staticmethod
    def next_change(events, now=None):
        """The nearest moment ahead at which one of `events` ends (or its registration closes)."""
        now = now or timezone.now()
        ahead = events.filter(ends_at__gt=now).order_by("ends_at").values_list("ends_at", flat=True).first()
        closing = (
            events.filter(registration_closes_at__gt=now)
            .order_by("registration_closes_at")
            .values_list("registration_closes_at", flat=True)
            .first()
        )
        moments = [moment for moment in (ahead, closing) if moment]
        return min(moments) if moments else None

    def localized_themes(self):
        return sorted(localized_objects(self.themes.all()), key=lambda theme: theme.name)

    def recordings(self):
        """The recording as a list of pages (the open data API's page links check what is visible)."""
        return [self.recording] if self.recording_id else []

    @cached_property
    def shown_recording(self):
        """The recording in the active language, if a visitor may see it."""
        if self.recording_id is None:
            return None
        shown = visible_localized([self.recording]).get(self.recording_id)
        return shown.specific if shown else None

    @cached_property
    def content_language(self):
        """The language the page's text is in: the source's for an alias (an untranslated copy)."""
        if self.alias_of_id:
            source = Page.objects.filter(pk=self.alias_of_id).select_related("locale").first()
            if source is not None:
                return source.locale.language_code
        return self.locale.language_code

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["registration"] = self.registration_status(now)
        context["is_past"] = self.is_past(now)
        context["themes"] = self.localized_themes()
        context["recording"] = self.shown_recording
        context["index_page"] = self.get_parent().specific
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        now = timezone.now()
        changes_at(request, min((moment for moment in self.moments() if moment > now), default=None))
        return response

    def json_ld(self, request):
        """The event as a schema.org `Event`, for search engines and calendars (see cms.structured_data)."""
        return [event_json_ld(self, request)]
