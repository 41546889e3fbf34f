"""Comments on blog posts: held until approved, replies one level deep, spam defences."""

import re
import time

import pytest
from django.core import mail
from django.test import override_settings
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment

from blog import moderation
from tests.blog.conftest import comment_form_fields, post_comment, soup
from tests.factories.blog import BlogPageFactory

pytestmark = pytest.mark.django_db


def shown_comment_texts(client, page):
    return [text.get_text(strip=True) for text in soup(client.get(page.url)).select(".comment__text")]


def test_posted_comment_is_held_and_not_shown(client, post):
    response = post_comment(client, post, comment="Tärkeää työtä kunnissa.")

    assert response.status_code == 302
    assert response["Location"] == post.url + "comment/posted/"
    comment = XtdComment.objects.get()
    assert comment.is_public is False
    assert comment.content_object == post
    assert comment.ip_address == "10.0.0.1"
    assert shown_comment_texts(client, post) == []

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    page = soup(confirmation)
    assert "moderation" in page.h1.get_text() or "moderoi" in page.h1.get_text()
    assert page.find("a", href=post.url + "#comments") is not None
    # The confirmation never reveals the comment itself.
    assert "Tärkeää työtä kunnissa." not in confirmation.content.decode()


def test_approved_comment_is_shown_and_removed_comment_is_gone(client, post, superuser):
    post_comment(client, post, comment="Ensimmäinen kommentti")
    post_comment(client, post, comment="Toinen kommentti", name="Toinen")
    first, second = XtdComment.objects.order_by("pk")

    client.force_login(superuser)
    response = client.post("/admin/blog/comments/moderate/", {"approve_one": first.pk})
    assert response.status_code == 302
    response = client.post("/admin/blog/comments/moderate/", {"remove_one": second.pk})
    assert response.status_code == 302
    client.logout()

    assert shown_comment_texts(client, post) == ["Ensimmäinen kommentti"]
    # A valid HTML date-time: whole seconds and an offset, not Python's six-digit fraction.
    stamp = soup(client.get(post.url)).select_one(".comment__meta time")["datetime"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp), stamp
    second.refresh_from_db()
    assert second.is_removed and not second.is_public
    assert list(moderation.held_comments()) == []


def test_bulk_approve_and_remove(client, post, superuser):
    for number in range(4):
        post_comment(client, post, comment=f"Kommentti {number}", name=f"Nimi {number}")
    ids = list(XtdComment.objects.order_by("pk").values_list("pk", flat=True))

    client.force_login(superuser)
    client.post("/admin/blog/comments/moderate/", {"action": "approve", "comment": ids[:2]})
    client.post("/admin/blog/comments/moderate/", {"action": "remove", "comment": ids[2:]})
    client.logout()

    assert shown_comment_texts(client, post) == ["Kommentti 0", "Kommentti 1"]
    assert XtdComment.objects.filter(is_removed=True).count() == 2


def test_reply_nests_under_its_parent_and_only_one_level(client, post):
    post_comment(client, post, comment="Kysymys")
    parent = XtdComment.objects.get()
    moderation.approve([parent.pk])

    response = post_comment(client, post, comment="Vastaus", reply_to=parent.pk, name="Vastaaja")
    assert response.status_code == 302
    reply = XtdComment.objects.exclude(pk=parent.pk).get()
    assert (reply.parent_id, reply.level, reply.is_public) == (parent.pk, 1, False)
    # Approving the parent did not, and approving later does not, publish unreviewed replies.
    assert shown_comment_texts(client, post) == ["Kysymys"]
    moderation.approve([reply.pk])

    page = soup(client.get(post.url))
    parent_item = page.find("li", id=f"c{parent.pk}")
    nested = parent_item.select_one("ol.comments__replies li")
    assert nested["id"] == f"c{reply.pk}"
    assert nested.select_one(".comment__text").get_text(strip=True) == "Vastaus"

    # No reply forms under replies, and a forged reply to a reply is refused.
    assert page.find("input", attrs={"name": "reply_to", "value": str(reply.pk)}) is None
    fields = comment_form_fields(client.get(post.url))
    fields.pop("action")
    response = client.post(
        post.url + "comment/",
        {**fields, "reply_to": reply.pk, "name": "X", "email": "x@example.org", "comment": "Syvempi"},
    )
    assert response.status_code == 400
    assert XtdComment.objects.count() == 2


def test_cannot_reply_to_held_comment(client, post):
    post_comment(client, post, comment="Odottaa")
    held = XtdComment.objects.get()
    fields = comment_form_fields(client.get(post.url))
    fields.pop("action")
    response = client.post(
        post.url + "comment/", {**fields, "reply_to": held.pk, "name": "X", "email": "x@example.org", "comment": "V"}
    )
    assert response.status_code == 400


def test_filled_honeypot_is_refused(client, post):
    fields = comment_form_fields(client.get(post.url))
    response = post_comment(client, post, honeypot="http://spam.example")
    assert "honeypot" in fields
    assert response.status_code == 400
    assert not XtdComment.objects.exists()


def test_bad_security_hash_is_refused(client, post):
    response = post_comment(client, post, security_hash="0" * 40)
    assert response.status_code == 400
    assert not XtdComment.objects.exists()


def test_expired_timestamp_is_refused(client, post):
    old = str(int(time.time()) - 3 * 60 * 60)
    form = XtdCommentForm(post)
    valid_hash = form.generate_security_hash("blog.blogpage", str(post.pk), old)
    response = post_comment(client, post, timestamp=old, security_hash=valid_hash)
    assert response.status_code == 400
    assert not XtdComment.objects.exists()


def test_comment_for_another_object_is_refused(client, post, blog_index):
    other = BlogPageFactory(parent=blog_index)
    fields = comment_form_fields(client.get(other.url))
    fields.pop("action")
    response = client.post(post.url + "comment/", {**fields, "name": "X", "email": "x@example.org", "comment": "Y"})
    assert response.status_code == 400
    assert not XtdComment.objects.exists()


def test_generic_comment_endpoint_cannot_bypass_the_post_route(client, post):
    """django-comments' own /comments/post/ has no rate limit: it is not routed at all."""
    fields = comment_form_fields(client.get(post.url))
    fields.pop("action")
    response = client.post("/comments/post/", {**fields, "name": "X", "email": "x@example.org", "comment": "Y"})
    assert response.status_code == 404
    assert not XtdComment.objects.exists()


def test_invalid_comment_shows_errors_and_saves_nothing(client, post):
    response = post_comment(client, post, comment="x" * 3001, email="not-an-address")
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one("#id_comment_errors") is not None
    assert page.select_one("#id_email_errors") is not None
    assert not XtdComment.objects.exists()


def test_rate_limit_answers_429_after_five_comments(client, post):
    for number in range(5):
        response = post_comment(client, post, comment=f"Viesti {number}", remote_addr="10.9.9.9")
        assert response.status_code == 302
    response = post_comment(client, post, comment="Kuudes", remote_addr="10.9.9.9")
    assert response.status_code == 429
    assert soup(response).find(role="alert") is not None
    assert XtdComment.objects.count() == 5
    # Another address is not affected.
    assert post_comment(client, post, comment="Muualta", remote_addr="10.9.9.10").status_code == 302


def test_script_payload_renders_escaped(client, post):
    payload = '<script>alert("x")</script><b>lihava</b>\nrivi kaksi'
    post_comment(client, post, comment=payload)
    moderation.approve(XtdComment.objects.values_list("pk", flat=True))

    html = client.get(post.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;lihava&lt;/b&gt;<br>rivi kaksi" in html


def test_moderators_get_an_email_for_each_held_comment(client, post, moderator):
    post_comment(client, post, comment="Ilmoitettava kommentti")
    post_comment(client, post, comment="Toinen ilmoitettava", name="B")

    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.to == [moderator.email]
    assert post.title in message.subject
    assert "Ilmoitettava kommentti" in message.body
    assert "/admin/blog/comments/" in message.body


def test_inactive_or_other_users_get_no_email(client, post, moderator):
    moderator.is_active = False
    moderator.save()
    post_comment(client, post)
    assert mail.outbox == []


@pytest.mark.parametrize("change", ["switched_off", "too_old"])
def test_closed_comments_show_no_form_and_refuse_posts(client, post, change):
    fields = comment_form_fields(client.get(post.url))
    action = fields.pop("action")
    if change == "switched_off":
        post.comments_enabled = False
    else:
        post.date = post.date.replace(year=post.date.year - 1)
    post.save()

    page = soup(client.get(post.url))
    assert page.find("form", class_="comment-form") is None
    assert page.select_one(".comments .notice") is not None
    response = client.post(action, {**fields, "name": "X", "email": "x@example.org", "comment": "Myöhässä"})
    assert response.status_code == 403
    assert not XtdComment.objects.exists()


def test_comments_close_after_the_configured_days(client, post):
    post.date = post.date.replace(year=post.date.year - 1)
    post.save()
    assert not post.comments_open()
    with override_settings(BLOG_COMMENTS_CLOSE_AFTER_DAYS=0):
        assert post.comments_open()
        assert soup(client.get(post.url)).find("form", class_="comment-form") is not None


def test_page_with_form_is_never_cached_publicly(client, post):
    response = client.get(post.url)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control
    assert "public" not in cache_control


def test_comment_policy_is_linked_beside_the_form(client, post, home):
    from wagtail.models import Site

    from cms.models import SiteSettings
    from tests.factories import StandardPageFactory

    policy = StandardPageFactory(parent=home, title="Kommentointiohjeet", slug="kommentointiohjeet")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.comment_policy_page = policy
    settings.save()

    link = soup(client.get(post.url)).select_one(".comments__policy a")
    assert link["href"] == policy.url
    assert link.get_text() == "Kommentointiohjeet"  # the page's own title, not "Read the policy: <title>"


@override_settings(PAGE_CACHE_SECONDS=600)
def test_page_cache_never_keeps_a_comment_form_and_forgets_on_approval(client, post):
    assert "X-Page-Cache" not in client.get(post.url)  # a page with a form is never stored
    post_comment(client, post, comment="Hyväksytään myöhemmin")
    post.comments_enabled = False
    post.save()
    client.cookies.clear()

    first = client.get(post.url)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(post.url)["X-Page-Cache"] == "hit"
    moderation.approve(XtdComment.objects.values_list("pk", flat=True))
    assert shown_comment_texts(client, post) == ["Hyväksytään myöhemmin"]


def test_privacy_notice_is_linked_beside_the_form_once_chosen(client, post, home):
    from wagtail.models import Site

    from cms.models import SiteSettings
    from tests.factories import StandardPageFactory

    assert soup(client.get(post.url)).select_one(".comments__new .privacy-notice") is None
    notice = StandardPageFactory(parent=home, title="Tietosuojaseloste", slug="tietosuojaseloste")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = notice
    settings.save()

    link = soup(client.get(post.url)).select_one(".comments__new .privacy-notice a")
    assert link["href"] == notice.url


def post_reply_to(client, post, reply_to):
    fields = comment_form_fields(client.get(post.url))
    fields.pop("action")
    data = {**fields, "reply_to": reply_to, "name": "X", "email": "x@example.org", "comment": "Vastaus"}
    return client.post(post.url + "comment/", data)


@pytest.mark.parametrize(
    "reply_to",
    ["9223372036854775808", "999999999999999999999", "-999999999999999999999", "-1", "1e3", "١", " 1", "0x1", ""],
)
def test_reply_to_that_is_no_comment_id_is_a_400_on_every_database(client, post, reply_to):
    """A number beyond 64 bits used to reach SQLite and fail there with OverflowError (500)."""
    response = post_reply_to(client, post, reply_to)
    assert response.status_code == 400
    assert not XtdComment.objects.exists()


@pytest.mark.parametrize("timestamp", ["9" * 400, "-" + "9" * 400, "9223372036854775809"])
def test_timestamp_beyond_any_float_is_refused(client, post, timestamp):
    """django-comments subtracts it from time.time(): 400 digits used to be an OverflowError (500)."""
    response = post_comment(client, post, timestamp=timestamp)
    assert response.status_code == 400
    assert not XtdComment.objects.exists()


def test_behind_a_trusted_proxy_the_limit_and_the_stored_address_are_the_clients(client, post, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy, visitor, neighbour = "10.0.0.254", "198.51.100.7", "198.51.100.8"
    for number in range(5):
        response = post_comment(client, post, comment=f"Viesti {number}", remote_addr=proxy,
                                headers={"HTTP_X_FORWARDED_FOR": f"203.0.113.9, {visitor}"})
        assert response.status_code == 302
    sixth = post_comment(client, post, comment="Kuudes", remote_addr=proxy, headers={"HTTP_X_FORWARDED_FOR": visitor})
    assert sixth.status_code == 429
    # Another visitor behind the same proxy has a count of their own.
    other = post_comment(client, post, comment="Naapuri", remote_addr=proxy, headers={"HTTP_X_FORWARDED_FOR": neighbour})
    assert other.status_code == 302
    assert sorted(set(XtdComment.objects.values_list("ip_address", flat=True))) == [visitor, neighbour]


def test_without_trusted_proxies_a_forwarded_header_changes_nothing(client, post, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(5):
        response = post_comment(client, post, comment=f"Viesti {number}", remote_addr="10.1.1.1",
                                headers={"HTTP_X_FORWARDED_FOR": f"203.0.113.{number}"})
        assert response.status_code == 302
    forged = post_comment(client, post, comment="Kuudes", remote_addr="10.1.1.1",
                          headers={"HTTP_X_FORWARDED_FOR": "203.0.113.99"})
    assert forged.status_code == 429
    assert set(XtdComment.objects.values_list("ip_address", flat=True)) == {"10.1.1.1"}
