"""Names that migrations store (groups, workflows, tasks) read in the admin's language."""

import pytest
from django.contrib.auth.models import Group
from django.core import serializers
from django.db import connection
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
    assert stored_names(Group) >= {"Comment moderators"}
    assert not stored_names(Group) & {"Kommenttien moderaattorit", "Kommentarsmoderatorer"}


def stored_names(model):
    """The names as the database holds them, read past the translating attribute."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM {model._meta.db_table}")  # noqa: S608 - a model's own table
        return {name for (name,) in cursor.fetchall()}


def test_raw_saves_and_lookups_use_the_source_name():
    """Fixtures and the test runner's serialized rollback save what the attribute reads."""
    with translation.override("fi"):
        group = Group.objects.get(name="Comment moderators")
        data = serializers.serialize("json", [group])
        assert "Kommenttien moderaattorit" in data
        for restored in serializers.deserialize("json", data):
            restored.save()
        assert Group.objects.get(name="Kommenttien moderaattorit").pk == group.pk
    assert "Comment moderators" in stored_names(Group)
    assert "Kommenttien moderaattorit" not in stored_names(Group)


def test_names_people_type_are_left_alone():
    with translation.override("fi"):
        group = Group.objects.create(name="Oma ryhmä")
        assert Group.objects.get(pk=group.pk).name == "Oma ryhmä"
    assert Group.objects.filter(name="Oma ryhmä").exists()
