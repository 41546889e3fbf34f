"""The API's listings cost the same number of queries for 10 items as for 1 000 (issue 20).

Ten pages of each kind are made with the factories (image, themes, target groups, language
versions); then 990 copies of each are written in bulk (`bench.dataset`'s writers: one
insert per table, not `add_child` per page) and the same listings, now with a full page of
100 items and a total of 1 000, may not use more queries.
"""

import uuid

import pytest
import wagtail_factories
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.dataset import TreeWriter, clone, insert_pages
from home.models import PilotReportPage
from materials.models import MaterialPage, MaterialVersion
from opendata.urls import ENDPOINTS
from practices.models import PracticeModelPage
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, MaterialThemeFactory
from tests.factories.practices import (
    PracticeIndexPageFactory,
    PracticeModelPageFactory,
    TargetGroupFactory,
    ThemeFactory,
)
from trainings.models import EventPage

from .conftest import built_once

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 1000


def build():
    from tests.conftest import build_home_tree, existing_home

    home = existing_home() or build_home_tree()
    image = wagtail_factories.ImageFactory()
    themes = [ThemeFactory(), ThemeFactory()]
    group = TargetGroupFactory()
    practices = PracticeIndexPageFactory(parent=home)
    registry = MaterialIndexPageFactory(parent=home)
    material_theme = MaterialThemeFactory()
    project = ProjectPageFactory(parent=home)
    calendar = EventIndexPageFactory(parent=home)
    for number in range(SMALL):
        practice = PracticeModelPageFactory(parent=practices, slug=f"k-{number}", themes=themes, listing_image=image)
        practice.target_groups.set([group])
        practice.save()
        MaterialPageFactory(
            parent=registry,
            slug=f"m-{number}",
            languages=("fi", "so", "ar"),
            themes=[material_theme],
            listing_image=image,
        )
        PilotReportPageFactory(parent=project, slug=f"p-{number}", listing_image=image)
        EventPageFactory(parent=calendar, slug=f"t-{number}", themes=themes, listing_image=image)
    return {PracticeModelPage: practices, MaterialPage: registry, PilotReportPage: project, EventPage: calendar}


@pytest.fixture(scope="module")
def parents(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build)


def add_copies(model, parent, count):
    """`count` live copies of the parent's first child of `model`, with its relations, in bulk."""
    template = model.objects.child_of(parent).order_by("path").first()
    tree = TreeWriter(parent)
    copies = []
    for number in range(count):
        slug = f"{template.slug}-kopio-{number}"
        copies.append(
            clone(
                model,
                template,
                path=tree.next_path(),
                depth=parent.depth + 1,
                numchild=0,
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                title=f"{template.title} {number}",
                translation_key=uuid.uuid4(),
            )
        )
    insert_pages(model, copies)
    tree.finish()
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        targets = list(through.objects.filter(**{source: template.pk}).values_list(target, flat=True))
        through.objects.bulk_create([through(**{source: copy.pk, target: pk}) for copy in copies for pk in targets])
    if model is MaterialPage:
        versions = list(MaterialVersion.objects.filter(material=template))
        MaterialVersion.objects.bulk_create(
            [clone(MaterialVersion, version, id=None, material_id=copy.pk) for copy in copies for version in versions]
        )


def queries(url, expected_total):
    client = Client()
    with CaptureQueriesContext(connection) as captured:
        body = client.get(url).json()
    assert body["meta"]["total_count"] == expected_total
    assert len(body["items"]) == min(expected_total, 100)
    return len(captured)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.endpoint_name)
def test_listing_queries_do_not_grow_with_the_items(parents, endpoint, django_assert_max_num_queries):
    url = f"/api/v2/{endpoint.endpoint_name}/?limit=100&fields=*"
    Client().get(url)  # renditions and per-process caches made once
    small = queries(url, SMALL)
    add_copies(endpoint.model, parents[endpoint.model], LARGE - SMALL)
    with django_assert_max_num_queries(small) as large:
        queries(url, LARGE)
    print(
        f"{endpoint.endpoint_name}: {small} queries for {SMALL} items, {len(large.captured_queries)} for 100 of {LARGE}"
    )
