"""The practice collection's filters: facets with counts, combined with AND, from GET parameters.

Each facet's counts are computed with every *other* active filter applied, so a count
says how many results choosing that option would give. Unknown or malformed values
are ignored. The number of queries does not depend on the number of practices: one
count query per facet, the page of results, and its prefetches.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.visibility import visible_pages

from .models import (
    DevelopmentStage,
    PanelAssessment,
    PracticeModelPage,
    Region,
    TargetGroup,
    Theme,
    recommended_subquery,
)

MAX_VALUES = 30
MAX_VALUE_LENGTH = 120


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    multiple: bool = True

    @property
    def active(self):
        return any(option.selected for option in self.options)


class PracticeListing:
    def __init__(self, index_page, params):
        self.index_page = index_page
        self.locale = Locale.get_active()
        self.themes = list(Theme.objects.filter(locale=self.locale).order_by("name"))
        self.target_groups = list(TargetGroup.objects.filter(locale=self.locale).order_by("name"))
        self.allowed = {
            "theme": {term.slug for term in self.themes},
            "target_group": {term.slug for term in self.target_groups},
            "region": set(Region.values),
            "stage": set(DevelopmentStage.values),
            "recommended": {"1"},
        }
        self.selected = {name: self.clean_values(params, name) for name in self.allowed}

    def clean_values(self, params, name):
        values = params.getlist(name)[:MAX_VALUES] if hasattr(params, "getlist") else []
        return [v for v in dict.fromkeys(values) if len(v) <= MAX_VALUE_LENGTH and v in self.allowed[name]]

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def base_queryset(self):
        return (
            visible_pages(PracticeModelPage.objects.child_of(self.index_page))
            .annotate(recommendation=recommended_subquery())
        )

    def apply(self, queryset, exclude=None):
        through_themes = PracticeModelPage.themes.through
        through_groups = PracticeModelPage.target_groups.through
        for name, values in self.selected.items():
            if not values or name == exclude:
                continue
            if name == "theme":
                queryset = queryset.filter(
                    pk__in=through_themes.objects.filter(theme__slug__in=values).values("practicemodelpage_id")
                )
            elif name == "target_group":
                queryset = queryset.filter(
                    pk__in=through_groups.objects.filter(targetgroup__slug__in=values).values("practicemodelpage_id")
                )
            elif name == "region":
                queryset = queryset.filter(region__in=values)
            elif name == "stage":
                queryset = queryset.filter(development_stage__in=values)
            elif name == "recommended":
                queryset = queryset.filter(recommendation=PanelAssessment.RECOMMEND)
        return queryset

    def results(self):
        return (
            self.apply(self.base_queryset())
            .defer_streamfields()
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
            .order_by("-first_published_at", "title")
        )

    def page(self, number, per_page):
        page_obj = Paginator(self.results(), per_page).get_page(number)
        theme_names = {term.translation_key: term.name for term in self.themes}
        for practice in page_obj.object_list:
            practice.theme_names = sorted(theme_names.get(t.translation_key, t.name) for t in practice.themes.all())
            practice.recommended = practice.recommendation == PanelAssessment.RECOMMEND
        return page_obj

    def facets(self):
        base = self.base_queryset()
        facets = [
            self.term_facet("theme", _("Theme"), self.themes, base, PracticeModelPage.themes.through, "theme"),
            self.term_facet(
                "target_group",
                _("Target group"),
                self.target_groups,
                base,
                PracticeModelPage.target_groups.through,
                "targetgroup",
            ),
            self.choice_facet("region", _("Region"), Region.choices, base, "region"),
            self.choice_facet("stage", _("Development stage"), DevelopmentStage.choices, base, "development_stage"),
        ]
        recommended = self.apply(base, exclude="recommended").filter(recommendation=PanelAssessment.RECOMMEND)
        facets.append(
            Facet(
                "recommended",
                _("Expert panel"),
                [
                    Option(
                        "1",
                        _("Recommended by the expert panel"),
                        recommended.count(),
                        "1" in self.selected["recommended"],
                    )
                ],
            )
        )
        return facets

    def term_facet(self, name, label, terms, base, through, target):
        pages = self.apply(base, exclude=name).values("pk")
        counts = dict(
            through.objects.filter(practicemodelpage_id__in=pages)
            .values_list(f"{target}__slug")
            .annotate(count=Count("practicemodelpage_id", distinct=True))
            .values_list(f"{target}__slug", "count")
        )
        return Facet(
            name,
            label,
            [Option(t.slug, t.name, counts.get(t.slug, 0), t.slug in self.selected[name]) for t in terms],
        )

    def choice_facet(self, name, label, choices, base, field_name):
        counts = dict(
            self.apply(base, exclude=name)
            .order_by()
            .values_list(field_name)
            .annotate(count=Count("pk"))
            .values_list(field_name, "count")
        )
        return Facet(
            name,
            label,
            [
                Option(value, choice_label, counts.get(value, 0), value in self.selected[name])
                for value, choice_label in choices
                if counts.get(value, 0) or value in self.selected[name]
            ],
        )
