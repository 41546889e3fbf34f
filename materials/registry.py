"""The registry's facets (language, type, theme, series) and what a material card shows.

Every view of the registry is a shareable address (`?language=so&type=video`); a language
option is named in the visitor's language and in its own (`lang`/`dir` on the endonym).
"""

from collections import defaultdict

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from cms.facets import Facet, FacetedListing, Option, terms
from cms.localized import localized_objects
from cms.visibility import visible_pages

from .languages import LANGUAGES, get_language
from .models import MaterialPage, MaterialSeries, MaterialTheme, MaterialType, MaterialVersion


def with_card_data(queryset):
    """Materials with what a card shows (series, themes, image) fetched up front; their languages
    are read by `prepare_cards`."""
    return (
        queryset.defer_streamfields()
        .select_related("series", "listing_image")
        .prefetch_related("themes", "listing_image__renditions")
    )


def version_languages(materials):
    """{material id: its versions' language codes in the editors' order}, in one query.

    Codes, not version objects: a card of the registry shows a dozen languages, and making the
    objects cost more than the rest of its data.
    """
    languages = defaultdict(list)
    versions = MaterialVersion.objects.filter(material_id__in=[material.pk for material in materials])
    for material_id, code in versions.order_by("material_id", *MaterialVersion._meta.ordering).values_list(
        "material_id", "language"
    ):
        languages[material_id].append(code)
    return languages


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
    languages = version_languages(materials)
    for material in materials:
        series = material.series
        material.localized_series = series_by_key.get(series.translation_key, series) if series else None
        material.localized_themes = [
            themes_by_key.get(theme.translation_key, theme) for theme in material.themes.all()
        ]
        material.languages = [info for code in languages[material.pk] if (info := get_language(code))]
    return materials


def language_options(listing):
    return [
        Option(language.code, language.name, lang=language.code, dir=language.direction, endonym=language.endonym)
        for language in LANGUAGES
    ]


class Registry(FacetedListing):
    language = Facet("versions__language", label=_("Language"), choices=language_options)
    type = Facet("material_type", label=_("Type"), choices=MaterialType.choices)
    theme = Facet("themes__slug", label=_("Theme"), choices=terms(MaterialTheme))
    series = Facet("series__slug", label=_("Series"), choices=terms(MaterialSeries))

    def __init__(self, index_page, params, page_number=None):
        materials = visible_pages(MaterialPage.objects.child_of(index_page))
        super().__init__(params, materials, page_number, source=index_page.pk)

    def results(self):
        return with_card_data(self.filtered()).order_by(
            F("year").desc(nulls_last=True), "series_id", "series_position", "title", "pk"
        )

    def materials(self):
        """The materials of the page, with what their cards show."""
        return prepare_cards(
            self.page_obj.object_list,
            {term.translation_key: term for term in self.terms(MaterialSeries).values()},
            {term.translation_key: term for term in self.terms(MaterialTheme).values()},
        )


def condition(name, values):
    """The facet `name` with any of `values` as a condition on materials (for `opendata.endpoints`)."""
    return Registry.base_filters[name].condition_for(MaterialPage, values)
