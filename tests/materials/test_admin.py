"""Tree rules, creating a material in the admin, and the admin's material listing filters."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from materials.models import MaterialIndexPage, MaterialPage
from tests.factories import HomePageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, MaterialThemeFactory


def version_form(language, url="https://www.youtube.com/watch?v=abcdefghijk", **fields):
    return {
        "language": language,
        "title": "",
        "video_url": url,
        "duration": "00:05:30",
        "transcript": rich_text("<p>Teksti.</p>"),
        **fields,
    }


def material_form(versions, **fields):
    return nested_form_data(
        {
            "title": "Työelämä Suomessa",
            "slug": "tyoelama",
            "description": rich_text("<p>Kuvaus.</p>"),
            "material_type": "video",
            "year": "2019",
            "producer": "Uudenmaan ELY-keskus",
            "source_project": "Kotona Suomessa",
            "versions": inline_formset(versions, min=1),
            **fields,
        }
    )


class MaterialAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, title="Etusivu", slug="etusivu-materials-admin")
        cls.registry = MaterialIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedSubpageTypes(MaterialIndexPage, {MaterialPage})
        self.assertAllowedParentPageTypes(MaterialIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MaterialPage, {})
        self.assertAllowedParentPageTypes(MaterialPage, {MaterialIndexPage})
        self.assertCanNotCreateAt(HomePage, MaterialPage)
        self.assertCanNotCreateAt(StandardPage, MaterialIndexPage)
        # One registry per home page.
        self.assertFalse(MaterialIndexPage.can_create_at(self.home))

    def test_editor_creates_a_material_with_language_versions(self):
        theme = MaterialThemeFactory()
        data = material_form([version_form("fi"), version_form("ar", title="العمل في فنلندا")])
        data["themes"] = [str(theme.pk)]  # a multiple choice, not a nested list
        self.assertCanCreate(self.registry, MaterialPage, data)
        material = MaterialPage.objects.get(slug="tyoelama", locale=self.registry.locale)
        self.assertEqual(
            [(v.language, v.title) for v in material.versions.all()], [("fi", ""), ("ar", "العمل في فنلندا")]
        )
        self.assertEqual(list(material.themes.all()), [theme])

    def test_two_versions_in_one_language_are_refused(self):
        url = reverse("wagtailadmin_pages:add", args=("materials", "materialpage", self.registry.pk))
        response = self.client.post(url, material_form([version_form("so"), version_form("so")]))
        self.assertEqual(response.status_code, 200)
        with translation.override("fi"):  # the admin speaks the site's default language
            self.assertContains(response, gettext("This material already has a version in this language."))
        self.assertFalse(MaterialPage.objects.filter(slug="tyoelama").exists())

    def test_a_version_without_video_or_file_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=("materials", "materialpage", self.registry.pk))
        response = self.client.post(url, material_form([version_form("so", url="")]))
        self.assertEqual(response.status_code, 200)
        with translation.override("fi"):  # the admin speaks the site's default language
            self.assertContains(response, gettext("Give a video or web address, or choose a file."))

    def test_admin_listing_filters_by_language_type_and_theme_and_searches(self):
        work = MaterialThemeFactory(name="Työ")
        MaterialPageFactory(parent=self.registry, title="Somalivideo", languages=["so", "fi"], themes=[work])
        MaterialPageFactory(parent=self.registry, title="Suomivideo", languages=["fi"])
        MaterialPageFactory(parent=self.registry, title="Somalipodcast", languages=["so"], material_type="podcast")
        url = reverse("material_pages:index")

        def listed(query):
            response = self.client.get(url, query)
            self.assertEqual(response.status_code, 200)
            return sorted(page.title for page in response.context["pages"])

        self.assertEqual(listed({"language": "so"}), ["Somalipodcast", "Somalivideo"])
        self.assertEqual(listed({"language": "so", "material_type": "video"}), ["Somalivideo"])
        self.assertEqual(listed({"themes": work.translation_key}), ["Somalivideo"])
        self.assertEqual(listed({"q": "Suomivideo"}), ["Suomivideo"])


@pytest.mark.django_db
def test_snippet_admin_lists_series_and_themes(admin_client):
    MaterialThemeFactory(name="Perhe ja arki")
    response = admin_client.get(reverse("wagtailsnippets_materials_materialtheme:list"))
    assert response.status_code == 200
    assert "Perhe ja arki" in response.content.decode()
    assert admin_client.get(reverse("wagtailsnippets_materials_materialseries:list")).status_code == 200
