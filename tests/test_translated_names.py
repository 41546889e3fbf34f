"""Names that migrations store (groups, workflows, tasks) read in the admin's language."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Task, Workflow

from practices.models import PANEL_GROUP_NAME, PANEL_WORKFLOW_NAME

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "group", "workflow"),
    [("fi", "Asiantuntijaraati", "Asiantuntijaraadin arviointi"), ("sv", "Expertpanel", "Expertpanelens granskning"), ("en", "Expert panel", "Expert panel review")],
)
def test_migration_names_are_shown_in_the_active_language(language, group, workflow):
    with translation.override(language):
        assert Group.objects.get(name=PANEL_GROUP_NAME).name == group
        assert str(Workflow.objects.get(name=PANEL_WORKFLOW_NAME)) == workflow
        assert Task.objects.get(name=PANEL_WORKFLOW_NAME).specific.name == workflow


def test_saving_in_finnish_keeps_the_source_name():
    with translation.override("fi"):
        group = Group.objects.get(name="Comment moderators")
        assert group.name == "Kommenttien moderaattorit"
        group.save()
        # What an admin form sends back, in Swedish, is stored as the source too.
        group.name = "Kommentarsmoderatorer"
        group.save()
    assert Group.objects.filter(name="Comment moderators").exists()
    assert not Group.objects.filter(name__in=["Kommenttien moderaattorit", "Kommentarsmoderatorer"]).exists()


def test_names_people_type_are_left_alone():
    with translation.override("fi"):
        group = Group.objects.create(name="Oma ryhmä")
        assert Group.objects.get(pk=group.pk).name == "Oma ryhmä"
    assert Group.objects.filter(name="Oma ryhmä").exists()
