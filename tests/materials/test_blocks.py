"""MaterialsBlock: chosen materials or a whole series, never both or neither."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from materials.blocks import MaterialsBlock
from tests.factories.materials import MaterialPageFactory, MaterialSeriesFactory

pytestmark = pytest.mark.django_db


def test_block_needs_materials_or_a_series_but_not_both(registry_page):
    block = MaterialsBlock()
    material = MaterialPageFactory(parent=registry_page)
    series = MaterialSeriesFactory()
    with pytest.raises(ValidationError) as neither:
        block.clean(block.to_python({"heading": "", "materials": [], "series": None}))
    with translation.override("en"):
        assert "Choose some materials or a series" in str(neither.value.block_errors["materials"])
    with pytest.raises(ValidationError) as both:
        block.clean(block.to_python({"materials": [material.pk], "series": series.pk}))
    with translation.override("en"):
        assert "not both" in str(both.value.block_errors["materials"])


def test_block_renders_chosen_materials_in_the_editors_order(rf, registry_page):
    first = MaterialPageFactory(parent=registry_page, title="Toinen aakkosissa", languages=["so", "ar"])
    second = MaterialPageFactory(parent=registry_page, title="Aakkosissa ensin")
    draft = MaterialPageFactory(parent=registry_page, title="Luonnos", live=False)
    block = MaterialsBlock()
    html = block.render(block.to_python({"heading": "Katso myös", "materials": [first.pk, second.pk, draft.pk]}))
    assert "<h2>Katso myös</h2>" in html
    assert html.index("Toinen aakkosissa") < html.index("Aakkosissa ensin")
    assert "Luonnos" not in html
    assert '<span lang="ar" dir="rtl">العربية</span>' in html


def test_block_renders_a_whole_series_in_order(registry_page):
    series = MaterialSeriesFactory()
    MaterialPageFactory(parent=registry_page, title="Jakso kaksi", series=series, series_position=2)
    MaterialPageFactory(parent=registry_page, title="Jakso yksi", series=series, series_position=1)
    MaterialPageFactory(parent=registry_page, title="Muu materiaali")
    block = MaterialsBlock()
    html = block.render(block.to_python({"series": series.pk}))
    assert html.index("Jakso yksi") < html.index("Jakso kaksi")
    assert "Muu materiaali" not in html
