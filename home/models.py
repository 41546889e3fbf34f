from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BaseStreamBlock, DocumentListBlock, KeyFiguresBlock
from cms.models import BasePage
from cms.search_text import every_language, join
from cms.visibility import kept_for_the_public, visible_localized, visible_pages
from cms.vocabulary import OptionalPeriodMixin, Region

from .blocks import HomeStreamBlock, ProjectStreamBlock
from .choices import CallRound, OutdatedNotice, PilotTheme
from .pilot_filters import PilotListing


class HomePage(BasePage):
    """The root of each language tree."""

    @property
    def localized(self):
        """Wagtail's `localized` (the live translation in the active language, else this page),
        kept until what the public sees changes: every Swedish and English request is routed from
        it (`Page.route_for_request` calls `site.root_page.localized`), two queries each time."""
        try:
            locale = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):
            return self
        if locale.pk == self.locale_id:
            return self
        return kept_for_the_public(
            "localized-home", f"{self.pk}:{locale.pk}", lambda: BasePage.localized.fget(self).specific, copies=True
        )

    def json_ld(self, request):
        from cms.structured_data import home

        return home(self, request)

    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_lead = models.TextField(_("lead text"), max_length=600, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty only if the image is decorative."),
    )
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_lead"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_heading", boost=2),
        index.SearchField("hero_lead"),
        index.SearchField("body"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("hero_image")
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ProjectPage",
        "blog.BlogIndexPage",
        "materials.MaterialIndexPage",
        "practices.PracticeIndexPage",
        "events.EventIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage):
    """A generic page: about, accessibility statement, comment policy."""

    lead = models.TextField(_("lead"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class OutdatedNoticeMixin(models.Model):
    """The "produced during the project; may be partly out of date" notice.

    Editors switch it on for a project; the pages below inherit it unless one of them
    shows or hides it itself. The nearest ancestor that decides is found in one query.
    """

    outdated_notice = models.CharField(
        _("out-of-date notice"),
        max_length=10,
        choices=OutdatedNotice.choices,
        default=OutdatedNotice.INHERIT,
        help_text=_(
            'The notice "Produced during the project; may be partly out of date". '
            "Pages below this one follow this choice unless they make their own."
        ),
    )

    class Meta:
        abstract = True

    @cached_property
    def shows_outdated_notice(self):
        if self.outdated_notice != OutdatedNotice.INHERIT:
            return self.outdated_notice == OutdatedNotice.SHOW
        # Ancestor paths follow from the page's own path: no query needed to list them.
        steplen = self.steplen
        ancestor_paths = [self.path[:end] for end in range(steplen, len(self.path or ""), steplen)]
        if not ancestor_paths:
            return False
        decided = (
            ProjectPage.objects.filter(path__in=ancestor_paths)
            .exclude(outdated_notice=OutdatedNotice.INHERIT)
            .order_by("-depth")
            .values_list("outdated_notice", flat=True)
            .first()
        )
        return decided == OutdatedNotice.SHOW


class ProjectPage(OptionalPeriodMixin, BasePage, OutdatedNoticeMixin):  # noqa: DJ008 (Page has __str__)
    """The overview of a development project or of one of its sub-projects.

    Sub-projects are child ProjectPages, shown as cards; the pilot reports anywhere
    below the page are listed with filters.
    """

    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    funder = models.CharField(
        _("funder"), max_length=200, blank=True, help_text=_("e.g. European Social Fund")
    )
    coordinator = models.CharField(_("coordinator organisation"), max_length=200, blank=True)
    key_figures = StreamField(
        [("key_figures", KeyFiguresBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("key figures"),
    )
    body = StreamField(ProjectStreamBlock(), blank=True, verbose_name=_("body"))
    documents = StreamField(
        [("documents", DocumentListBlock())],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Reports and other files of the project, in titled groups."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                OptionalPeriodMixin.date_range_panel(),
                FieldPanel("funder"),
                FieldPanel("coordinator"),
            ],
            heading=_("Project facts"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("outdated_notice"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("funder"),
        index.SearchField("coordinator"),
        index.SearchField("body"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + OptionalPeriodMixin.period_translatable_fields
        + [SynchronizedField("outdated_notice")]
    )

    parent_page_types = ["home.HomePage", "home.ProjectPage"]
    subpage_types = ["home.ProjectPage", "home.PilotReportPage"]

    date_range_error = _("The project cannot end before it starts.")

    class Meta:
        verbose_name = _("project page")

    def sub_projects(self):
        return (
            visible_pages(ProjectPage.objects.child_of(self))
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .defer_streamfields()
        )

    def pilot_reports(self):
        return (
            visible_pages(PilotReportPage.objects.descendant_of(self))
            .defer_streamfields()
            .order_by("call_round", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sub_projects"] = kept_for_the_public(
            "sub-projects", self.pk, lambda: list(self.sub_projects()), copies=True
        )
        pilots = PilotListing(self.pilot_reports(), request.GET, request.GET.get("page"), source=self.pk)
        context["pilots"] = pilots if pilots.totals["pilots"] else None
        return context


class PilotReportPage(OptionalPeriodMixin, BasePage, OutdatedNoticeMixin):  # noqa: DJ008 (Page has __str__)
    """The report of one pilot project of a call for pilots."""

    organisations = models.CharField(
        _("organisations"),
        max_length=500,
        help_text=_("The organisation or organisations that ran the pilot, separated by commas."),
    )
    municipality = models.CharField(_("municipality"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    call_round = models.PositiveSmallIntegerField(_("call round"), choices=CallRound.choices)
    theme = models.CharField(_("theme"), max_length=30, choices=PilotTheme.choices)
    summary = models.TextField(_("summary"), max_length=1000)
    findings = RichTextField(
        _("findings"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
    )
    documents = StreamField(
        [("documents", DocumentListBlock())],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Modelling and evaluation reports and other files, in titled groups."),
    )
    practice_models = StreamField(
        [("practice_model", PageChooserBlock(page_type="practices.PracticeModelPage", label=_("Practice model")))],
        blank=True,
        verbose_name=_("practice models"),
        help_text=_("The practice models that grew out of this pilot."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisations"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("call_round"), FieldPanel("theme")]),
                OptionalPeriodMixin.date_range_panel(),
            ],
            heading=_("Pilot facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("findings"),
        FieldPanel("documents"),
        FieldPanel("practice_models"),
        FieldPanel("outdated_notice"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("organisations", boost=1.5),
        index.SearchField("municipality", boost=1.5),
        index.SearchField("findings"),
        index.SearchField("search_facts", boost=2),
        index.FilterField("call_round"),
        index.FilterField("theme"),
        index.FilterField("region"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + OptionalPeriodMixin.period_translatable_fields
        + [
            SynchronizedField("call_round"),
            SynchronizedField("theme"),
            SynchronizedField("region"),
            SynchronizedField("outdated_notice"),
            SynchronizedField("practice_models"),
        ]
    )

    parent_page_types = ["home.ProjectPage"]
    subpage_types = []

    date_range_error = _("The pilot cannot end before it starts.")

    class Meta:
        verbose_name = _("pilot report")
        verbose_name_plural = _("pilot reports")

    def search_facts(self):
        """Call round, theme and region, by every name they go by."""
        return join(
            every_language(CallRound(self.call_round).label if self.call_round in CallRound.values else ""),
            every_language(PilotTheme(self.theme).label if self.theme in PilotTheme.values else ""),
            every_language(Region(self.region).label if self.region in Region.values else ""),
        )

    def practice_model_pages(self):
        """The linked practice models in the active language, those a visitor may see."""
        pages = [block.value for block in self.practice_models if block.value]
        shown = visible_localized(pages)
        return [shown[page.pk] for page in pages if page.pk in shown]
