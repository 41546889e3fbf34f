"""The featured-practices block that home and content pages offer: cards of chosen or recommended practices.

Apart from `practices.blocks` (the practice's own sections), because it reads the practice
models that those sections are part of.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from cms.visibility import kept_for_the_public, visible_pages

from .models.assessment import PanelAssessment, recommended_subquery
from .models.practice import PracticeModelPage


class FeaturedPracticesStructValue(blocks.StructValue):
    def featured(self):
        """The chosen practices, or the latest recommended ones, live in the active locale.

        (Not named `practices`: the template would find the block's own field of that name.)
        Kept until what the public sees changes.
        """
        locale = Locale.get_active()
        chosen = [page for page in self.get("practices") or [] if page is not None]
        key = f"{locale.pk}:{','.join(str(page.pk) for page in chosen)}:{self.get('count')}"
        return kept_for_the_public("featured-practices", key, lambda: self._read_featured(locale, chosen))

    def _read_featured(self, locale, chosen):
        queryset = (
            visible_pages(PracticeModelPage.objects.filter(locale=locale))
            .annotate(recommendation=recommended_subquery())
            .defer_streamfields()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
        )
        if chosen:
            keys = [page.translation_key for page in chosen]
            by_key = {page.translation_key: page for page in queryset.filter(translation_key__in=keys)}
            practices = [by_key[key] for key in keys if key in by_key]
        else:
            practices = list(
                queryset.filter(recommendation=PanelAssessment.RECOMMEND).order_by("-first_published_at")[
                    : self.get("count") or 3
                ]
            )
        for practice in practices:
            practice.recommended = practice.recommendation == PanelAssessment.RECOMMEND
        return practices


class FeaturedPracticesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticeModelPage", label=_("Practice model")),
        label=_("Chosen practices"),
        required=False,
        default=[],
        help_text=_("Leave empty to show the latest practices the expert panel recommends."),
    )
    count = blocks.IntegerBlock(label=_("How many"), required=False, default=3, min_value=1, max_value=12)

    class Meta:
        icon = "pick"
        label = _("Featured practices")
        template = "practices/blocks/featured_practices_block.html"
        value_class = FeaturedPracticesStructValue
        description = _("Cards of chosen practice models, or of the latest recommended ones.")
        preview_value = {"heading": "Hyviä käytäntöjä", "practices": [], "count": 3}
