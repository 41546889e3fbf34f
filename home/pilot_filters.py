"""Filtering the pilot reports below a project: by call round, theme and region.

Values arrive as GET parameters so a filtered list can be shared as a link. Several
values of one filter widen the list (OR), different filters narrow it (AND). Each
option's count is computed with the *other* filters applied, so it says how many
pilots the list would show if that option were added. Unknown or malformed values
make their filter invalid and it is ignored, never an error page.

The number of queries does not depend on the number of pilots: one aggregate for the
totals, one grouped count per filter, and the paginator's count and page.
"""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from cms.vocabulary import Region

from .choices import CallRound, PilotTheme

PILOTS_PER_PAGE = 12


class PilotFilterForm(forms.Form):
    round = forms.TypedMultipleChoiceField(
        label=_("Call round"), choices=CallRound.choices, coerce=int, required=False
    )
    theme = forms.MultipleChoiceField(label=_("Theme"), choices=PilotTheme.choices, required=False)
    region = forms.MultipleChoiceField(label=_("Region"), choices=Region.choices, required=False)


# Form field name -> model field name.
FILTER_FIELDS = {"round": "call_round", "theme": "theme", "region": "region"}


@dataclass
class FilterOption:
    value: object
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list

    @property
    def id(self):
        return f"pilot-filter-{self.name}"


class PilotListing:
    """The filtered, paginated pilots of one project, with counts and totals."""

    def __init__(self, pilots, data, page_number=None):
        self.all_pilots = pilots
        form = PilotFilterForm(data)
        form.is_valid()  # an invalid filter is dropped from cleaned_data, i.e. ignored
        self.form = form
        self.selected = {
            name: form.cleaned_data[name] for name in FILTER_FIELDS if form.cleaned_data.get(name)
        }
        self.totals = pilots.aggregate(pilots=Count("pk"), rounds=Count("call_round", distinct=True))
        self.facets = [self._facet(name) for name in FILTER_FIELDS]
        self.results = self._filtered(pilots)
        self.page_obj = Paginator(self.results, PILOTS_PER_PAGE).get_page(page_number)

    @property
    def is_filtered(self):
        return bool(self.selected)

    @property
    def result_count(self):
        return self.page_obj.paginator.count

    def _filtered(self, queryset, skip=None):
        for name, values in self.selected.items():
            if name != skip:
                queryset = queryset.filter(**{f"{FILTER_FIELDS[name]}__in": values})
        return queryset

    def _facet(self, name):
        field = FILTER_FIELDS[name]
        counts = dict(
            self._filtered(self.all_pilots, skip=name)
            .order_by()
            .values_list(field)
            .annotate(count=Count("pk"))
        )
        selected = self.selected.get(name, [])
        form_field = self.form.fields[name]
        options = [
            FilterOption(value, label, counts.get(value, 0), value in selected)
            for value, label in form_field.choices
            if counts.get(value) or value in selected
        ]
        return Facet(name, form_field.label, options)
