"""django-comments-xtd's own endpoints are not routed (issues 14 and 15).

The site posts comments through each post's own route, shows approved ones on the post and
moderates in the admin. xtd's reply pages showed held comments, its content-type shortcut
redirected to unpublished posts, and malformed ids, unknown content types and the
browsable API answered 500.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from blog import moderation
from blog.models import BlogPage

from .conftest import post_comment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/comments/reply/1.0/",
        "/comments/reply/9223372036854775808/",
        "/comments/reply/1/",
        "/comments/api/foo-bar/1/count/",
        "/comments/api/blog-blogpage/1/",
        "/comments/api/blog-blogpage/1/?format=api",
        "/comments/api/blog-blogpage/1/count/",
        "/comments/api/comment/",
        "/comments/post/",
        "/comments/posted/",
        "/comments/flag/1/",
        "/comments/like/1/",
        "/comments/sent/",
        "/comments/confirm/abc/",
        "/comments/mute/abc/",
        "/comments/cr/1/1/",
    ],
)
@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_unused_comment_endpoints_are_not_found(client, post, path, accept):
    assert client.get(path, HTTP_ACCEPT=accept).status_code == 404
    assert client.post(path, {"comment": "x"}, HTTP_ACCEPT=accept).status_code == 404


def test_a_held_comment_has_no_address(client, post):
    post_comment(client, post, comment="Odottaa moderointia")
    comment = XtdComment.objects.get()
    content_type = ContentType.objects.get_for_model(BlogPage)
    for path in (f"/comments/reply/{comment.pk}/", f"/comments/cr/{content_type.pk}/{post.pk}/"):
        response = client.get(path)
        assert response.status_code == 404
        assert b"Odottaa moderointia" not in response.content and post.slug.encode() not in response.content


def test_approved_comments_show_on_the_post_only(client, post):
    post_comment(client, post, comment="Hyväksytty kommentti")
    moderation.approve(XtdComment.objects.values_list("pk", flat=True))
    assert "Hyväksytty kommentti" in client.get(post.url).content.decode()
