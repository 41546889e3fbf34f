"""What a practice page links to besides itself: related practices and the pilots it grew out of.

Related practices: those the editors chose first (in their order), then practices sharing
the most themes and target groups, newest first; one query whatever the number of
practices. Pilot reports: those whose "practice models" link to any language version of
the practice, found through Wagtail's reference index (which records the live content of
pages), in one query. Both only what a visitor may see, in the page's language tree.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from cms.visibility import kept_for_the_public, visible_pages

RELATED_LIMIT = 4


def chosen_ids(page):
    """The page ids the editors chose, in their order, read from the stream without loading the pages."""
    return [block["value"] for block in page.related_practices.raw_data if isinstance(block.get("value"), int)]


def related_practices(page, limit=RELATED_LIMIT):
    """Practices like `page` (of its type), the editors' choice first; see the module's docstring.
    Kept until what the public sees changes (`kept_for_the_public`): ranking every practice by
    shared terms is most of a practice page's time on a large site."""
    # The editors' choice is part of the key: a preview of a draft that changes it shows the draft's.
    key = f"{page.pk}:{limit}:{','.join(str(pk) for pk in chosen_ids(page))}"
    return kept_for_the_public("related-practices", key, lambda: _rank_related(page, limit))


def _rank_related(page, limit):
    practice_model = type(page)
    chosen = chosen_ids(page)
    themes = practice_model.themes.through.objects.filter(practicemodelpage_id=page.pk).values("theme_id")
    groups = practice_model.target_groups.through.objects.filter(practicemodelpage_id=page.pk).values(
        "targetgroup_id"
    )
    chosen_source = Page.objects.filter(pk__in=chosen, translation_key=OuterRef("translation_key")).values("pk")[:1]
    candidates = (
        visible_pages(practice_model.objects.filter(locale_id=page.locale_id))
        .exclude(translation_key=page.translation_key)
        .annotate(
            chosen_as=Subquery(chosen_source, output_field=IntegerField()),
            shared=Count("themes", filter=Q(themes__in=themes), distinct=True)
            + Count("target_groups", filter=Q(target_groups__in=groups), distinct=True),
        )
        .filter(Q(chosen_as__isnull=False) | Q(shared__gt=0))
        .defer_streamfields()
        .order_by(F("chosen_as").asc(nulls_last=True), "-shared", "-first_published_at", "pk")
    )
    found = list(candidates[: limit + len(chosen)])
    by_editors = sorted((p for p in found if p.chosen_as is not None), key=lambda p: chosen.index(p.chosen_as))
    return (by_editors + [p for p in found if p.chosen_as is None])[: max(limit, len(by_editors))]


def pilot_reports(page):
    """The visible pilot reports of the page's language tree that name the practice among their
    practice models (a list, kept until what the public sees changes)."""
    return kept_for_the_public("practice-pilots", page.pk, lambda: list(_referring_pilots(page)))


def _referring_pilots(page):
    # Not at the top: `home` depends on `practices` (its streams offer featured practices), so
    # importing it while `practices.models` loads would be an import cycle between the apps.
    from home.models import PilotReportPage

    page_type = ContentType.objects.get_for_model(Page)
    versions = Page.objects.filter(translation_key=page.translation_key).annotate(key=Cast("pk", CharField()))
    referring = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        to_content_type=page_type,
        to_object_id__in=versions.values("key"),
        model_path__startswith="practice_models",
    ).annotate(page_id=Cast("object_id", IntegerField()))
    pilot_keys = Page.objects.filter(pk__in=referring.values("page_id")).values("translation_key")
    return (
        visible_pages(PilotReportPage.objects.filter(locale_id=page.locale_id, translation_key__in=pilot_keys))
        .defer_streamfields()
        .order_by("call_round", "title")
    )
