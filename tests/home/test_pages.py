"""Tree rules, admin creation and the inherited out-of-date notice of project pages."""

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTests
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.choices import OutdatedNotice
from home.models import HomePage, PilotReportPage, ProjectPage, StandardPage
from tests.factories import HomePageFactory
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory

NOTICE = 'class="notice project-notice"'  # the text itself gets translated


class ProjectPageTreeTests(WagtailPageTests):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, title="Etusivu", slug="etusivu-admin")
        cls.project = ProjectPageFactory(parent=cls.home, title="Kotona Suomessa")

    def test_tree_rules(self):
        self.assertAllowedSubpageTypes(ProjectPage, {ProjectPage, PilotReportPage})
        self.assertAllowedParentPageTypes(ProjectPage, {HomePage, ProjectPage})
        self.assertAllowedSubpageTypes(PilotReportPage, {})
        self.assertAllowedParentPageTypes(PilotReportPage, {ProjectPage})
        self.assertCanCreateAt(HomePage, ProjectPage)
        self.assertCanNotCreateAt(HomePage, PilotReportPage)
        self.assertCanNotCreateAt(StandardPage, PilotReportPage)
        self.assertCanNotCreateAt(PilotReportPage, ProjectPage)

    def test_editor_can_create_a_project(self):
        self.assertCanCreate(
            self.home,
            ProjectPage,
            nested_form_data(
                {
                    "title": "Hyvä polku",
                    "slug": "hyva-polku",
                    "summary": "Alueellinen koordinaatio.",
                    "start_date": "2015-01-01",
                    "end_date": "2020-12-31",
                    "funder": "Euroopan sosiaalirahasto",
                    "coordinator": "Uudenmaan ELY-keskus",
                    "outdated_notice": OutdatedNotice.SHOW,
                    "key_figures": streamfield(
                        [
                            (
                                "key_figures",
                                {
                                    "title": "Lukuina",
                                    "figures": streamfield([("item", {"figure": "7", "label": "koordinaattoria"})]),
                                },
                            )
                        ]
                    ),
                    "body": streamfield([("paragraph", rich_text("<p>Teksti.</p>"))]),
                    "documents": streamfield([]),
                }
            ),
        )
        created = ProjectPage.objects.get(slug="hyva-polku", alias_of__isnull=True)
        assert created.live
        assert created.key_figures[0].value["figures"][0]["figure"] == "7"
        assert created.shows_outdated_notice

    def test_editor_can_create_a_pilot_report(self):
        self.assertCanCreate(
            self.project,
            PilotReportPage,
            nested_form_data(
                {
                    "title": "Osaajaksi Oulussa",
                    "slug": "osaajaksi-oulussa",
                    "organisations": "Oulun kaupunki",
                    "municipality": "Oulu",
                    "region": "pohjois-pohjanmaa",
                    "call_round": "2",
                    "theme": "transition",
                    "start_date": "2016-09-01",
                    "end_date": "2017-12-31",
                    "summary": "Nivelvaiheen ohjausta.",
                    "findings": rich_text("<p>Toimi hyvin.</p>"),
                    "documents": streamfield([]),
                    "practice_models": streamfield([]),
                    "outdated_notice": OutdatedNotice.INHERIT,
                }
            ),
        )
        pilot = PilotReportPage.objects.get(slug="osaajaksi-oulussa", alias_of__isnull=True)
        assert (pilot.call_round, pilot.region, pilot.theme) == (2, "pohjois-pohjanmaa", "transition")

    def test_end_before_start_is_refused(self):
        response = self.client.post(
            f"/admin/pages/add/home/projectpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Väärin päin",
                    "slug": "vaarin-pain",
                    "start_date": "2020-01-01",
                    "end_date": "2015-01-01",
                    "outdated_notice": OutdatedNotice.INHERIT,
                    "key_figures": streamfield([]),
                    "body": streamfield([]),
                    "documents": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert "end_date" in response.context["form"].errors
        assert not ProjectPage.objects.filter(slug="vaarin-pain").exists()


@pytest.fixture
def project_tree(home):
    """Kotona Suomessa (notice on) > Hyvä alku (inherits) > pilot; > Hyvä polku (notice off) > pilot."""
    project = ProjectPageFactory(parent=home, title="Kotona Suomessa", outdated_notice=OutdatedNotice.SHOW)
    alku = ProjectPageFactory(parent=project, title="Hyvä alku")
    polku = ProjectPageFactory(parent=project, title="Hyvä polku", outdated_notice=OutdatedNotice.HIDE)
    return {
        "project": project,
        "alku": alku,
        "polku": polku,
        "alku_pilot": PilotReportPageFactory(parent=alku, title="Alun pilotti"),
        "polku_pilot": PilotReportPageFactory(parent=polku, title="Polun pilotti"),
    }


@pytest.mark.django_db
def test_notice_is_inherited_unless_a_page_turns_it_off(project_tree, client):
    tree = project_tree
    expected = {"project": True, "alku": True, "alku_pilot": True, "polku": False, "polku_pilot": False}
    for name, shown in expected.items():
        page = tree[name]
        assert type(page).objects.get(pk=page.pk).shows_outdated_notice is shown, name
        html = client.get(page.url).content.decode()
        assert (NOTICE in html) is shown, name


@pytest.mark.django_db
def test_a_page_below_a_hidden_one_can_show_the_notice_again(project_tree):
    pilot = project_tree["polku_pilot"]
    pilot.outdated_notice = OutdatedNotice.SHOW
    pilot.save()
    assert PilotReportPage.objects.get(pk=pilot.pk).shows_outdated_notice


@pytest.mark.django_db
def test_notice_needs_one_query_however_deep(project_tree, django_assert_num_queries):
    pilot = PilotReportPage.objects.get(pk=project_tree["alku_pilot"].pk)
    with django_assert_num_queries(1):
        assert pilot.shows_outdated_notice


@pytest.mark.django_db
def test_pilot_page_shows_its_facts(project_tree, client):
    pilot = project_tree["alku_pilot"]
    html = client.get(pilot.url).content.decode()
    assert pilot.organisations in html
    assert pilot.get_region_display() in html
    assert project_tree["alku"].url in html


@pytest.mark.django_db
def test_project_shows_sub_projects_as_cards(project_tree, client):
    html = client.get(project_tree["project"].url).content.decode()
    assert 'class="card"' in html
    assert "Hyvä alku" in html and "Hyvä polku" in html


@pytest.mark.django_db
def test_home_accepts_project_pages(home):
    assert ProjectPage in HomePage.allowed_subpage_models()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
