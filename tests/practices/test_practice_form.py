"""The practice form in the admin: nothing demanded before the first save, required sections told apart."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.blocks.stream_block import StreamBlockAdapter
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from practices.blocks import REQUIRED_SECTIONS, PracticeSectionsBlock
from practices.models import PracticeModelPage
from tests.factories.practices import PracticeIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return PracticeIndexPageFactory(parent=home)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("practices", "practicemodelpage", index.pk))


def test_a_new_practice_opens_without_errors_and_without_autosave(admin_client, index):
    with translation.override("en"):
        response = admin_client.get(add_url(index))
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select(".error-message, .help-critical, .w-field--error")
    form = soup.select_one("form[data-controller~=w-unsaved]")
    assert "w-autosave" not in form["data-controller"].split()
    # No section has a minimum count: Wagtail's editor would flag each missing one at once.
    meta = StreamBlockAdapter().js_args(PracticeSectionsBlock())[-1]
    assert not meta["minNum"]
    assert all(not counts.get("min_num") for counts in meta["blockCounts"].values())


def test_editing_an_existing_page_keeps_autosave(admin_client, index):
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_pages:edit", args=[index.pk])).content, "html.parser")
    assert "w-autosave" in soup.select_one("form[data-controller~=w-unsaved]")["data-controller"].split()


@translation.override("en")
def test_required_sections_are_grouped_described_and_only_they_are_required():
    block = PracticeSectionsBlock()
    for name, child in block.child_blocks.items():
        required = name in REQUIRED_SECTIONS
        assert str(child.meta.group) == ("Required sections" if required else "Optional sections")
        assert child.meta.description, name
        assert child.required == required or not hasattr(child, "field"), name
        assert block.meta.block_counts[name] == {"max_num": 1}
    assert len(REQUIRED_SECTIONS) == 6


def practice_data(sections, action):
    return {
        **nested_form_data(
            {
                "title": "Puolivalmis käytäntö",
                "slug": "puolivalmis",
                "short_description": "Kesken.",
                "region": "national",
                "organisations": "Kunta",
                "development_stage": "idea",
                "contact_person": streamfield([]),
                "sections": streamfield([(name, rich_text(f"<p>{name}</p>")) for name in sections]),
                "related_practices": streamfield([]),
            }
        ),
        action: action,
    }


def test_a_draft_saves_without_sections_but_publishing_names_every_missing_one(admin_client, index):
    response = admin_client.post(add_url(index), practice_data([], "action-save"))
    assert response.status_code == 302
    draft = PracticeModelPage.objects.get(slug="puolivalmis", alias_of__isnull=True)
    assert not draft.live

    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = practice_data(["operating_environment", "needs"], "action-publish")
    with translation.override("en"):
        response = admin_client.post(edit, data)
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["sections"][0]
    with translation.override("en"):
        messages = [e.message % e.params for e in error.non_block_errors.as_data()]
        expected = [
            f"The section “{PracticeSectionsBlock().child_blocks[name].label}” is required."
            for name in REQUIRED_SECTIONS
            if name != "operating_environment"
        ]
    assert messages == expected
    draft.refresh_from_db()
    assert not draft.live


def test_an_optional_section_left_empty_is_accepted_and_not_shown(admin_client, index, client):
    data = practice_data(REQUIRED_SECTIONS, "action-publish")
    data.update(
        nested_form_data(
            {"sections": streamfield([(name, rich_text(f"<p>{name}</p>")) for name in REQUIRED_SECTIONS] + [("needs", rich_text(""))])}
        )
    )
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 302, response.context["form"].errors
    page = PracticeModelPage.objects.get(slug="puolivalmis", alias_of__isnull=True)
    assert page.live
    assert "needs" in [child.block_type for child in page.sections]
    assert "needs" not in [section["name"] for section in page.ordered_sections()]
    assert json.dumps(REQUIRED_SECTIONS)
