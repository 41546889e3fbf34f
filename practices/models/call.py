"""The thematic call page: practitioners submit practices through its form while it is open."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BaseStreamBlock, ContactPersonBlock
from cms.models import BasePage
from cms.vocabulary import DateRangeMixin

from ..views import call_view, thanks_view
from .practice import CriteriaLinkMixin
from .taxonomy import CallStatus, Theme


class PracticeCallPage(CriteriaLinkMixin, DateRangeMixin, RoutablePageMixin, BasePage):
    """A thematic call: practitioners submit practices online while it is open."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead = models.TextField(_("lead"), max_length=600, blank=True)
    sought = RichTextField(_("what is sought"), features=["bold", "italic", "ul", "ol", "link"])
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    contact_person = StreamField(
        [("contact_person", ContactPersonBlock())], blank=True, max_num=1, verbose_name=_("contact person")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        FieldPanel("theme"),
        DateRangeMixin.date_range_panel("opens_at", "closes_at", heading=_("Call period")),
        FieldPanel("sought"),
        FieldPanel("contact_person"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.RelatedFields("theme", [index.SearchField("name")]),
        index.SearchField("sought"),
        index.SearchField("body"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("theme"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    date_range_fields = ("opens_at", "closes_at")
    date_range_equal_allowed = False
    date_range_error = _("The call must close after it opens.")

    class Meta:
        verbose_name = _("thematic call")

    def status(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return CallStatus.UPCOMING
        if now >= self.closes_at:
            return CallStatus.CLOSED
        return CallStatus.OPEN

    @property
    def is_open(self):
        return self.status() == CallStatus.OPEN

    @path("")
    def call(self, request):
        return call_view(self, request)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return thanks_view(self, request)
