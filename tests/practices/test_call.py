"""A thematic call's form: open only during the call, with limits on what may be attached."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from practices.forms import MAX_ATTACHMENT_SIZE, PracticeSubmissionForm
from practices.models import PracticeModelPage, PracticeSubmission
from tests.factories.practices import PracticeCallPageFactory
from tests.practices.test_review import submission_data

pytestmark = pytest.mark.django_db


def post(client, call, capture, **overrides):
    with capture(execute=True):
        return client.post(call.url, submission_data(**overrides))


def form_errors(response):
    return " ".join(ul.get_text(" ") for ul in BeautifulSoup(response.content, "html.parser").select(".errorlist"))


def test_open_call_shows_the_form_with_labelled_fields(client, open_call):
    html = BeautifulSoup(client.get(open_call.url).content, "html.parser")
    form = html.find("form", enctype="multipart/form-data")
    assert form is not None and form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    for field in form.select("input:not([type=hidden]), textarea, select"):
        assert form.find("label", attrs={"for": field["id"]}), field["name"]


def test_closed_call_says_when_it_ran_and_refuses_a_post(client, closed_call, django_capture_on_commit_callbacks):
    html = BeautifulSoup(client.get(closed_call.url).content, "html.parser")
    assert html.find("form", enctype="multipart/form-data") is None
    period = html.select_one(".call-period").get_text()
    assert closed_call.closes_at.astimezone(timezone.get_current_timezone()).strftime("%Y") in period

    response = post(client, closed_call, django_capture_on_commit_callbacks)
    assert response.status_code == 403
    refusal = BeautifulSoup(response.content, "html.parser").select_one(".call-period[role=alert]")
    assert refusal is not None and refusal.strong is not None
    assert not PracticeModelPage.objects.exists() and mail.outbox == []


def test_upcoming_call_refuses_a_post(client, index, django_capture_on_commit_callbacks):
    now = timezone.now()
    call = PracticeCallPageFactory(
        parent=index, slug="tuleva", opens_at=now + datetime.timedelta(days=3), closes_at=now + datetime.timedelta(days=30)
    )
    assert BeautifulSoup(client.get(call.url).content, "html.parser").find("form", enctype="multipart/form-data") is None
    response = post(client, call, django_capture_on_commit_callbacks)
    assert response.status_code == 403
    assert not PracticeModelPage.objects.exists()


def test_oversized_attachment_is_refused_and_the_typed_text_kept(client, open_call, django_capture_on_commit_callbacks):
    big = SimpleUploadedFile("iso.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_SIZE, content_type="application/pdf")
    response = post(client, open_call, django_capture_on_commit_callbacks, attachments=big)
    assert response.status_code == 200
    # The message names the file and the limit (in the page's language: fi here).
    assert "iso.pdf" in form_errors(response) and "10,0\xa0MB" in form_errors(response)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "title"})["value"] == "Mentorina maahan muuttaneelle"
    assert "Teksti osiosta tips." in html.find("textarea", attrs={"name": "tips"}).get_text()
    assert not PracticeModelPage.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ohje.exe", b"MZ....", "“ohje.exe” is not a PDF, DOCX or ODT file."),
        ("kuva.pdf", b"\x89PNG\r\n", "“kuva.pdf” does not look like a PDF file."),
    ],
)
def test_forbidden_attachment_type_is_refused(client, open_call, django_capture_on_commit_callbacks, name, content, message):
    upload = SimpleUploadedFile(name, content)
    with translation.override("en"):
        form = PracticeSubmissionForm(submission_data(), {"attachments": upload})
        assert not form.is_valid()
        assert form.errors["attachments"] == [message]
    response = post(client, open_call, django_capture_on_commit_callbacks, attachments=SimpleUploadedFile(name, content))
    assert name in form_errors(response)
    assert not PracticeModelPage.objects.exists()


def test_missing_required_fields_return_the_form_with_errors(client, open_call, django_capture_on_commit_callbacks):
    response = post(client, open_call, django_capture_on_commit_callbacks, email="ei-osoite", basic_idea="")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("textarea", attrs={"name": "basic_idea"}).find_previous("ul", class_="errorlist")
    assert html.find("input", attrs={"name": "email"})["value"] == "ei-osoite"
    assert html.select_one("[role=alert]") is not None
    assert not PracticeModelPage.objects.exists()


def test_docx_attachment_is_accepted(client, open_call, django_capture_on_commit_callbacks):
    docx = SimpleUploadedFile("malli.docx", b"PK\x03\x04 word")
    response = post(client, open_call, django_capture_on_commit_callbacks, attachments=docx)
    assert response.status_code == 302
    practice = PracticeModelPage.objects.get()
    assert practice.sections[-1].block_type == "attachments"
    assert practice.sections[-1].value[0].collection.name == "Practice submissions"


def test_honeypot_submission_is_thanked_and_dropped(client, open_call, django_capture_on_commit_callbacks):
    response = post(client, open_call, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302
    assert not PracticeModelPage.objects.exists() and not PracticeSubmission.objects.exists()
    assert mail.outbox == []


def test_two_submissions_with_the_same_title_get_their_own_pages(client, open_call, django_capture_on_commit_callbacks):
    post(client, open_call, django_capture_on_commit_callbacks)
    post(client, open_call, django_capture_on_commit_callbacks)
    assert sorted(PracticeModelPage.objects.values_list("slug", flat=True)) == [
        "mentorina-maahan-muuttaneelle",
        "mentorina-maahan-muuttaneelle-2",
    ]


def test_privacy_notice_is_linked_in_the_form_once_chosen(client, open_call, home):
    from wagtail.models import Site

    from cms.models import SiteSettings
    from tests.factories import StandardPageFactory

    def link():
        return BeautifulSoup(client.get(open_call.url).content, "html.parser").select_one("form .privacy-notice a")

    assert link() is None
    notice = StandardPageFactory(parent=home, title="Tietosuojaseloste", slug="tietosuojaseloste")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = notice
    settings.save()
    assert link()["href"] == notice.url
