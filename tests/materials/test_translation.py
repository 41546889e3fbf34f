"""wagtail-localize: a material's title and description are translated, its language versions are not."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from tests.factories import translate_page
from tests.factories.materials import MaterialPageFactory, MaterialSeriesFactory, MaterialThemeFactory, version_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish_registry(registry_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(registry_page, "sv", {"title": "Material", "slug": "material"})
    return registry_page


def signature(material):
    return [
        (v.language, v.video_url, v.duration, v.transcript, v.title, v.sort_order) for v in material.versions.all()
    ]


def test_title_is_translated_and_versions_stay_the_same(client, swedish_registry, django_capture_on_commit_callbacks):
    series = MaterialSeriesFactory(name="Ymmärrä Suomea", slug="ymmarra-suomea")
    theme = MaterialThemeFactory(name="Työ", slug="tyo")
    material = MaterialPageFactory(
        parent=swedish_registry,
        title="Työelämä Suomessa",
        slug="tyoelama",
        series=series,
        themes=[theme],
        languages=(),
        versions=[
            version_for("fi", transcript="<p>Suomenkielinen puhe.</p>"),
            version_for("so", transcript="<p>Hadal af-Soomaali ah.</p>"),
            version_for("ar", title="العمل في فنلندا", transcript="<p>كلام عربي</p>"),
        ],
    )

    # Translators are offered the material's own text, never a version's transcript or title.
    source, _ = TranslationSource.update_or_create_from_instance(material)
    offered = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Työelämä Suomessa" in offered
    assert not {"Hadal af-Soomaali ah.", "كلام عربي", "العمل في فنلندا", "Suomenkielinen puhe."} & offered

    with django_capture_on_commit_callbacks(execute=True):
        swedish = translate_page(
            material, "sv", {"title": "Arbetslivet i Finland", "slug": "arbetslivet", "description": "Beskrivning."}
        )
    swedish.refresh_from_db()
    assert swedish.locale == Locale.objects.get(language_code="sv")
    assert swedish.title == "Arbetslivet i Finland"
    assert swedish.live and swedish.alias_of_id is None
    assert signature(swedish) == signature(material)
    assert swedish.series_id == series.pk
    assert list(swedish.themes.all()) == [theme]

    # A Swedish series name is shown on the Swedish page once the series is translated.
    swedish_series = series.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish_series.name = "Förstå Finland"
    swedish_series.save()
    html = client.get("/sv/material/arbetslivet/").content.decode()
    assert "<h1>Arbetslivet i Finland</h1>" in html
    assert "Förstå Finland" in html
    assert 'lang="ar" dir="rtl">العربية</span>' in html  # the chooser names the version in its own script
    assert "Hadal af-Soomaali ah." in html

    # Filtering the Swedish registry by language finds the translation.
    response = client.get("/sv/material/", {"language": "so", "series": "ymmarra-suomea"})
    assert [page.title for page in response.context["materials"]] == ["Arbetslivet i Finland"]


def test_versions_added_to_the_source_reach_the_translation(swedish_registry, django_capture_on_commit_callbacks):
    material = MaterialPageFactory(parent=swedish_registry, slug="opas", languages=["fi"])
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(material, "sv", {"title": "Guide", "slug": "guide"})

    material.versions.add(version_for("ti", video_url="https://youtu.be/Tigrinya123"))
    material.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        swedish = translate_page(material, "sv", {"title": "Guide", "slug": "guide"})
    swedish.refresh_from_db()
    assert sorted(v.language for v in swedish.versions.all()) == ["fi", "ti"]
    assert swedish.title == "Guide"
