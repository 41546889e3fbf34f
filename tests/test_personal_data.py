"""purge_personal_data: old commenter addresses and the e-mail of submissions not accepted go; the rest stays."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from practices.models import PracticeSubmission
from tests.blog.conftest import post_comment
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.practices.conftest import index, open_call, panel_member  # noqa: F401 - fixtures used below
from tests.practices.test_review import action_url, submission_data
from tests.test_settings import load_settings

pytestmark = pytest.mark.django_db


def purge():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def age(queryset, field, days):
    queryset.update(**{field: timezone.now() - datetime.timedelta(days=days)})


def test_comment_addresses_are_removed_after_the_retention_period(client, home, settings):
    settings.COMMENT_IP_RETENTION_DAYS = 90
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home, slug="blogi"), slug="kirjoitus")
    for number in range(3):
        post_comment(client, post, comment=f"Kommentti {number}", remote_addr=f"10.0.0.{number + 1}")
    old, borderline, recent = XtdComment.objects.order_by("pk")
    age(XtdComment.objects.filter(pk=old.pk), "submit_date", 91)
    age(XtdComment.objects.filter(pk=borderline.pk), "submit_date", 89)

    output = purge()
    assert "Removed the IP address of 1 comment(s) older than 90 days." in output
    assert dict(XtdComment.objects.values_list("pk", "ip_address")) == {
        old.pk: None, borderline.pk: "10.0.0.2", recent.pk: "10.0.0.3",
    }
    # The comment itself stays; running again removes nothing more.
    assert XtdComment.objects.count() == 3
    assert "Removed the IP address of 0 comment(s)" in purge()


def test_the_period_is_a_setting(client, home, settings):
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home, slug="blogi"), slug="kirjoitus")
    post_comment(client, post)
    age(XtdComment.objects.all(), "submit_date", 10)
    settings.COMMENT_IP_RETENTION_DAYS = 7
    assert "Removed the IP address of 1 comment(s) older than 7 days." in purge()
    assert XtdComment.objects.get().ip_address is None


def submit(client, call, capture, title):
    with capture(execute=True):
        assert client.post(call.url, submission_data(title=title, email=f"{title}@example.org")).status_code == 302
    return PracticeSubmission.objects.get(practice__title=title)


def test_emails_of_submissions_not_accepted_are_removed_after_the_retention_period(
    client, open_call, panel_member, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    settings.SUBMISSION_EMAIL_RETENTION_DAYS = 180
    capture = django_capture_on_commit_callbacks
    in_review = submit(client, open_call, capture, "arvioitavana")
    rejected = submit(client, open_call, capture, "hylatty")
    deleted = submit(client, open_call, capture, "poistettu")
    published = submit(client, open_call, capture, "julkaistu")
    recent_rejected = submit(client, open_call, capture, "tuore")

    client.force_login(panel_member)
    for submission in (rejected, recent_rejected):
        assert client.post(action_url(submission.practice, "reject"), {"comment": "Ei nyt."}).status_code == 302
    deleted.practice.delete()
    published.practice.save_revision().publish()
    age(PracticeSubmission.objects.exclude(pk=recent_rejected.pk), "submitted_at", 181)

    output = purge()
    assert "Removed the e-mail address of 2 practice submission(s) not accepted, older than 180 days." in output
    emails = dict(PracticeSubmission.objects.values_list("pk", "email"))
    assert emails == {
        in_review.pk: "arvioitavana@example.org",
        rejected.pk: "",
        deleted.pk: "",
        published.pk: "julkaistu@example.org",
        recent_rejected.pk: "tuore@example.org",
    }
    # The submission record stays for the centre; a second run removes nothing.
    assert PracticeSubmission.objects.count() == 5
    assert "Removed the e-mail address of 0 practice submission(s)" in purge()


def test_defaults_are_the_ones_the_privacy_notice_states():
    result = load_settings("cms.settings.dev")
    assert result.returncode == 0, result.stderr
    assert '"comment_ip_days": 90' in result.stdout and '"submission_email_days": 180' in result.stdout
    result = load_settings("cms.settings.dev", COMMENT_IP_RETENTION_DAYS="30", SUBMISSION_EMAIL_RETENTION_DAYS="60")
    assert '"comment_ip_days": 30' in result.stdout and '"submission_email_days": 60' in result.stdout
