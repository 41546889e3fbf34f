"""`MaterialsBlock`: chosen materials, or a whole series, as cards on any page.

Other apps add it to their streams (`materials = MaterialsBlock()`); it imports nothing
from them. The chosen pages and series are the originals; the block shows their live
translations in the active locale, in a fixed number of queries.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.localized import localized_objects
from cms.visibility import kept_for_the_public, visible_pages

from .models import MaterialPage, MaterialSeries
from .registry import prepare_cards, with_card_data


class MaterialsStructValue(blocks.StructValue):
    def live_materials(self):
        """The live materials to show, in the active locale, in the editor's or the series' order
        (kept until what the public sees changes)."""
        locale = Locale.get_active()
        chosen = [page for page in self.get("materials") or [] if page is not None]
        series = self.get("series")
        key = f"{locale.pk}:{','.join(str(page.pk) for page in chosen)}:{series.pk if series else ''}:{self.get('limit')}"
        return kept_for_the_public("materials-block", key, lambda: self._read_materials(locale, chosen, series))

    def _read_materials(self, locale, chosen, series):
        queryset = with_card_data(visible_pages(MaterialPage.objects.filter(locale=locale)))
        if chosen:
            keys = [page.translation_key for page in chosen]
            by_key = {page.translation_key: page for page in queryset.filter(translation_key__in=keys)}
            missing = [key for key in keys if key not in by_key]
            if missing:
                # Not translated into this language: show the original rather than nothing.
                by_key.update(
                    {
                        page.translation_key: page
                        for page in with_card_data(
                            visible_pages(
                                MaterialPage.objects.filter(
                                    pk__in=[page.pk for page in chosen if page.translation_key in missing]
                                )
                            )
                        )
                    }
                )
            materials = [by_key[key] for key in keys if key in by_key]
        elif series is not None:
            materials = list(
                queryset.filter(series__translation_key=series.translation_key).order_by("series_position", "title")
            )
        else:
            materials = []
        limit = self.get("limit")
        return prepare_cards(materials[:limit] if limit else materials)

    def localized_series(self):
        return (localized_objects([self.get("series")]) or [None])[0]


class MaterialsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    materials = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="materials.MaterialPage", label=_("Material")),
        label=_("Chosen materials"),
        required=False,
        default=[],
    )
    series = SnippetChooserBlock(
        MaterialSeries,
        label=_("Or a whole series"),
        required=False,
        help_text=_("Shows every material of the series in order."),
    )
    limit = blocks.IntegerBlock(label=_("Show at most"), required=False, min_value=1, max_value=50)

    class Meta:
        icon = "media"
        label = _("Materials")
        template = "materials/blocks/materials_block.html"
        value_class = MaterialsStructValue
        description = _("Cards of chosen materials or of a whole series, with the languages they exist in.")
        preview_value = {"heading": "Ymmärrä Suomea", "materials": []}

    def clean(self, value):
        value = super().clean(value)
        has_materials = any(page is not None for page in value.get("materials") or [])
        has_series = value.get("series") is not None
        if has_materials == has_series:
            message = (
                _("Choose either materials or a series, not both.")
                if has_materials
                else _("Choose some materials or a series.")
            )
            raise StructBlockValidationError(block_errors={"materials": ValidationError(message)})
        return value
