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


def approved_thread(client, post, moderator):
    """A published comment with a published reply, and another published comment."""
    post_comment(client, post, comment="Ensimmäinen")
    post_comment(client, post, comment="Toinen", name="Toinen")
    first, second = XtdComment.objects.order_by("pk")
    client.force_login(moderator)
    client.post(MODERATE, {"action": "approve", "comment": [first.pk, second.pk]})
    client.logout()
    post_comment(client, post, comment="Vastaus ensimmäiseen", reply_to=first.pk)
    reply = XtdComment.objects.get(comment="Vastaus ensimmäiseen")
    client.force_login(moderator)
    client.post(MODERATE, {"approve_one": reply.pk})
    return first, second, reply


def public_text(client, post):
    client.logout()
    return client.get(post.url).content.decode()


def test_published_comments_are_listed_for_moderators(client, moderator, post):
    first, second, reply = approved_thread(client, post, moderator)
    response = client.get(QUEUE, {"status": "published"})
    rows = soup(response).select("table.listing tbody tr")
    assert [row.find("input", type="checkbox")["value"] for row in rows] == [str(reply.pk), str(second.pk), str(first.pk)]
    assert rows[0].find("button", attrs={"name": "unpublish_one"}) is not None
    assert rows[0].find("button", attrs={"name": "delete_one"}) is not None
    # The held tab does not list them.
    assert soup(client.get(QUEUE)).select("table.listing tbody tr") == []


def test_moderator_unpublishes_a_published_comment_back_into_the_queue(client, moderator, post):
    first, second, _reply = approved_thread(client, post, moderator)
    response = client.post(MODERATE, {"unpublish_one": second.pk, "status": "published"})
    assert response.status_code == 302 and response["Location"].endswith("?status=published")
    second.refresh_from_db()
    assert second.is_public is False and second.is_removed is False
    assert [row.find("input", type="checkbox")["value"] for row in soup(client.get(QUEUE)).select("tbody tr")] == [
        str(second.pk)
    ]
    page = public_text(client, post)
    assert "Toinen" not in page and "Ensimmäinen" in page


def test_deleting_asks_first_then_removes_the_comment_and_its_replies_for_good(client, moderator, post):
    first, second, reply = approved_thread(client, post, moderator)
    confirmation = client.post(MODERATE, {"delete_one": first.pk})
    assert confirmation.status_code == 200
    assert XtdComment.objects.count() == 3  # nothing deleted before the confirmation
    form = soup(confirmation).find("form", method="post")
    assert form.find("input", attrs={"name": "comment"})["value"] == str(first.pk)

    response = client.post(MODERATE, {"action": "delete", "comment": [first.pk], "confirmed": "1"}, follow=True)
    assert response.status_code == 200
    assert list(XtdComment.objects.values_list("pk", flat=True)) == [second.pk]
    page = public_text(client, post)
    assert "Ensimmäinen" not in page and "Vastaus ensimmäiseen" not in page and "Toinen" in page


def test_held_comments_cannot_be_deleted_nor_published_ones_approved_again(client, moderator, post):
    post_comment(client, post, comment="Odottaa")
    held = XtdComment.objects.get()
    client.force_login(moderator)
    client.post(MODERATE, {"action": "delete", "comment": [held.pk], "confirmed": "1"})
    client.post(MODERATE, {"unpublish_one": held.pk})
    held.refresh_from_db()
    assert held.is_public is False and held.is_removed is False


def test_other_users_cannot_unpublish_or_delete(client, editor, moderator, post):
    first, _second, _reply = approved_thread(client, post, moderator)
    client.force_login(editor)
    assert client.post(MODERATE, {"unpublish_one": first.pk}).status_code == 403
    assert client.post(MODERATE, {"action": "delete", "comment": [first.pk], "confirmed": "1"}).status_code == 403
    assert XtdComment.objects.filter(is_public=True).count() == 3
