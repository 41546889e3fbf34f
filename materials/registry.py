"""The registry's filters: language, type, theme and series, with counts per option.

Values come from GET parameters so every view of the registry is a shareable address
(`?language=so&type=video`). Several values of one filter widen the choice (OR), filters
combine (AND). Each option's count is the number of materials the visitor would get by
also choosing it, i.e. the facet is counted with every OTHER filter applied. Unknown or
malformed values are ignored, never an error.

The number of queries is fixed: one aggregate per facet, one for the results page and
one per prefetched relation, whatever the number of materials.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.localized import localized_objects
from cms.visibility import visible_pages

from .languages import LANGUAGES, LANGUAGES_BY_CODE
from .models import MaterialPage, MaterialSeries, MaterialTheme, MaterialType, MaterialVersion

MAX_VALUES = 20  # per filter; more is not a person choosing


def with_card_data(queryset):
    """Materials with what a card shows (languages, series, themes, image) fetched up front."""
    return (
        queryset.defer_streamfields()
        .select_related("series", "listing_image")
        .prefetch_related(
            Prefetch("versions", queryset=MaterialVersion.objects.only("id", "material_id", "language", "sort_order")),
            "themes",
            "listing_image__renditions",
        )
    )


def prepare_cards(materials, series_by_key=None, themes_by_key=None):
    """Attach what a card shows, read for the active locale in a fixed number of queries.

    `series_by_key` / `themes_by_key` map translation keys to the active locale's
    snippets when the caller has them already (the registry does).
    """
    materials = list(materials)
    if series_by_key is None:
        series = localized_objects([material.series for material in materials if material.series_id])
        series_by_key = {obj.translation_key: obj for obj in series}
    if themes_by_key is None:
        all_themes = [theme for material in materials for theme in material.themes.all()]
        themes_by_key = {theme.translation_key: theme for theme in localized_objects(all_themes)}
    for material in materials:
        series = material.series
        material.localized_series = series_by_key.get(series.translation_key, series) if series else None
        material.localized_themes = [
            themes_by_key.get(theme.translation_key, theme) for theme in material.themes.all()
        ]
        material.languages = [version.language_info for version in material.versions.all() if version.language_info]
    return materials


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""
    dir: str = ""
    endonym: str = ""


@dataclass
class Facet:
    name: str
    legend: str
    options: list = field(default_factory=list)

    @property
    def selected_options(self):
        return [option for option in self.options if option.selected]


class Registry:
    facet_names = ("language", "type", "theme", "series")

    def __init__(self, index_page, params):
        self.index_page = index_page
        self.base = visible_pages(MaterialPage.objects.child_of(index_page))
        self.locale = Locale.get_active()
        self.themes_by_key = self._snippets(MaterialTheme)
        self.series_by_key = self._snippets(MaterialSeries)
        self.theme_labels = {obj.slug: obj.name for obj in self.themes_by_key.values()}
        self.series_labels = {obj.slug: obj.name for obj in self.series_by_key.values()}
        valid = {
            "language": LANGUAGES_BY_CODE,
            "type": set(MaterialType.values),
            "theme": self.theme_labels,
            "series": self.series_labels,
        }
        self.selected = {}
        for name in self.facet_names:
            values = []
            for value in params.getlist(name)[:MAX_VALUES]:
                if value in valid[name] and value not in values:
                    values.append(value)
            self.selected[name] = values
        self.results = with_card_data(self.filtered()).order_by(
            F("year").desc(nulls_last=True), "series_id", "series_position", "title", "pk"
        )

    def _snippets(self, model):
        """translation key -> the snippet in the active locale, else in the default one; by name."""
        languages = {self.locale.language_code, settings.LANGUAGE_CODE}
        by_key = {}
        for obj in model.objects.filter(locale__language_code__in=languages).order_by("name"):
            if obj.locale_id == self.locale.pk or obj.translation_key not in by_key:
                by_key[obj.translation_key] = obj
        return dict(sorted(by_key.items(), key=lambda item: item[1].name.lower()))

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def condition(self, name, values):
        if name == "language":
            return Exists(MaterialVersion.objects.filter(material_id=OuterRef("pk"), language__in=values))
        if name == "type":
            return Q(material_type__in=values)
        if name == "theme":
            through = MaterialPage.themes.through
            return Exists(through.objects.filter(materialpage_id=OuterRef("pk"), materialtheme__slug__in=values))
        return Q(series__slug__in=values)

    def filtered(self, skip=None):
        queryset = self.base
        for name, values in self.selected.items():
            if values and name != skip:
                queryset = queryset.filter(self.condition(name, values))
        return queryset

    def counts(self, name):
        """{option value: number of materials} for one facet, with the other filters applied."""
        ids = self.filtered(skip=name).order_by().values("pk")
        if name == "language":
            rows = (
                MaterialVersion.objects.filter(material_id__in=ids)
                .order_by()
                .values_list("language")
                .annotate(count=Count("material_id", distinct=True))
            )
        elif name == "theme":
            rows = (
                MaterialPage.themes.through.objects.filter(materialpage_id__in=ids)
                .order_by()
                .values_list("materialtheme__slug")
                .annotate(count=Count("materialpage_id", distinct=True))
            )
        else:
            column = "material_type" if name == "type" else "series__slug"
            rows = (
                MaterialPage.objects.filter(pk__in=ids)
                .order_by()
                .values_list(column)
                .annotate(count=Count("pk"))
            )
        counts = {}
        for value, count in rows:
            if value is not None:
                counts[value] = counts.get(value, 0) + count
        return counts

    def facets(self):
        return [
            self.language_facet(),
            self._facet("type", _("Type"), MaterialType.choices),
            self._facet("theme", _("Theme"), list(self.theme_labels.items())),
            self._facet("series", _("Series"), list(self.series_labels.items())),
        ]

    def _facet(self, name, legend, choices):
        counts = self.counts(name)
        selected = self.selected[name]
        facet = Facet(name, legend)
        for value, label in choices:
            if counts.get(value) or value in selected:
                facet.options.append(Option(value, label, counts.get(value, 0), value in selected))
        return facet

    def language_facet(self):
        counts = self.counts("language")
        selected = self.selected["language"]
        facet = Facet("language", _("Language"))
        for language in LANGUAGES:
            if counts.get(language.code) or language.code in selected:
                facet.options.append(
                    Option(
                        language.code,
                        language.name,
                        counts.get(language.code, 0),
                        language.code in selected,
                        lang=language.code,
                        dir=language.direction,
                        endonym=language.endonym,
                    )
                )
        return facet

    def page(self, number, per_page):
        return Paginator(self.results, per_page).get_page(number)

    def prepare(self, materials):
        return prepare_cards(materials, self.series_by_key, self.themes_by_key)
