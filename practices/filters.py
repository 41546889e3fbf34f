"""The practice collection's facets: theme, target group, region, stage, the panel's mark and adoption elsewhere."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.facets import Facet, FacetedListing, FlagFacet, terms
from cms.visibility import visible_pages
from cms.vocabulary import Region

from .adoption import ADOPTED_CONDITION
from .models.assessment import PanelAssessment, recommended_subquery
from .models.practice import PracticeModelPage
from .models.taxonomy import DevelopmentStage, TargetGroup, Theme


class PracticeListing(FacetedListing):
    theme = Facet("themes__slug", label=_("Theme"), choices=terms(Theme))
    target_group = Facet("target_groups__slug", label=_("Target group"), choices=terms(TargetGroup))
    region = Facet("region", label=_("Region"), choices=Region.choices)
    stage = Facet("development_stage", label=_("Development stage"), choices=DevelopmentStage.choices)
    recommended = FlagFacet(
        label=_("Expert panel"),
        option_label=_("Recommended by the expert panel"),
        condition=Q(recommendation=PanelAssessment.RECOMMEND),
    )
    adopted = FlagFacet(
        label=_("Adoption"),
        option_label=_("Adopted elsewhere"),
        condition=ADOPTED_CONDITION,
    )

    def __init__(self, index_page, params, page_number=None):
        practices = visible_pages(PracticeModelPage.objects.child_of(index_page)).annotate(
            recommendation=recommended_subquery()
        )
        super().__init__(params, practices, page_number, source=index_page.pk)

    def results(self):
        return (
            self.filtered()
            .defer_streamfields()
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
            .order_by("-first_published_at", "title")
        )

    def practices(self):
        """The practices of the page, with their themes named in the active language."""
        theme_names = {term.translation_key: term.name for term in self.terms(Theme).values()}
        practices = list(self.page_obj.object_list)
        for practice in practices:
            practice.theme_names = sorted(theme_names.get(t.translation_key, t.name) for t in practice.themes.all())
            practice.recommended = practice.recommendation == PanelAssessment.RECOMMEND
        return practices


def condition(name, values):
    """The facet `name` with any of `values` as a condition on practices (for `opendata.endpoints`).

    `recommended` needs the `recommendation` annotation (`recommended_subquery()`).
    """
    return PracticeListing.base_filters[name].condition_for(PracticeModelPage, values)
