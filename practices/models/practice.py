"""The practice model page, and the link every page of the collection makes to its criteria page."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField
from wagtail.rich_text import RichText
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import ContactPersonBlock
from cms.localized import localized_objects
from cms.models import BasePage, default_locale_only
from cms.search_text import every_language, every_translation, join
from cms.visibility import kept_for_the_public
from cms.vocabulary import Region

from ..blocks import SECTION_ORDER, PracticeSectionsBlock
from ..related import pilot_reports, related_practices
from .assessment import PanelAssessment
from .taxonomy import DevelopmentStage, TargetGroup, Theme

CRITERIA_SLUGS = {"fi": "kriteerit", "sv": "kriterier", "en": "criteria"}


class CriteriaLinkMixin:
    """A page of the collection (a practice, a call) links to the collection's criteria page (`criteria_url`)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["criteria_url"] = self.criteria_url(request)
        return context

    def criteria_url(self, request):
        """The parent's criteria page, from the page's own address: no query."""
        url = self.get_url(request)
        if not url:
            return None
        slug = CRITERIA_SLUGS.get(get_language(), CRITERIA_SLUGS["fi"])
        return f"{url[: url.rstrip('/').rfind('/') + 1]}{slug}/"


def has_content(value):
    """False for a section added and left empty (rich text with no text, an empty list)."""
    if isinstance(value, RichText):
        return bool(strip_tags(value.source).strip())
    return bool(value)


class PracticeModelPage(CriteriaLinkMixin, BasePage):
    """A practice model in the Innokylä structure: basic information and one stream of sections."""

    short_description = models.TextField(_("short description"), max_length=800)
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, default=Region.NATIONAL)
    municipality = models.CharField(
        _("municipality"), max_length=200, blank=True, help_text=_("Leave empty for regional or national models.")
    )
    organisations = models.CharField(
        _("organisation(s)"), max_length=400, help_text=_("The organisations that run the model, separated by commas.")
    )
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    contact_person = StreamField(
        [("contact_person", ContactPersonBlock())], blank=True, max_num=1, verbose_name=_("contact person")
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="practices", verbose_name=_("themes"), limit_choices_to=default_locale_only
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        blank=True,
        related_name="practices",
        verbose_name=_("target groups"),
        limit_choices_to=default_locale_only,
    )
    development_stage = models.CharField(
        _("development stage"), max_length=32, choices=DevelopmentStage.choices, default=DevelopmentStage.IN_DEVELOPMENT
    )
    sections = StreamField(PracticeSectionsBlock(), verbose_name=_("sections"))
    practice_created = models.DateField(
        _("practice created"),
        null=True,
        blank=True,
        help_text=_(
            "When the practice itself was developed or first used, e.g. for a practice brought here from "
            "elsewhere. Shown on the page if given; the page's own publication dates are shown anyway."
        ),
    )

    related_practices = StreamField(
        [("practice", PageChooserBlock(page_type="practices.PracticeModelPage", label=_("Practice")))],
        blank=True,
        verbose_name=_("related practices"),
        help_text=_(
            "Shown first under “Related practices”, in this order; practices sharing themes and target "
            "groups fill the rest."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("short_description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("municipality")]),
                FieldPanel("organisations"),
                FieldRowPanel([FieldPanel("funder"), FieldPanel("author")]),
                FieldPanel("contact_person"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("development_stage"), FieldPanel("practice_created")]),
            ],
            heading=_("Basic information"),
        ),
        FieldPanel("sections"),
        FieldPanel("related_practices"),
    ]
    @classmethod
    def served_with(cls):
        return ("themes", "target_groups")

    search_fields = BasePage.search_fields + [
        index.SearchField("short_description", boost=2),
        index.SearchField("organisations", boost=1.5),
        index.SearchField("municipality"),
        index.SearchField("author"),
        index.SearchField("funder"),
        index.SearchField("search_facts", boost=2),
        index.SearchField("sections"),
        index.FilterField("region"),
        index.FilterField("development_stage"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("region"),
        SynchronizedField("development_stage"),
        SynchronizedField("practice_created"),
        SynchronizedField("themes"),
        SynchronizedField("target_groups"),
        SynchronizedField("related_practices"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice model")

    @property
    def card_summary(self):
        return self.listing_summary or self.short_description

    def search_facts(self):
        """Themes, target groups, region and development stage, by every name they go by."""
        return join(
            every_translation(list(self.themes.all())),
            every_translation(list(self.target_groups.all())),
            every_language(Region(self.region).label if self.region in Region.values else ""),
            every_language(
                DevelopmentStage(self.development_stage).label
                if self.development_stage in DevelopmentStage.values
                else ""
            ),
        )

    def ordered_sections(self):
        """The sections in the template's order, whatever order the editor entered them in.

        An optional section the editor added but left empty is not shown.
        """
        by_name = {child.block_type: child for child in self.sections if has_content(child.value)}
        return [
            {"name": name, "label": by_name[name].block.label, "block": by_name[name]}
            for name in SECTION_ORDER
            if name in by_name
        ]

    @cached_property
    def panel_assessment(self):
        """The panel's latest assessment of this practice, in whichever language it is read."""
        return (
            PanelAssessment.objects.filter(page__translation_key=self.translation_key)
            .select_related("revision")
            .first()
        )

    def shown_assessment(self):
        """(the panel's recommendation, its verdicts in the active language), or (None, []) when the
        latest assessment does not recommend the practice. Kept until what the public sees changes
        (recording an assessment changes it): two queries on every view of the page otherwise."""

        def read():
            assessment = self.panel_assessment
            if assessment is None or not assessment.recommended:
                return None, []
            return assessment, assessment.localized_verdicts()

        key = f"{self.translation_key}:{get_language()}"
        return kept_for_the_public("practice-assessment", key, read, copies=True)

    @property
    def is_good_practice(self):
        assessment = self.panel_assessment
        return assessment is not None and assessment.recommended

    def localized_terms(self, relation):
        """Themes or target groups in the active language (the page links to the source-language terms)."""
        return sorted(localized_objects(getattr(self, relation).all()), key=lambda term: term.name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.ordered_sections()
        context["themes"] = self.localized_terms("themes")
        context["target_groups"] = self.localized_terms("target_groups")
        assessment, verdicts = self.shown_assessment()
        if assessment is not None:
            context["assessment"] = assessment
            context["verdicts"] = verdicts
        context["related_practices"] = related_practices(self)
        context["pilot_reports"] = pilot_reports(self)
        return context
