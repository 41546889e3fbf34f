"""Migration home 0005: pilots stored with the old English region slugs get the shared ones.

The migration's data step runs against the historical models of its own state on rows
that exist already: the live page, its stored revisions and wagtail-localize's source copy.
"""

import importlib
import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail_localize.models import TranslationSource

from cms.vocabulary import Region
from home.models import PilotReportPage
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory

MIGRATION = "0005_regions_as_one_vocabulary"
migration = importlib.import_module(f"home.migrations.{MIGRATION}")

pytestmark = pytest.mark.django_db


def historical_apps():
    return MigrationExecutor(connection).loader.project_state(("home", MIGRATION)).apps


def store_old_region(pilot, old):
    """Put `old` where the pilot's region is stored, as the site before the migration did."""
    PilotReportPage.objects.filter(pk=pilot.pk).update(region=old)
    pilot.region = old
    revision = pilot.save_revision(clean=False)
    source, _ = TranslationSource.get_or_create_from_instance(pilot)
    return revision, source


def stored_regions(pilot, revision, source):
    revision.refresh_from_db()
    source.refresh_from_db()
    return (
        PilotReportPage.objects.get(pk=pilot.pk).region,
        revision.content["region"],
        json.loads(source.content_json)["region"],
    )


def test_every_old_slug_maps_to_a_region_of_the_shared_list():
    assert set(migration.ENGLISH_TO_SHARED.values()) <= set(Region.values)
    assert not set(migration.ENGLISH_TO_SHARED) & set(Region.values), "an old slug would stay ambiguous"


def test_existing_pilots_revisions_and_sources_are_rewritten_and_back(home):
    project = ProjectPageFactory(parent=home)
    pilots = {
        old: PilotReportPageFactory(parent=project, region=Region.UUSIMAA)
        for old in ("lapland", "southwest-finland", "uusimaa")  # uusimaa: the same slug before and after
    }
    stored = {old: store_old_region(pilot, old) for old, pilot in pilots.items()}

    migration.forwards(historical_apps(), None)
    after = {old: stored_regions(pilots[old], *stored[old]) for old in pilots}
    assert after == {
        "lapland": ("lappi",) * 3,
        "southwest-finland": ("varsinais-suomi",) * 3,
        "uusimaa": ("uusimaa",) * 3,
    }

    migration.backwards(historical_apps(), None)
    before = {old: stored_regions(pilots[old], *stored[old]) for old in pilots}
    assert before == {old: (old,) * 3 for old in pilots}
