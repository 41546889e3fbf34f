"""Translating through the real wagtail-localize admin flow, as a translator would.

An editor submits a Finnish practice model for translation into Swedish; a translator (only in the
Translators group) fills in the strings in the editor's API, downloads and uploads the PO
file, and publishes. The Finnish source then changes: after a sync the strings already
translated survive and only the new one is pending. The translator can never edit the
Finnish source.
"""

import json
from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.factories import StandardPageFactory
from tests.factories.practices import PracticeIndexPageFactory, PracticeModelPageFactory, sections_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_page(home):
    return StandardPageFactory(
        parent=home, title="Hyvä käytäntö", slug="hyva-kaytanto", lead="Verkosto kokoontuu neljä kertaa vuodessa."
    )


@pytest.fixture
def practice(home):
    index = PracticeIndexPageFactory(parent=home)
    return PracticeModelPageFactory(
        parent=index,
        title="Monialainen yhteistyö",
        slug="monialainen-yhteistyo",
        short_description="Verkosto kokoontuu neljä kertaa vuodessa.",
        organisations="Uudenmaan ELY-keskus",
        sections=sections_data(text="<p>Alueen toimijat kootaan verkostoksi.</p>"),
    )


def submit_for_translation(client, admin_user, page, language):
    client.force_login(admin_user)
    locale = Locale.objects.get(language_code=language)
    response = client.post(f"/admin/localize/submit/page/{page.id}/", {"locales": [locale.id]})
    assert response.status_code == 302
    client.logout()
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_strings(client, translation, texts):
    """Fill strings through the editor's own API (what the React editor does on each field)."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in texts:
            response = client.put(
                f"/admin/localize/translate/{translation.id}/strings/{segment.id}/edit/",
                data=urlencode({"value": texts[segment.string.data]}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code == 201, response.content  # a new translation of the string


def test_translator_translates_a_practice_model_publishes_and_survives_a_source_change(
    client, admin_user, translator, practice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translation = submit_for_translation(client, admin_user, practice, "sv")
    sv = Locale.objects.get(language_code="sv")
    swedish = practice.get_translation(sv)
    assert swedish.title == "Monialainen yhteistyö"  # not translated yet

    client.force_login(translator)
    # The translator cannot edit the Finnish source...
    response = client.post(f"/admin/pages/{practice.id}/edit/", {"title": "Muutettu"})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Monialainen yhteistyö"
    # ...but opens the Swedish translation in the wagtail-localize editor.
    editor = client.get(f"/admin/pages/{swedish.id}/edit/")
    assert editor.status_code == 200
    assert b"translation-editor" in editor.content

    section_text = "Alueen toimijat kootaan verkostoksi."
    translate_strings(
        client,
        translation,
        {
            "Monialainen yhteistyö": "Sektorsövergripande samarbete",
            "monialainen-yhteistyo": "sektorsovergripande-samarbete",
            section_text: "Regionens aktörer samlas i ett nätverk.",
            "Uudenmaan ELY-keskus": "NTM-centralen i Nyland",
        },
    )
    # The short description goes through a PO file round trip, as translators working offline do.
    po = polib.pofile(client.get(f"/admin/localize/translate/{translation.id}/pofile/download/").content.decode())
    entry = po.find("Verkosto kokoontuu neljä kertaa vuodessa.")
    assert entry is not None
    entry.msgstr = "Nätverket träffas fyra gånger om året."
    response = client.post(
        f"/admin/localize/translate/{translation.id}/pofile/upload/",
        {"file": SimpleUploadedFile("sv.po", str(po).encode(), content_type="text/x-gettext-translation"),
         "next": f"/admin/pages/{swedish.id}/edit/"},
    )
    assert response.status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{swedish.id}/edit/", {"action": "publish"})
    assert response.status_code == 302
    swedish.refresh_from_db()
    assert swedish.live and swedish.title == "Sektorsövergripande samarbete"
    public = client.get(swedish.url).content.decode()
    assert "Nätverket träffas fyra gånger om året." in public
    assert "Regionens aktörer samlas i ett nätverk." in public

    # The Finnish source changes: a new short description. The editor publishes and syncs.
    practice.short_description = "Verkosto kokoontuu kuusi kertaa vuodessa."
    practice.save_revision().publish()
    source = TranslationSource.objects.get(object_id=practice.translation_key)
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/update/{source.id}/", {})
    assert response.status_code == 302

    translated = {
        st.translation_of.data: st.data
        for st in StringTranslation.objects.filter(locale=sv, context__object_id=practice.translation_key)
    }
    # What did not change keeps its translation...
    assert translated["Monialainen yhteistyö"] == "Sektorsövergripande samarbete"
    assert translated[section_text] == "Regionens aktörer samlas i ett nätverk."
    # ...and the changed string is pending.
    current = {segment.string.data for segment in StringSegment.objects.filter(source=source).select_related("string")}
    assert "Verkosto kokoontuu kuusi kertaa vuodessa." in current
    assert "Verkosto kokoontuu kuusi kertaa vuodessa." not in translated
    total, done = Translation.objects.get(source=source, target_locale=sv).get_progress()
    assert done == total - 1


def test_translators_have_no_settings_and_no_finnish_tree(translator, home):
    assert not translator.has_perm("cms.change_sitesettings")
    assert not home.permissions_for_user(translator).can_edit()
    swedish_home = home.get_translation(Locale.objects.get(language_code="sv"))
    assert swedish_home.permissions_for_user(translator).can_publish()


def test_machine_translation_button_absent_without_a_provider(
    client, admin_user, finnish_page, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_translation(client, admin_user, finnish_page, "en")
    english = finnish_page.get_translation(Locale.objects.get(language_code="en"))
    client.force_login(admin_user)
    editor = client.get(f"/admin/pages/{english.id}/edit/").content.decode()
    assert '&quot;machineTranslator&quot;: null' in editor or '"machineTranslator": null' in editor


def test_dummy_machine_translator_configured_in_development(client, admin_user, finnish_page, settings,
                                                           django_capture_on_commit_callbacks):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_translation(client, admin_user, finnish_page, "en")
    english = finnish_page.get_translation(Locale.objects.get(language_code="en"))
    client.force_login(admin_user)
    editor = client.get(f"/admin/pages/{english.id}/edit/").content.decode()
    # The admin is in Finnish: the translator's name too ("Dummy translator"), in the editor's JSON props.
    with translation.override("fi"):
        assert json.dumps(translation.gettext("Dummy translator"))[1:-1] in editor
