"""Practice pages: the Innokylä section rules, the public page's order and contents, tree rules."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from practices.blocks import REQUIRED_SECTIONS, SECTION_ORDER, PracticeSectionsBlock
from practices.models import PracticeCallPage, PracticeIndexPage, PracticeModelPage
from tests.factories.practices import (
    PracticeIndexPageFactory,
    PracticeModelPageFactory,
    TargetGroupFactory,
    ThemeFactory,
    sections_data,
)

pytestmark = pytest.mark.django_db


def list_block(values):
    """Form data of a ListBlock (Wagtail's test helpers cover StreamFields only)."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(values)}
    return {"count": str(len(values)), **data}


def clean_sections(names):
    block = PracticeSectionsBlock(required=True)
    return block.clean(block.to_python(sections_data(names)))


@translation.override("en")
def test_a_missing_required_section_is_an_error_that_names_it():
    with pytest.raises(ValidationError) as error:
        clean_sections([name for name in REQUIRED_SECTIONS if name != "tips"])
    messages = [str(e.message % e.params) for e in error.value.non_block_errors.as_data()]
    assert messages == ["The section “Tips for those applying the model” is required."]


@translation.override("en")
def test_every_section_at_most_once():
    with pytest.raises(ValidationError) as error:
        clean_sections(REQUIRED_SECTIONS + ["operating_environment"])
    assert "Operating environment: The maximum number of items is 1" in str(error.value.non_block_errors)


def test_all_required_sections_are_enough():
    assert [child.block_type for child in clean_sections(REQUIRED_SECTIONS)] == REQUIRED_SECTIONS


def test_the_six_starred_sections_are_required():
    assert REQUIRED_SECTIONS == [
        "operating_environment",
        "target_group",
        "basic_idea",
        "conditions",
        "tips",
        "evaluation_results",
    ]


class TestAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.get_first_root_node().add_child(
            instance=HomePage(title="Etusivu", slug="etusivu-t", hero_heading="Tervetuloa")
        )
        cls.index = cls.home.add_child(instance=PracticeIndexPage(title="Hyvät käytännöt", slug="hyvat"))

    def setUp(self):
        from wagtail.users.models import UserProfile

        user = self.login()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()

    def practice_form(self, sections):
        theme, group = ThemeFactory(), TargetGroupFactory()
        data = nested_form_data(
            {
                "title": "Monialainen yhteistyö",
                "slug": "monialainen-yhteistyo",
                "short_description": "Alueen toimijat verkostoksi.",
                "region": "pirkanmaa",
                "organisations": "Pirkanmaan ELY-keskus",
                "development_stage": "established",
                "contact_person": streamfield([]),
                "sections": streamfield(
                    [(name, rich_text(f"<p>{name}</p>")) for name in sections]
                    + [("developer_group", {"introduction": "", "actors": list_block([{"organisation": "Kela", "role": "Palvelut"}])})]
                ),
                "related_practices": streamfield([]),
                "action-publish": "publish",
            }
        )
        # Multiple-choice fields take a list, which nested_form_data would flatten.
        data.update({"themes": [theme.pk], "target_groups": [group.pk]})
        return data

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, {PracticeModelPage, PracticeCallPage})
        self.assertAllowedParentPageTypes(PracticeModelPage, {PracticeIndexPage})
        self.assertAllowedSubpageTypes(PracticeModelPage, set())
        self.assertAllowedParentPageTypes(PracticeCallPage, {PracticeIndexPage})
        self.assertAllowedSubpageTypes(PracticeCallPage, set())

    def test_admin_can_create_a_practice_with_every_required_section(self):
        self.assertCanCreate(self.index, PracticeModelPage, self.practice_form(REQUIRED_SECTIONS))
        page = PracticeModelPage.objects.get(slug="monialainen-yhteistyo", alias_of__isnull=True)
        assert page.live
        assert page.themes.count() == 1 and page.target_groups.count() == 1
        assert [c.block_type for c in page.sections][-1] == "developer_group"

    def test_admin_names_the_missing_section_and_publishes_nothing(self):
        from django.urls import reverse

        data = self.practice_form([name for name in REQUIRED_SECTIONS if name != "basic_idea"])
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("practices", "practicemodelpage", self.index.pk)), data
        )
        assert response.status_code == 200
        error = response.context["form"].errors.as_data()["sections"][0]
        with translation.override("en"):
            messages = [e.message % e.params for e in error.non_block_errors.as_data()]
        assert messages == ["The section “Basic idea of the solution” is required."]
        assert not PracticeModelPage.objects.exists()

    def test_admin_can_create_the_index_and_a_call(self):
        self.index.delete()
        self.assertCanCreate(
            self.home,
            PracticeIndexPage,
            nested_form_data({"title": "Käytännöt", "slug": "kaytannot", "intro": "", "body": streamfield([])}),
        )
        self.assertCanCreate(
            PracticeIndexPage.objects.get(slug="kaytannot", alias_of__isnull=True),
            PracticeCallPage,
            nested_form_data(
                {
                    "title": "Mentorointihaku",
                    "slug": "mentorointi",
                    "sought": rich_text("<p>Mentorointimalleja.</p>"),
                    "opens_at": "2018-10-01 09:00",
                    "closes_at": "2018-11-30 16:00",
                    "contact_person": streamfield([]),
                    "body": streamfield([]),
                }
            ),
        )


def test_public_page_shows_sections_in_canonical_order_with_a_table_of_contents(client, home):
    index = PracticeIndexPageFactory(parent=home)
    entered = list(reversed(SECTION_ORDER[:-1]))  # every text section, in reverse, without attachments
    data = [
        {"type": name, "value": {"introduction": "", "actors": [{"organisation": "Kela", "role": "Etuudet"}]}}
        if name == "developer_group"
        else {"type": name, "value": f"<p>Sisältö {name}</p>"}
        for name in entered
    ]
    practice = PracticeModelPageFactory(parent=index, sections=data, title="Verkosto")
    practice.save_revision().publish()
    html = BeautifulSoup(client.get(practice.url).content, "html.parser")

    sections = [section["id"] for section in html.select("section.practice-section")]
    assert sections == SECTION_ORDER[:-1]
    toc = [a["href"] for a in html.select("nav.toc a")]
    assert toc == [f"#{name}" for name in SECTION_ORDER[:-1]]
    assert html.find(id="operating_environment").h2.get_text() == str(PracticeSectionsBlock.base_blocks["operating_environment"].label)
    assert "Kela" in html.find(id="developer_group").get_text()
    assert html.select("time")  # created and modified dates
    assert html.select_one(".good-practice-mark") is None


def practice_dates(client, practice):
    html = BeautifulSoup(client.get(practice.url).content, "html.parser")
    return {div.dt.get_text(): div.time["datetime"] for div in html.select("dl.practice__dates > div")}


def test_practice_dates_are_the_practices_own_and_the_pages_publication(client, home):
    import datetime

    from django.utils import timezone

    practice = PracticeModelPageFactory(parent=PracticeIndexPageFactory(parent=home), title="Kielikahvila")
    practice.save_revision().publish()
    practice.refresh_from_db()
    published = timezone.localdate(practice.first_published_at).isoformat()
    # Without a "practice created" date: only the first publication (updated the same day says nothing new).
    assert practice_dates(client, practice) == {"Julkaistu ensimmäisen kerran": published}

    practice.practice_created = datetime.date(2017, 2, 1)
    practice.save_revision().publish()
    later = practice.first_published_at + datetime.timedelta(days=40)
    PracticeModelPage.objects.filter(pk=practice.pk).update(last_published_at=later)
    assert practice_dates(client, practice) == {
        "Käytäntö luotu": "2017-02-01",
        "Julkaistu ensimmäisen kerran": published,
        "Päivitetty viimeksi": timezone.localdate(later).isoformat(),
    }
