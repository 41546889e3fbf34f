"""Good practices: practice models, thematic calls, their taxonomies and the expert panel's review."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext, override
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Locale, TranslatableMixin
from wagtail.rich_text import RichText
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BaseStreamBlock, ContactPersonBlock
from cms.localized import localized_objects
from cms.models import BasePage, default_locale_only
from cms.search_text import every_language, every_translation, join
from cms.visibility import visible_pages
from cms.vocabulary import DateRangeMixin, Region, TranslatableTerm

from .blocks import SECTION_ORDER, PracticeSectionsBlock
from .related import pilot_reports, related_practices

PANEL_GROUP_NAME = "Expert panel"
PANEL_WORKFLOW_NAME = "Expert panel review"


class DevelopmentStage(models.TextChoices):
    IDEA = "idea", _("Idea")
    IN_DEVELOPMENT = "in_development", _("In development")
    PILOTED = "piloted", _("Piloted")
    ESTABLISHED = "established", _("Established")
    ENDED = "ended", _("Ended")


# --- Translatable taxonomies ----------------------------------------------------------------


class Theme(TranslatableTerm):
    class Meta(TranslatableTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(TranslatableTerm):
    class Meta(TranslatableTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Criterion(TranslatableMixin, models.Model):
    """One of the six criteria of a good practice: data the panel assesses against, not template text."""

    key = models.SlugField(_("key"), max_length=50, help_text=_("A stable identifier, the same in every language."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"))

    override_translatable_fields = [SynchronizedField("key"), SynchronizedField("order")]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("order"), FieldPanel("key")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("good-practice criterion")
        verbose_name_plural = _("good-practice criteria")
        constraints = [models.UniqueConstraint(fields=["locale", "key"], name="practices_criterion_unique_key")]

    def __str__(self):
        return self.name

    @classmethod
    def source_criteria(cls):
        """The criteria in the default language: what verdicts point to."""
        return cls.objects.filter(locale=Locale.get_default())


# --- Pages ------------------------------------------------------------------------------------


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


class PracticeIndexPage(RoutablePageMixin, BasePage):
    """The good-practice collection: every practice and call lives under it.

    Its `kriteerit/` (sv `kriterier/`, en `criteria/`) explains the six criteria the expert
    panel assesses practices against, from the criteria's own data (`Criterion`).
    """

    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.PracticeModelPage", "practices.PracticeCallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice collection")

    def get_context(self, request, *args, **kwargs):
        from .filters import PracticeListing

        context = super().get_context(request, *args, **kwargs)
        listing = PracticeListing(self, request.GET, request.GET.get("page"))
        context["listing"] = listing
        context["facets"] = listing.facets
        context["page_obj"] = listing.page_obj
        context["practices"] = listing.practices()
        context["calls"] = (
            visible_pages(PracticeCallPage.objects.child_of(self)).order_by("-closes_at").defer_streamfields()
        )
        return context

    @staticmethod
    def localized_criteria():
        """The criteria in the active language; one not translated yet in the default language, marked `lang`."""
        active = Locale.get_active()
        criteria = localized_objects(Criterion.source_criteria(), active)
        fallback = settings.LANGUAGE_CODE
        for criterion in criteria:
            criterion.lang = None if criterion.locale_id == active.pk else fallback
        return criteria

    @path("")
    def index(self, request):
        return self.render(request)

    @re_path(r"^(?P<name>{})/$".format("|".join(CRITERIA_SLUGS.values())))
    def criteria(self, request, name):
        from cms.templatetags.cms_tags import live_translations

        if name != CRITERIA_SLUGS.get(self.locale.language_code):
            raise Http404
        versions = {**live_translations(self, request), self.locale.language_code: self}
        language_urls = {
            code: f"{version.url}{CRITERIA_SLUGS[code]}/" for code, version in versions.items() if code in CRITERIA_SLUGS
        }
        return self.render(
            request,
            template="practices/criteria_page.html",
            context_overrides={
                "criteria": self.localized_criteria(),
                "language_urls": language_urls,
                "alternates": sorted((code, request.build_absolute_uri(url)) for code, url in language_urls.items()),
            },
        )


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
        assessment = self.panel_assessment
        if assessment is not None and assessment.recommended:
            context["assessment"] = assessment
            context["verdicts"] = assessment.localized_verdicts()
        context["related_practices"] = related_practices(self)
        context["pilot_reports"] = pilot_reports(self)
        return context


def recommended_subquery():
    """The recommendation of the latest assessment of each page's translation family."""
    return Subquery(
        PanelAssessment.objects.filter(page__translation_key=OuterRef("translation_key"))
        .order_by("-created_at", "-pk")
        .values("recommendation")[:1]
    )


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


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
        from .views import call_view

        return call_view(self, request)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        from .views import thanks_view

        return thanks_view(self, request)


class PracticeSubmission(models.Model):
    """Who submitted which practice to which call: kept for the centre, never shown publicly."""

    call = models.ForeignKey(
        PracticeCallPage, verbose_name=_("call"), null=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    practice = models.ForeignKey(
        PracticeModelPage, verbose_name=_("practice"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("submitter's name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    # Emptied by `purge_personal_data` once a submission that was not accepted is old enough.
    email = models.EmailField(_("e-mail"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # The confirmation and the centre's notice go out after the submission is stored; if
    # sending fails the submission stays, and the centre sees why here.
    emails_sent_at = models.DateTimeField(_("e-mails sent at"), null=True, blank=True)
    email_error = models.TextField(_("e-mail error"), blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("practice submission")
        verbose_name_plural = _("practice submissions")

    def __str__(self):
        return f"{self.practice or '–'} ({self.name}, {self.organisation})"


# --- The expert panel's review ------------------------------------------------------------------


class ExpertPanelReviewTask(AbstractGroupApprovalTask):
    """A workflow task in which a panel member assesses the practice against every criterion.

    Recording the assessment requires a verdict and a justification for each criterion
    and a recommendation (the form refuses anything less, and `on_action` checks again
    because the page editor's action menu passes the data in without the view validating
    it). What the panel judged is what is published: the assessment names the revision
    the panel was shown, the task is moved onto it, and the finishing action publishes
    exactly that revision (`practices.workflows`). If someone else changed the practice
    after the panel opened it, nothing is recorded and the panel judges again.

    "Recommend" approves (and so publishes); "do not recommend" rejects: the practice is
    not published and the assessment goes back to the editors as the task's comment, and
    to the submitter of a submitted practice by e-mail (`practices.verdict_mail`).
    """

    class Meta:
        verbose_name = _("expert panel review")
        verbose_name_plural = _("expert panel reviews")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups assess the practice against the good-practice criteria")

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Record the assessment"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from .forms import PanelAssessmentForm

        if action == "approve":
            return PanelAssessmentForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return "practices/admin/panel_assessment_modal.html"
        return super().get_template_for_action(action)

    def judged_revision(self, task_state, user, revision_id):
        """The revision the panel judged, or PermissionDenied when someone else changed the practice since.

        Newer revisions by the panel member themself are theirs to judge: the page editor
        saves the member's own edits just before it records the assessment.
        """
        revisions = task_state.workflow_state.content_object.revisions
        revision = revisions.filter(pk=revision_id).first()
        if revision is None:
            raise PermissionDenied(_("The revision to assess does not belong to this practice."))
        newer = revisions.filter(pk__gt=revision.pk)
        if newer.exclude(user=user).exists():
            raise PermissionDenied(
                _("The practice was changed after you opened the assessment: look at the changes and judge again.")
            )
        return newer.order_by("-pk").first() or revision

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from .forms import PanelAssessmentForm
        from .verdict_mail import send_verdict_to_submitter

        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        if not (user.is_superuser or self._user_in_groups(user)):
            raise PermissionDenied
        form = PanelAssessmentForm(data=kwargs, check_latest=False)
        if not form.is_valid():
            raise PermissionDenied(_("The assessment is incomplete: every criterion needs a verdict."))
        revision = self.judged_revision(task_state, user, form.cleaned_data["revision"])
        if task_state.revision_id != revision.pk:
            task_state.revision = revision
            task_state.save(update_fields=["revision"])
        assessment = form.save(task_state=task_state, user=user, revision=revision)
        if assessment.recommended:
            task_state.approve(user=user, comment=form.cleaned_data.get("comment", ""))
        else:
            task_state.reject(user=user, comment=assessment.as_text())
        transaction.on_commit(lambda: send_verdict_to_submitter(assessment))
        return reverse("practices_assessment_recorded", args=[assessment.pk])


def follow_latest_revision(sender, instance, created, **kwargs):
    """Keep a panel review on the latest revision while it waits, so the panel's preview shows what it will judge.

    Wagtail pins a task to the revision it started on; an editor may still change the
    practice while it waits for the panel.
    """
    if not created:
        return
    from wagtail.models import TaskState

    TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type_id=instance.base_content_type_id,
        workflow_state__object_id=instance.object_id,
        task__in=ExpertPanelReviewTask.objects.all(),
    ).exclude(revision=instance).update(revision=instance)


class PanelAssessment(models.Model):
    """The panel's assessment of one revision of a practice: a recommendation and a verdict per criterion."""

    RECOMMEND = "recommend"
    DO_NOT_RECOMMEND = "do_not_recommend"
    RECOMMENDATION_CHOICES = [
        (RECOMMEND, _("Recommend as a good practice")),
        (DO_NOT_RECOMMEND, _("Do not recommend")),
    ]

    page = models.ForeignKey(
        PracticeModelPage, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="panel_assessments"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision assessed"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        verbose_name=_("task"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessor"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=RECOMMENDATION_CHOICES)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("assessed at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("panel assessment")
        verbose_name_plural = _("panel assessments")

    def __str__(self):
        return f"{self.page} – {self.get_recommendation_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def recommended(self):
        return self.recommendation == self.RECOMMEND

    @property
    def language(self):
        """The panel writes its justifications in the source language."""
        return settings.LANGUAGE_CODE

    @property
    def published(self):
        """Whether the revision the panel judged is the practice's live one."""
        return self.revision_id is not None and self.page.live_revision_id == self.revision_id

    def as_form_data(self):
        """The assessment as the panel's form data: what a new review starts from."""
        data = {"recommendation": self.recommendation, "comment": self.comment}
        for verdict in self.verdicts.select_related("criterion"):
            data[f"verdict_{verdict.criterion.key}"] = verdict.verdict
            data[f"justification_{verdict.criterion.key}"] = verdict.justification
        return data

    def as_text(self, language=None):
        """The assessment as plain text, in `language` (default: the active one), e.g. for the editors."""
        with override(language or get_language()):
            lines = [str(self.get_recommendation_display())]
            for verdict in self.localized_verdicts():
                lines.append(f"{verdict.localized_criterion.name}: {verdict.get_verdict_display()}")
                lines.append(f"  {verdict.justification}")
            if self.comment:
                lines.append(gettext("Comment: %(comment)s") % {"comment": self.comment})
        return "\n".join(lines)

    def localized_verdicts(self):
        """The verdicts in criterion order, each with its criterion in the active language."""
        verdicts = list(self.verdicts.select_related("criterion"))
        criteria = localized_objects([verdict.criterion for verdict in verdicts])
        for verdict, criterion in zip(verdicts, criteria, strict=True):
            verdict.localized_criterion = criterion
        return sorted(verdicts, key=lambda v: (v.criterion.order, v.criterion.pk))


class CriterionVerdict(models.Model):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    VERDICT_CHOICES = [(MET, _("Met")), (PARTLY_MET, _("Partly met")), (NOT_MET, _("Not met"))]

    assessment = models.ForeignKey(
        PanelAssessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="verdicts"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="verdicts"
    )
    verdict = models.CharField(_("verdict"), max_length=20, choices=VERDICT_CHOICES)
    justification = models.TextField(_("justification"))

    class Meta:
        verbose_name = _("criterion verdict")
        verbose_name_plural = _("criterion verdicts")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="practices_one_verdict_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_verdict_display()}"



# --- Adoption reports ---------------------------------------------------------------------------


class AdoptionReport(models.Model):
    """"We took this into use": an organisation reports that it adopted a practice. Public only once approved.

    The report belongs to the practice's translation family (the foreign key names the
    source-language page where there is one; every translation shows the same reports).
    The contact name and address are for the centre and the practice's editors only: they
    are never rendered on the public site (`practices.adoption`).
    """

    HELD = "held"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUS_CHOICES = [(HELD, _("Waiting for moderation")), (APPROVED, _("Approved")), (REJECTED, _("Rejected"))]

    practice = models.ForeignKey(
        PracticeModelPage, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="adoption_reports"
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True)
    adopted_on = models.DateField(_("taken into use"), help_text=_("The month it was taken into use (day 1)."))
    adapted = models.TextField(_("what was adapted"), max_length=2000, blank=True)
    experiences = models.TextField(_("experiences"), max_length=4000)
    language = models.CharField(_("language"), max_length=8, help_text=_("The language the report was written in."))
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=HELD)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderated by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        ordering = ["-adopted_on", "-pk"]
        verbose_name = _("adoption report")
        verbose_name_plural = _("adoption reports")
        indexes = [models.Index(fields=["status", "practice"], name="practices_adoption_status")]

    def __str__(self):
        return f"{self.organisation}, {self.municipality}: {self.practice}"
