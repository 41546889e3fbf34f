"""Editors choose themes and target groups once, in the source language, whatever page they edit."""

import pytest

from practices.models import PracticeModelPage
from tests.factories.practices import TargetGroupFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_form_offers_only_the_original_themes_and_target_groups(locales):
    finnish_theme = ThemeFactory(name="Osallisuus")
    swedish_theme = ThemeFactory(name="Delaktighet", locale=locales["sv"])
    finnish_group = TargetGroupFactory(name="Nuoret")
    TargetGroupFactory(name="Unga", locale=locales["sv"])
    form_class = PracticeModelPage.get_edit_handler().get_form_class()
    form = form_class(for_user=None)
    assert list(form.fields["themes"].queryset) == [finnish_theme]
    assert list(form.fields["target_groups"].queryset) == [finnish_group]
    assert swedish_theme not in form.fields["themes"].queryset
