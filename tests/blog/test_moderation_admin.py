"""The moderation queue in the Wagtail admin: who sees it, what it lists, what it does."""

import pytest
from django.contrib.auth.models import Group, Permission
from django_comments_xtd.models import XtdComment

from tests.blog.conftest import post_comment, soup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/blog/comments/"
MODERATE = "/admin/blog/comments/moderate/"


@pytest.fixture
def editor(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_moderators_group_exists_with_the_permissions():
    group = Group.objects.get(name="Comment moderators")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert {("django_comments", "can_moderate"), ("wagtailadmin", "access_admin")} <= codenames
    assert Permission.objects.filter(content_type__app_label="django_comments", codename="can_moderate").count() == 1


def test_editor_outside_the_group_gets_403(client, editor, post):
    post_comment(client, post)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # an editor may use the admin...
    assert client.get(QUEUE).status_code == 403  # ...but not the queue
    comment = XtdComment.objects.get()
    assert client.post(MODERATE, {"approve_one": comment.pk}).status_code == 403
    comment.refresh_from_db()
    assert comment.is_public is False
    assert "held-comments" not in client.get("/admin/").content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_moderator_sees_held_comments_with_their_post_and_a_counting_menu_item(client, moderator, post):
    post_comment(client, post, comment="Odottava kommentti <b>lihava</b>")
    post_comment(client, post, comment="Toinen odottava", name="Toinen")
    client.force_login(moderator)

    response = client.get(QUEUE)
    assert response.status_code == 200
    rows = soup(response).select("table.listing tbody tr")
    assert len(rows) == 2
    assert "Odottava kommentti <b>lihava</b>" in rows[0].get_text()  # shown as text, not markup
    assert rows[0].find("b") is None
    assert rows[0].find("a", string=post.title)["href"] == f"/admin/pages/{post.pk}/edit/"

    dashboard = client.get("/admin/").content.decode()
    assert "held-comments" in dashboard
    assert "(2)" in dashboard


def test_moderation_needs_post_and_csrf(client, moderator, post):
    post_comment(client, post)
    comment = XtdComment.objects.get()
    client.force_login(moderator)
    assert client.get(MODERATE, {"approve_one": comment.pk}).status_code == 405

    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(moderator)
    assert strict.post(MODERATE, {"approve_one": comment.pk}).status_code == 403
    comment.refresh_from_db()
    assert comment.is_public is False


def test_moderator_approves_through_the_queue_form(client, moderator, post):
    post_comment(client, post, comment="Julkaistava")
    client.force_login(moderator)
    response = client.post(MODERATE, {"approve_one": XtdComment.objects.get().pk}, follow=True)
    assert response.status_code == 200
    assert soup(response).select("table.listing tbody tr") == []
    client.logout()
    assert "Julkaistava" in client.get(post.url).content.decode()


def test_bad_moderation_input_is_harmless(client, superuser, post):
    post_comment(client, post)
    client.force_login(superuser)
    for data in ({}, {"action": "explode", "comment": ["1"]}, {"action": "approve", "comment": ["abc"]}):
        assert client.post(MODERATE, data).status_code == 302
    assert XtdComment.objects.get().is_public is False
