"""The expert panel's assessment of a practice: a recommendation and a verdict per criterion."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import get_language, gettext, override
from django.utils.translation import gettext_lazy as _

from cms.localized import localized_objects

from .taxonomy import Criterion


class PanelAssessment(models.Model):
    """The panel's assessment of one revision of a practice: a recommendation and a verdict per criterion."""

    RECOMMEND = "recommend"
    DO_NOT_RECOMMEND = "do_not_recommend"
    RECOMMENDATION_CHOICES = [
        (RECOMMEND, _("Recommend as a good practice")),
        (DO_NOT_RECOMMEND, _("Do not recommend")),
    ]

    page = models.ForeignKey(
        "practices.PracticeModelPage",
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="panel_assessments",
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


def recommended_subquery():
    """The recommendation of the latest assessment of each page's translation family."""
    return Subquery(
        PanelAssessment.objects.filter(page__translation_key=OuterRef("translation_key"))
        .order_by("-created_at", "-pk")
        .values("recommendation")[:1]
    )
