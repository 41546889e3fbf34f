"""Translators see which translations fell behind their source, what changed, and sync them themselves."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.permissions import TRANSLATORS
from cms.translation_updates import pending_updates
from practices.models import Theme
from tests.factories import StandardPageFactory, UserFactory, translate_page

pytestmark = pytest.mark.django_db
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def translator(db):
    user = UserFactory(username="kaantaja")
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    return user


@pytest.fixture
def swedish_only_translator(home):
    """A translator whose only language is Swedish (page permissions on the Swedish tree only)."""
    user = UserFactory(username="oversattare")
    group = Group.objects.create(name="Swedish translators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    sv_home = Page.objects.get(depth=2, locale__language_code="sv")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=group, page=sv_home, permission=Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def about(home, django_capture_on_commit_callbacks):
    """A Finnish page fully translated into Swedish and English."""
    page = StandardPageFactory(parent=home, title="Tietoa meistä", slug="tietoa", lead="Osaamiskeskus palvelee kuntia.")
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(page, "sv", {"title": "Om oss", "slug": "om-oss", "lead": "Kompetenscentret betjänar kommuner."})
        translate_page(page, "en", {"title": "About us", "slug": "about-us", "lead": "The centre serves municipalities."})
    return page


def change_lead(page, text):
    page = page.specific_class.objects.get(pk=page.pk)
    page.lead = text
    page.save_revision().publish()
    return page


def rows(client, locale=None):
    response = client.get(reverse("cms_translations_to_update") + (f"?locale={locale}" if locale else ""))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {row.th.a.get_text(strip=True): row for row in soup.select("tr.translation-update")}, soup


def missing_of(row):
    return int(row.select("td")[2].get_text(strip=True))


def test_an_up_to_date_translation_is_not_listed(client, translator, about):
    client.force_login(translator)
    listed, _ = rows(client)
    assert "Om oss" not in listed and "About us" not in listed


def test_a_changed_source_is_listed_with_the_new_text_and_synced_by_the_translator(client, translator, about):
    change_lead(about, "Osaamiskeskus palvelee kuntia ja järjestöjä.")
    client.force_login(translator)
    listed, _ = rows(client, "sv")
    row = listed["Om oss"]
    assert "Osaamiskeskus palvelee kuntia ja järjestöjä." in row.get_text()
    assert missing_of(row) == 0  # not synced yet: the old source is fully translated
    assert "About us" not in listed  # the Swedish list only

    translation = TranslationSource.objects.get_for_instance(about).translations.get(target_locale__language_code="sv")
    response = client.post(reverse("cms_translations_sync"), {"translation": [translation.pk], "locale": "sv"})
    assert response.status_code == 302

    listed, _ = rows(client, "sv")
    row = listed["Om oss"]
    assert missing_of(row) == 1  # exactly the changed lead waits for a translation
    # The other strings keep their Swedish translations.
    sv = Locale.objects.get(language_code="sv")
    kept = set(StringTranslation.objects.filter(locale=sv, translation_of__data="Tietoa meistä").values_list("data", flat=True))
    assert kept == {"Om oss"}
    # English was synced from the same source: it now waits for its translator too.
    listed_all, _ = rows(client)
    assert missing_of(listed_all["About us"]) == 1


def test_a_translator_cannot_sync_a_language_that_is_not_theirs(client, swedish_only_translator, about):
    change_lead(about, "Uusi teksti.")
    client.force_login(swedish_only_translator)
    listed, soup = rows(client)
    assert "Om oss" in listed and "About us" not in listed
    assert [th.get_text(strip=True) for th in soup.select(".translation-updates__summary tbody th")] == ["Svenska"]
    english = TranslationSource.objects.get_for_instance(about).translations.get(target_locale__language_code="en")
    response = client.post(reverse("cms_translations_sync"), {"translation": [english.pk]})
    # Wagtail's admin answers a refusal by sending the user to the dashboard.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert TranslationSource.objects.get_for_instance(about).get_source_instance().lead == "Uusi teksti."
    assert not StringTranslation.objects.filter(translation_of__data="Uusi teksti.").exists()
    assert "Uusi teksti." not in set(
        TranslationSource.objects.get_for_instance(about).stringsegment_set.values_list("string__data", flat=True)
    )


def test_people_without_a_language_see_no_list(client, about):
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get(reverse("cms_translations_to_update"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
def test_machine_translation_fills_only_the_new_strings(client, translator, about):
    change_lead(about, "Aivan uusi johdanto.")
    client.force_login(translator)
    translation = TranslationSource.objects.get_for_instance(about).translations.get(target_locale__language_code="sv")
    client.post(reverse("cms_translations_sync"), {"translation": [translation.pk], "use_machine_translation": "on"})
    sv = Locale.objects.get(language_code="sv")
    new = StringTranslation.objects.get(locale=sv, translation_of__data="Aivan uusi johdanto.")
    assert new.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    title = StringTranslation.objects.get(locale=sv, translation_of__data="Tietoa meistä")
    assert title.data == "Om oss" and title.translation_type != StringTranslation.TRANSLATION_TYPE_MACHINE
    listed, _ = rows(client, "sv")
    assert missing_of(listed["Om oss"]) == 0


def test_editors_get_the_overview_of_every_language(admin_user, about):
    change_lead(about, "Muutettu johdanto.")
    updates = pending_updates(admin_user)
    languages = {update.locale.language_code for update in updates if update.source.object_id == about.translation_key}
    assert languages == {"sv", "en"}


def test_a_changed_snippet_is_listed(client, translator, home):
    from cms.demo import translate_object

    theme = Theme.objects.create(name="Työllisyys", slug="tyollisyys", locale=Locale.get_default())
    translate_object(theme, "sv", Theme(name="Sysselsättning", slug="tyollisyys"))
    client.force_login(translator)
    assert "Sysselsättning" not in rows(client, "sv")[0]
    theme.name = "Työllisyys ja yrittäjyys"
    theme.save()
    row = rows(client, "sv")[0]["Sysselsättning"]
    assert "Työllisyys ja yrittäjyys" in row.get_text()
