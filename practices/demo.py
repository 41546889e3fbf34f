"""The practices' demo sections that only this app understands (data: `demo_data/practices.yaml`)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from cms.demo import TARGET_LANGUAGES, translate_object

from .intake import ensure_panel_workflow
from .models import AdoptionReport, Criterion, CriterionVerdict, PanelAssessment


def criteria(ctx, section):
    """The criteria come in Finnish from a migration; Swedish and English are their translations."""
    for criterion in Criterion.source_criteria():
        for language in TARGET_LANGUAGES:
            locale = Locale.objects.get(language_code=language)
            if criterion.has_translation(locale):
                ctx.progress(criterion.get_translation(locale), False)
                continue
            texts = ctx.resolve(section[criterion.key], language)
            translated = Criterion(key=criterion.key, order=criterion.order, **texts)
            ctx.progress(translate_object(criterion, language, translated, user=ctx.user), True)


def panel_workflow(ctx, section):
    for ref in section:
        for page in ctx.get(ref).get_translations(inclusive=True):
            ensure_panel_workflow(page)


def assessments(ctx, section):
    """Panel assessments as if the panel had reviewed each practice's published revision."""
    for slug, spec in section["practices"].items():
        page = ctx.objects[f"page:{slug}"]
        if page.panel_assessments.exists():
            ctx.progress(page.panel_assessments.first(), False)
            continue
        assessment = PanelAssessment.objects.create(
            page=page, revision=page.live_revision, assessor=ctx.user, recommendation=spec["recommendation"]
        )
        verdicts = spec.get("verdicts", {})
        for criterion in Criterion.source_criteria():
            verdict, justification = verdicts.get(criterion.key, (CriterionVerdict.MET, section["default_justification"]))
            CriterionVerdict.objects.create(assessment=assessment, criterion=criterion, verdict=verdict, justification=justification)
        ctx.progress(assessment, True)


def adoption_reports(ctx, section):
    """Approved adoption reports, as if organisations had sent them and a moderator had approved them."""
    for slug, reports in section.items():
        page = ctx.objects[f"page:{slug}"]
        for spec in reports:
            year, month = (int(part) for part in str(spec["adopted_on"]).split("-"))
            fields = {**spec, "adopted_on": datetime.date(year, month, 1)}
            report, created = AdoptionReport.objects.get_or_create(
                practice=page,
                organisation=spec["organisation"],
                defaults={**fields, "status": AdoptionReport.APPROVED, "moderated_by": ctx.user,
                          "moderated_at": timezone.now()},
            )
            ctx.progress(report, created)
