"""Adoption reports: the public form and its defences, moderation, what the public sees on every channel, the editors' e-mail."""

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.test import override_settings
from django.utils import timezone
from wagtail.users.models import UserProfile

from blog.moderation import MODERATORS_GROUP
from cms.personal_data import purge_all
from practices.adoption import AdoptionReportForm
from practices.models import AdoptionReport
from tests.factories import UserFactory, translate_page
from tests.factories.practices import PracticeModelPageFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/practices/adoption-reports/"
MODERATE = "/admin/practices/adoption-reports/moderate/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def owner(db):
    return UserFactory(username="omistaja", email="omistaja@example.org")


@pytest.fixture
def practice(index, owner):
    page = PracticeModelPageFactory(parent=index, title="Mentorointi nuorille", slug="mentorointi", owner=owner)
    page.save_revision(user=owner).publish()
    return page


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderaattori", email="moderaattori@example.org")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def form_url(page):
    return f"/adoption/{page.pk}/"


def report_data(**overrides):
    data = {
        "organisation": "Tampereen kaupunki",
        "municipality": "Tampere",
        "region": "pirkanmaa",
        "adopted_on": "2024-03",
        "adapted": "Mentorit urheiluseuroista.",
        "experiences": "Nuoret sitoutuivat hyvin.",
        "contact_name": "Maija Mentori",
        "contact_email": "maija.salainen@example.org",
        "website": "",
        "issued": AdoptionReportForm.issued_value(),
    }
    data.update(overrides)
    return data


def send(client, page, **overrides):
    return client.post(form_url(page), report_data(**overrides))


def approve_all(client, moderator):
    client.force_login(moderator)
    ids = [str(pk) for pk in AdoptionReport.objects.filter(status=AdoptionReport.HELD).values_list("pk", flat=True)]
    response = client.post(MODERATE, {"action": "approve", "report": ids})
    client.logout()
    return response


def adoption_section(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return soup(response).select_one("#adoption")


def adopted_titles(client, index):
    html = soup(client.get(index.url + "?adopted=1"))
    return sorted(link.get_text(strip=True) for link in html.select(".card__title a"))


def api_adopted_titles(client):
    response = client.get("/api/v2/practices/?adopted=1&fields=title")
    assert response.status_code == 200
    return sorted(item["title"] for item in response.json()["items"])


# --- The form ------------------------------------------------------------------------------------


def test_practice_page_links_to_the_form_which_is_never_shared_by_caches(client, practice):
    link = adoption_section(client, practice).find("a", string="Otimme tämän käyttöön")
    assert link["href"] == form_url(practice)
    response = client.get(form_url(practice))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = soup(response)
    for name in ("organisation", "municipality", "region", "adopted_on", "adapted", "experiences",
                 "contact_name", "contact_email", "website", "issued"):
        assert html.select_one(f"form [name={name}]") is not None, name
    assert html.select_one("label[for=id_organisation]") is not None


def test_a_report_is_stored_held_and_shown_nowhere_until_approved(client, practice, index, owner):
    response = send(client, practice)
    assert response.status_code == 302
    assert response["Location"] == f"/adoption/{practice.pk}/thanks/"
    thanks = client.get(response["Location"])
    assert "odottaa moderointia" in thanks.content.decode()

    report = AdoptionReport.objects.get()
    assert (report.status, report.practice_id, report.language) == (AdoptionReport.HELD, practice.pk, "fi")
    assert (report.organisation, report.adopted_on) == ("Tampereen kaupunki", datetime.date(2024, 3, 1))
    section = adoption_section(client, practice)
    assert "Tampereen kaupunki" not in section.get_text()
    assert section.select(".adoption-report") == []
    assert adopted_titles(client, index) == []
    assert api_adopted_titles(client) == []


def test_invalid_input_is_a_form_error_with_everything_typed_kept(client, practice):
    future = (timezone.localdate() + datetime.timedelta(days=40)).strftime("%Y-%m")
    for overrides, field in [
        ({"organisation": ""}, "organisation"),
        ({"contact_email": "ei-osoite"}, "contact_email"),
        ({"adopted_on": "maaliskuu"}, "adopted_on"),
        ({"adopted_on": "2024-13"}, "adopted_on"),
        ({"adopted_on": future}, "adopted_on"),
        ({"adopted_on": "1700-01"}, "adopted_on"),
        ({"region": "atlantis"}, "region"),
        ({"municipality": "Tam\x00pere"}, "municipality"),
        ({"experiences": "x" * 4001}, "experiences"),
    ]:
        response = send(client, practice, **overrides)
        assert response.status_code == 400, overrides
        html = soup(response)
        assert html.select_one(f"#id_{field}_errors") is not None, overrides
        assert html.select_one("#id_experiences").get_text().strip() == overrides.get("experiences", "Nuoret sitoutuivat hyvin.")
        kept = "Maija Mentori" if field != "contact_name" else ""
        assert html.select_one("#id_contact_name")["value"] == kept
    assert AdoptionReport.objects.count() == 0


def test_honeypot_gets_the_thanks_and_nothing_is_stored(client, practice, owner):
    response = send(client, practice, website="http://spam.example")
    assert response.status_code == 302
    assert AdoptionReport.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("issued", [None, "", "forged:value", "x" * 201])
def test_a_form_without_a_valid_signature_is_refused(client, practice, issued):
    data = report_data()
    if issued is None:
        del data["issued"]
    else:
        data["issued"] = issued
    assert client.post(form_url(practice), data).status_code == 400
    assert AdoptionReport.objects.count() == 0


def test_an_expired_form_comes_back_with_the_input_and_a_fresh_signature(client, practice, monkeypatch):
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 3 * 60 * 60)
    old = AdoptionReportForm.issued_value()  # signed three hours ago
    monkeypatch.undo()
    response = send(client, practice, issued=old)
    assert response.status_code == 400
    html = soup(response)
    assert html.select_one("#id_organisation")["value"] == "Tampereen kaupunki"
    assert html.select_one("#id_issued_errors") is not None
    fresh = html.select_one("[name=issued]")["value"]
    assert fresh != old
    assert send(client, practice, issued=fresh).status_code == 302
    assert AdoptionReport.objects.count() == 1


@override_settings(ADOPTION_REPORT_RATE="2/h")
def test_rate_limit_answers_429_with_the_form_filled_in(client, practice):
    assert send(client, practice).status_code == 302
    assert send(client, practice, municipality="Nokia").status_code == 302
    response = send(client, practice, municipality="Ylöjärvi")
    assert response.status_code == 429
    assert soup(response).select_one("#id_municipality")["value"] == "Ylöjärvi"
    assert AdoptionReport.objects.count() == 2


def test_the_form_is_only_for_practices_the_public_may_see(client, practice, index):
    draft = PracticeModelPageFactory(parent=index, live=False)
    for url in (form_url(draft), f"/adoption/{index.pk}/", "/adoption/99999999/", f"/adoption/{2**70}/"):
        assert client.get(url).status_code == 404, url
        assert client.post(url, report_data()).status_code == 404, url
    assert AdoptionReport.objects.count() == 0


# --- Moderation and what the public then sees -------------------------------------------------------


def test_moderation_approves_and_the_page_index_and_api_show_it(client, practice, index, moderator, settings):
    settings.PAGE_CACHE_SECONDS = 600
    other = PracticeModelPageFactory(parent=index, title="Työnhakuklubi")
    send(client, practice)
    send(client, practice, organisation="Tampereen seurakunta", municipality=" tampere ")
    send(client, practice, organisation="Nokian kaupunki", municipality="Nokia")
    client.cookies.clear()
    assert client.get(practice.url)["X-Page-Cache"] == "miss"
    assert client.get(practice.url)["X-Page-Cache"] == "hit"
    send(client, practice, organisation="Ylöjärven kaupunki", municipality="Ylöjärvi")
    client.cookies.clear()
    assert client.get(practice.url)["X-Page-Cache"] == "hit"  # a held report changes nothing public

    client.force_login(moderator)
    queue = client.get(QUEUE)
    assert queue.status_code == 200
    assert len(soup(queue).select("table.listing tbody tr")) == 4
    assert "Adoption reports (4)" in client.get("/admin/").content.decode()
    response = approve_all(client, moderator)
    assert response.status_code == 302

    section = adoption_section(client, practice)  # the cached copy was emptied
    assert section.select_one(".practice-adoption__count").get_text(strip=True) == "Otettu käyttöön 3 kunnassa"
    assert len(section.select(".adoption-report")) == 4
    assert "maija.salainen@example.org" not in client.get(practice.url).content.decode()
    assert "Maija Mentori" not in client.get(practice.url).content.decode()
    assert adopted_titles(client, index) == [practice.title]
    option = soup(client.get(index.url)).select_one("input[name=adopted][value='1']").find_parent("label")
    assert option.get_text(" ", strip=True) == "Otettu käyttöön muualla (1)"
    assert api_adopted_titles(client) == [practice.title]
    assert other.title not in adopted_titles(client, index)
    assert "maija.salainen" not in client.get(f"/api/v2/practices/{practice.pk}/").content.decode()


def test_swedish_translation_shows_the_same_reports_with_a_swedish_count(
    client, practice, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        swedish = translate_page(practice, "sv", {"title": "Mentorskap för unga"})
    response = client.post(f"/sv/adoption/{swedish.pk}/", report_data(organisation="Vasa stad", municipality="Vasa"))
    assert response.status_code == 302
    report = AdoptionReport.objects.get()
    assert (report.practice_id, report.language) == (practice.pk, "sv")  # the source-language page
    approve_all(client, moderator)
    swedish_section = adoption_section(client, swedish)
    assert swedish_section.select_one(".practice-adoption__count").get_text(strip=True) == "Tagen i bruk i 1 kommun"
    finnish_section = adoption_section(client, practice)
    heading = finnish_section.select_one(".adoption-report h3")
    assert heading.get_text(strip=True) == "Vasa stad, Vasa"
    assert heading["lang"] == "sv"  # another language's text is marked as such


def test_rejected_and_held_reports_and_unpublished_practices_never_show(client, practice, index, moderator):
    send(client, practice, organisation="Hylätty organisaatio")
    client.force_login(moderator)
    rejected = AdoptionReport.objects.get()
    client.post(MODERATE, {"reject_one": str(rejected.pk)})
    client.logout()
    send(client, practice, organisation="Odottava organisaatio")
    hidden = PracticeModelPageFactory(parent=index, title="Piilotettu käytäntö")
    AdoptionReport.objects.create(
        practice=hidden, organisation="Piilon kunta", municipality="Piilo", adopted_on=datetime.date(2024, 1, 1),
        experiences="Hyvä", language="fi", contact_name="X", contact_email="x@example.org",
        status=AdoptionReport.APPROVED,
    )
    hidden.unpublish()

    text = adoption_section(client, practice).get_text()
    assert "Hylätty organisaatio" not in text and "Odottava organisaatio" not in text
    assert client.get(hidden.url if hidden.url else "/hyvat-kaytannot/piilotettu/").status_code == 404
    assert adopted_titles(client, index) == []
    assert api_adopted_titles(client) == []
    assert client.get(form_url(hidden)).status_code == 404


def test_only_moderators_reach_the_queue(client, practice, owner):
    send(client, practice)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 403
    report = AdoptionReport.objects.get()
    assert client.post(MODERATE, {"approve_one": str(report.pk)}).status_code == 403
    report.refresh_from_db()
    assert report.status == AdoptionReport.HELD
    assert "adoption-reports" not in client.get("/admin/").content.decode()


def test_a_moderator_can_take_an_approved_report_back_into_the_queue(client, practice, moderator):
    send(client, practice)
    approve_all(client, moderator)
    report = AdoptionReport.objects.get()
    assert (report.moderated_by, report.moderated_at is not None) == (moderator, True)
    client.force_login(moderator)
    client.post(MODERATE, {"withdraw_one": str(report.pk)})
    report.refresh_from_db()
    assert report.status == AdoptionReport.HELD
    assert adoption_section(client, practice).select(".adoption-report") == []
    # Nonsense ids and actions are warnings, never errors.
    for data in ({"action": "approve", "report": ["x", "9" * 30]}, {"action": "explode", "report": [report.pk]}, {}):
        assert client.post(MODERATE, data).status_code == 302


# --- The editors' e-mail ------------------------------------------------------------------------------


def test_editors_are_told_each_in_their_admin_language(client, practice, owner, django_capture_on_commit_callbacks):
    swedish_editor = UserFactory(username="redaktor", email="redaktor@example.org")
    profile = UserProfile.get_for_user(swedish_editor)
    profile.preferred_language = "sv"
    profile.save()
    practice.save_revision(user=swedish_editor)
    UserFactory(username="sivullinen", email="sivullinen@example.org")  # never edited it

    with django_capture_on_commit_callbacks(execute=True):
        send(client, practice)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"omistaja@example.org", "redaktor@example.org"}
    assert by_address["omistaja@example.org"].subject == "Käyttöönottoilmoitus: ”Mentorointi nuorille”"
    assert by_address["redaktor@example.org"].subject == "Anmälan om ibruktagande: ”Mentorointi nuorille”"
    assert "maija.salainen@example.org" in by_address["omistaja@example.org"].body
    assert "/admin/practices/adoption-reports/" in by_address["omistaja@example.org"].body


def test_a_failing_mail_server_loses_no_report(client, practice, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.failing_email.RefusingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, practice).status_code == 302
    assert AdoptionReport.objects.count() == 1


def test_rejected_reports_are_purged_after_the_retention_period(practice, settings):
    settings.ADOPTION_REPORT_REJECTED_RETENTION_DAYS = 90
    now = timezone.now()
    fields = dict(practice=practice, organisation="O", municipality="M", adopted_on=datetime.date(2024, 1, 1),
                  experiences="E", language="fi", contact_name="N", contact_email="n@example.org")
    old = AdoptionReport.objects.create(**fields, status=AdoptionReport.REJECTED, moderated_at=now - datetime.timedelta(days=91))
    recent = AdoptionReport.objects.create(**fields, status=AdoptionReport.REJECTED, moderated_at=now - datetime.timedelta(days=89))
    approved = AdoptionReport.objects.create(**fields, status=AdoptionReport.APPROVED, moderated_at=now - datetime.timedelta(days=900))
    purge_all(now)
    assert set(AdoptionReport.objects.values_list("pk", flat=True)) == {recent.pk, approved.pk}
    assert not AdoptionReport.objects.filter(pk=old.pk).exists()


def test_the_queue_lists_each_status_apart(client, practice, moderator):
    send(client, practice, organisation="Hyväksytty oy")
    approve_all(client, moderator)
    send(client, practice, organisation="Hylätty oy")
    client.force_login(moderator)
    client.post(MODERATE, {"reject_one": str(AdoptionReport.objects.get(organisation="Hylätty oy").pk)})
    send(client, practice, organisation="Odottava oy")

    def listed(query):
        response = client.get(QUEUE + query)
        assert response.status_code == 200
        return [row.select_one("strong").get_text() for row in soup(response).select("table.listing tbody tr")]

    assert listed("") == ["Odottava oy"]
    assert listed("?status=approved") == ["Hyväksytty oy"]
    assert listed("?status=rejected") == ["Hylätty oy"]
    assert listed("?status=%00&p=x") == ["Odottava oy"]
