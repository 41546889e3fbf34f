"""The material registry in the admin: one "Materials" menu with the materials, series and themes.

Materials are pages, so their flat listing is a `PageListingViewSet` with the filters
editors asked for (type, language, theme, series) and search; series and themes are
translatable snippets with their own viewsets.
"""

import django_filters
from django.conf import settings
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .languages import LANGUAGE_CHOICES
from .models import MaterialPage, MaterialSeries, MaterialTheme, MaterialType


def original_snippets(model):
    return lambda request: model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class MaterialFilterSet(PageListingViewSet.filterset_class):
    material_type = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=MaterialType.choices, widget=CheckboxSelectMultiple
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language version"), choices=LANGUAGE_CHOICES, method="filter_language"
    )
    themes = django_filters.ModelMultipleChoiceFilter(
        label=_("Theme"),
        queryset=original_snippets(MaterialTheme),
        field_name="themes__translation_key",
        to_field_name="translation_key",
        widget=CheckboxSelectMultiple,
        distinct=True,
    )
    series = django_filters.ModelMultipleChoiceFilter(
        label=_("Series"),
        queryset=original_snippets(MaterialSeries),
        field_name="series__translation_key",
        to_field_name="translation_key",
        widget=CheckboxSelectMultiple,
    )

    class Meta:
        model = MaterialPage
        fields = []

    def filter_language(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(versions__language__in=value).distinct()


class MaterialListingViewSet(PageListingViewSet):
    model = MaterialPage
    icon = "media"
    menu_label = _("Materials")
    name = "material_pages"
    filterset_class = MaterialFilterSet
    columns = PageListingViewSet.columns + [
        Column("material_type", label=_("Type"), accessor="get_material_type_display", sort_key="material_type"),
        Column("year", label=_("Year"), sort_key="year"),
    ]


class MaterialThemeViewSet(SnippetViewSet):
    model = MaterialTheme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class MaterialSeriesViewSet(SnippetViewSet):
    model = MaterialSeries
    icon = "list-ol"
    menu_label = _("Series")
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class MaterialsGroup(ViewSetGroup):
    menu_label = _("Materials")
    menu_icon = "media"
    menu_order = 250
    items = (MaterialListingViewSet, MaterialSeriesViewSet, MaterialThemeViewSet)


# register_snippet registers the whole group as soon as the models are loaded, so the
# snippets' choosers exist before any admin URL is resolved.
register_snippet(MaterialsGroup)
