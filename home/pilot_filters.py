"""The pilot reports below a project, with facets for call round, theme and region, and totals."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from cms.facets import Facet, FacetedListing
from cms.visibility import kept_for_the_public
from cms.vocabulary import Region

from .choices import CallRound, PilotTheme

PILOTS_PER_PAGE = 12


class PilotListing(FacetedListing):
    per_page = PILOTS_PER_PAGE
    id_prefix = "pilot-filter"

    round = Facet("call_round", label=_("Call round"), choices=CallRound.choices)
    theme = Facet("theme", label=_("Theme"), choices=PilotTheme.choices)
    region = Facet("region", label=_("Region"), choices=Region.choices)

    def __init__(self, pilots, params, page_number=None, *, source=None):
        super().__init__(params, pilots, page_number, source=source)

        def read():
            return pilots.aggregate(pilots=Count("pk"), rounds=Count("call_round", distinct=True))

        # Kept with the counts when the listing says what its pilots start from (its page).
        self.totals = read() if source is None else kept_for_the_public("pilot-totals", source, read)


# GET parameter -> model field, for `opendata.endpoints`.
FILTER_FIELDS = {name: facet.field_name for name, facet in PilotListing.base_filters.items()}
