"""A submission is never lost: bad input is a form error, slugs are readable and unique, e-mail failures stay visible."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import IntegrityError

from practices import intake
from practices.intake import send_submission_emails, slug_base
from practices.models import PracticeModelPage, PracticeSubmission
from tests.factories import UserFactory
from tests.practices.test_review import submission_data

pytestmark = pytest.mark.django_db


def submit(client, call, capture, remote_addr="10.0.0.1", **overrides):
    with capture(execute=True):
        return client.post(call.url, submission_data(**overrides), REMOTE_ADDR=remote_addr)


def errors(response):
    return " ".join(ul.get_text(" ") for ul in BeautifulSoup(response.content, "html.parser").select(".errorlist"))


@pytest.mark.parametrize("field", ["title", "name", "organisation", "municipality"])
@pytest.mark.parametrize("value", ["a\r\nBcc: x@example.com", "a\nb", "tab\there", "bell\x07"])
def test_line_breaks_and_controls_in_one_line_fields_are_a_form_error(client, open_call, django_capture_on_commit_callbacks, field, value):
    response = submit(client, open_call, django_capture_on_commit_callbacks, **{field: value})
    assert response.status_code == 200
    assert errors(response)
    assert not PracticeModelPage.objects.exists() and not PracticeSubmission.objects.exists()
    assert mail.outbox == []


def test_control_characters_in_text_are_a_form_error_but_line_breaks_are_text(client, open_call, django_capture_on_commit_callbacks):
    response = submit(client, open_call, django_capture_on_commit_callbacks, basic_idea="Idea\x1b[31m")
    assert response.status_code == 200 and errors(response)
    response = submit(client, open_call, django_capture_on_commit_callbacks, basic_idea="Rivi\r\nToinen\tsarake")
    assert response.status_code == 302


def test_subjects_are_one_line_whatever_the_stored_title(client, open_call, django_capture_on_commit_callbacks):
    """An editor may have put anything in the title meanwhile: the e-mail still goes, on one line."""
    submit(client, open_call, django_capture_on_commit_callbacks)
    submission = PracticeSubmission.objects.get()
    PracticeModelPage.objects.filter(pk=submission.practice_id).update(title="Uusi\r\nBcc: x@example.com nimi")
    mail.outbox.clear()
    send_submission_emails(submission.pk)
    assert [message.to for message in mail.outbox] == [["maija@esimerkkila.example"], ["osaamiskeskus@kotoutuminen.example"]]
    assert "Uusi Bcc: x@example.com nimi" in mail.outbox[0].subject
    assert all("\n" not in message.subject and "\r" not in message.subject for message in mail.outbox)
    assert all(message.bcc == [] for message in mail.outbox)


def test_an_email_failure_keeps_the_submission_and_shows_the_centre_why(
    client, open_call, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.failing_email.RefusingEmailBackend"
    with caplog.at_level(logging.ERROR, logger="practices.intake"):
        response = submit(client, open_call, django_capture_on_commit_callbacks)
    # The submitter is thanked; the draft, the submission and the review all stand.
    assert response.status_code == 302
    submission = PracticeSubmission.objects.get()
    practice = PracticeModelPage.objects.get()
    assert submission.practice_id == practice.pk and practice.workflow_in_progress
    assert submission.emails_sent_at is None
    assert "SMTPServerDisconnected" in submission.email_error
    assert "submission_confirmation" in submission.email_error and "submission_notice" in submission.email_error
    failures = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(failures) == 2 and all(record.exc_info for record in failures)
    # The centre sees it in the submissions list of the admin.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get("/admin/snippets/practices/practicesubmission/").content.decode()
    assert "SMTPServerDisconnected" in listing


def test_sent_emails_are_recorded(client, open_call, django_capture_on_commit_callbacks):
    submit(client, open_call, django_capture_on_commit_callbacks)
    submission = PracticeSubmission.objects.get()
    assert submission.emails_sent_at is not None and submission.email_error == ""
    assert len(mail.outbox) == 2


def test_a_failure_while_storing_leaves_nothing_half_made(client, open_call, django_capture_on_commit_callbacks, monkeypatch):
    def broken_workflow(index):
        raise RuntimeError("workflow table unavailable")

    monkeypatch.setattr(intake, "ensure_panel_workflow", broken_workflow)
    with pytest.raises(RuntimeError):
        submit(client, open_call, django_capture_on_commit_callbacks)
    assert not PracticeModelPage.objects.exists() and not PracticeSubmission.objects.exists()
    assert mail.outbox == []


def test_a_conflicting_write_is_retried_with_a_fresh_slug(client, open_call, django_capture_on_commit_callbacks, monkeypatch):
    """A unique-constraint conflict (another writer took the path or slug) is tried again, not lost."""
    real_store = intake.store_submission
    calls = []

    def store_once_conflicting(*args):
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("duplicate key value violates unique constraint \"wagtailcore_page_path_key\"")
        return real_store(*args)

    monkeypatch.setattr(intake, "store_submission", store_once_conflicting)
    response = submit(client, open_call, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert len(calls) == 2
    assert PracticeSubmission.objects.count() == 1 and PracticeModelPage.objects.count() == 1


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Mentorina maahan muuttaneelle", "mentorina-maahan-muuttaneelle"),
        ("Äidinkielen ohjaus", "aidinkielen-ohjaus"),
        ("التوجيه المهني", "ltwjyh-lmhny"),
        ("导师计划", "daoshijihua"),
        ("Наставничество", "nastavnichestvo"),
        ("🌱 Kasvu", "seedling-kasvu"),
        (";--", "practice"),
        ("'; DROP TABLE x;--", "drop-table-x"),
    ],
)
def test_titles_in_any_script_get_a_readable_slug(title, slug):
    assert slug_base(title) == slug


def test_non_latin_titles_no_longer_share_one_slug(client, open_call, django_capture_on_commit_callbacks):
    for number, title in enumerate(["التوجيه المهني", "导师计划", "😀", ";--", ";--"]):
        assert submit(client, open_call, django_capture_on_commit_callbacks, remote_addr=f"10.0.1.{number}",
                      title=title).status_code == 302
    assert sorted(PracticeModelPage.objects.values_list("slug", flat=True)) == [
        "daoshijihua", "grinning", "ltwjyh-lmhny", "practice", "practice-2",
    ]


def test_submissions_are_limited_per_address_and_the_typed_form_comes_back(
    client, open_call, django_capture_on_commit_callbacks, settings
):
    settings.PRACTICE_SUBMISSION_RATE = "5/h"
    for number in range(5):
        response = submit(client, open_call, django_capture_on_commit_callbacks, title=f"Malli {number}")
        assert response.status_code == 302
    response = submit(client, open_call, django_capture_on_commit_callbacks, title="Kuudes malli")
    assert response.status_code == 429
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "title"})["value"] == "Kuudes malli"
    assert html.select_one("[role=alert]") is not None
    assert PracticeSubmission.objects.count() == 5
    # Another address is not affected.
    other = submit(client, open_call, django_capture_on_commit_callbacks, remote_addr="10.0.0.2", title="Muualta")
    assert other.status_code == 302
