import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from practices.intake import ensure_panel_workflow
from practices.models import PANEL_GROUP_NAME
from tests.factories import UserFactory
from tests.factories.practices import PracticeCallPageFactory, PracticeIndexPageFactory


@pytest.fixture
def index(home):
    page = PracticeIndexPageFactory(parent=home)
    ensure_panel_workflow(page)
    return page


@pytest.fixture
def open_call(index):
    return PracticeCallPageFactory(parent=index, title="Mentorointihaku", slug="mentorointihaku")


@pytest.fixture
def closed_call(index):
    now = timezone.now()
    return PracticeCallPageFactory(
        parent=index,
        title="Mentorointihaku 2018",
        slug="mentorointihaku-2018",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=1),
    )


@pytest.fixture
def panel_member(db):
    user = UserFactory(username="raati", email="raati@example.org")
    user.groups.add(Group.objects.get(name=PANEL_GROUP_NAME))
    # English admin, so assertions on messages hold once Finnish translations arrive.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user
