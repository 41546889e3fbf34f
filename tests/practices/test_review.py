"""The whole road of a practice: public submission, the expert panel's review, the public mark."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, TaskState, WorkflowState

from practices.blocks import REQUIRED_SECTIONS
from practices.models import (
    PANEL_GROUP_NAME,
    Criterion,
    CriterionVerdict,
    ExpertPanelReviewTask,
    PanelAssessment,
    PracticeModelPage,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def submission_data(**overrides):
    data = {
        "name": "Maija Meikäläinen",
        "organisation": "Esimerkkilän kaupunki",
        "email": "maija@esimerkkila.example",
        "title": "Mentorina maahan muuttaneelle",
        "short_description": "Vapaaehtoiset mentorit tukevat työnhakua.",
        "region": "pirkanmaa",
        "municipality": "Tampere",
        "website": "",
    }
    data.update({name: f"Teksti osiosta {name}.\n\nToinen kappale." for name in REQUIRED_SECTIONS})
    data.update(overrides)
    return data


def submit(client, call, django_capture_on_commit_callbacks, **overrides):
    data = submission_data(**overrides)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(call.url, data)


def verdicts(page=None, **overrides):
    """The panel's form data: every criterion met, judging the practice's latest revision."""
    data = {"recommendation": "recommend", "comment": "Hyvä malli."}
    if page is not None:
        data["revision"] = page.revisions.order_by("-pk").first().pk
    for criterion in Criterion.source_criteria():
        data[f"verdict_{criterion.key}"] = "met"
        data[f"justification_{criterion.key}"] = f"Perustelu: {criterion.name}."
    data.update(overrides)
    return data


def action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def submitted_practice(client, call, capture):
    pdf = SimpleUploadedFile("kuvaus.pdf", b"%PDF-1.4 kuvaus", content_type="application/pdf")
    data = submission_data(attachments=pdf)
    with capture(execute=True):
        response = client.post(call.url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return PracticeModelPage.objects.get(title="Mentorina maahan muuttaneelle"), response


def test_submission_creates_a_draft_in_review_and_mails_submitter_and_centre(
    client, open_call, index, panel_member, django_capture_on_commit_callbacks
):
    practice, response = submitted_practice(client, open_call, django_capture_on_commit_callbacks)

    assert response["Location"] == open_call.url + "thanks/"
    thanks = client.get(response["Location"])
    assert "Mentorina maahan muuttaneelle" in thanks.content.decode()

    assert practice.get_parent().pk == index.pk
    assert not practice.live
    assert practice.region == "pirkanmaa" and practice.organisations == "Esimerkkilän kaupunki"
    assert [child.block_type for child in practice.sections] == REQUIRED_SECTIONS + ["attachments"]
    assert "<p>Teksti osiosta tips.</p><p>Toinen kappale.</p>" in practice.sections[4].value.source

    state = WorkflowState.objects.get(object_id=str(practice.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(state.current_task_state.task.specific, ExpertPanelReviewTask)

    confirmation = [m for m in mail.outbox if m.to == ["maija@esimerkkila.example"]]
    notice = [m for m in mail.outbox if m.to == [settings.CENTRE_NOTIFY_EMAIL]]
    assert len(confirmation) == 1 and "Mentorina maahan muuttaneelle" in confirmation[0].body
    assert len(notice) == 1 and f"/admin/pages/{practice.pk}/edit/" in notice[0].body
    # Wagtail tells the panel a practice awaits it; nobody else is mailed.
    assert {tuple(m.to) for m in mail.outbox} == {
        ("maija@esimerkkila.example",),
        (settings.CENTRE_NOTIFY_EMAIL,),
        ("raati@example.org",),
    }


def test_panel_member_assesses_every_criterion_and_the_practice_goes_live_with_the_mark(
    client, open_call, panel_member, django_capture_on_commit_callbacks
):
    practice, _ = submitted_practice(client, open_call, django_capture_on_commit_callbacks)
    judged_revision = practice.current_workflow_task_state.revision
    client.force_login(panel_member)

    modal = client.get(action_url(practice, "approve"))
    assert modal.status_code == 200
    assert "Tavoitteellinen" in modal.json()["html"] and "Yleistettävä" in modal.json()["html"]

    response = client.post(action_url(practice, "approve"), verdicts(practice))
    assert response.status_code == 302

    practice.refresh_from_db()
    assert practice.live
    assessment = PanelAssessment.objects.get(page=practice)
    assert assessment.revision_id == judged_revision.pk
    assert assessment.assessor == panel_member and assessment.recommended
    assert assessment.verdicts.count() == 6
    assert TaskState.objects.get(pk=assessment.task_state_id).status == TaskState.STATUS_APPROVED

    client.logout()
    page = BeautifulSoup(client.get(practice.url).content, "html.parser")
    assert page.select_one(".good-practice-mark") is not None
    assessment_section = page.find(id="panel-assessment")
    for criterion in Criterion.source_criteria():
        assert criterion.name in assessment_section.get_text()
        assert f"Perustelu: {criterion.name}." in assessment_section.get_text()
    criteria_link = f"{practice.get_parent().url}kriteerit/"
    assert [a["href"] for a in assessment_section.select("a")] == [criteria_link]
    assert client.get(criteria_link).status_code == 200
    # The attachment left the login-only collection when the practice was published.
    document = practice.sections[-1].value[0]
    document.refresh_from_db()
    assert document.collection_id == Collection.objects.get(name="Practices").pk
    assert page.find("a", string=document.title) is not None


def test_rejected_practice_stays_a_draft_and_carries_no_mark(
    client, open_call, panel_member, django_capture_on_commit_callbacks
):
    practice, _ = submitted_practice(client, open_call, django_capture_on_commit_callbacks)
    client.force_login(panel_member)
    response = client.post(action_url(practice, "reject"), {"comment": "Tarkenna kohderyhmää."})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert not practice.live
    assert WorkflowState.objects.get(object_id=str(practice.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not PanelAssessment.objects.filter(page=practice).exists()
    assert not practice.is_good_practice


def test_approval_with_a_criterion_missing_is_refused(client, open_call, panel_member, django_capture_on_commit_callbacks):
    practice, _ = submitted_practice(client, open_call, django_capture_on_commit_callbacks)
    client.force_login(panel_member)
    data = verdicts(practice)
    del data["verdict_generalisable"]

    modal = client.post(action_url(practice, "approve"), data, headers={"X-Requested-With": "XMLHttpRequest"})
    assert "Give a verdict on “Yleistettävä”." in modal.json()["html"]
    client.post(action_url(practice, "approve"), data)

    practice.refresh_from_db()
    assert not practice.live
    assert not PanelAssessment.objects.exists()
    assert practice.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    # The task refuses it even when the data bypasses the view's form (the editor's action menu).
    task_state = practice.current_workflow_task_state
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        task_state.task.specific.on_action(task_state, panel_member, "approve", **data)
    with translation.override("en"):
        assert "every criterion needs a verdict" in str(refused.value)


def test_a_criterion_not_met_cannot_be_recommended(client, open_call, panel_member, django_capture_on_commit_callbacks):
    practice, _ = submitted_practice(client, open_call, django_capture_on_commit_callbacks)
    client.force_login(panel_member)
    modal = client.post(
        action_url(practice, "approve"), verdicts(practice, verdict_effective="not_met"), headers={"X-Requested-With": "XMLHttpRequest"}
    )
    assert "cannot be recommended" in modal.json()["html"]
    assert not CriterionVerdict.objects.exists()


def test_only_panel_members_may_assess(client, open_call, django_capture_on_commit_callbacks):
    practice, _ = submitted_practice(client, open_call, django_capture_on_commit_callbacks)
    outsider = UserFactory()
    outsider.groups.add(Group.objects.get(name="Editors"))
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.post(action_url(practice, "approve"), verdicts(practice))
    # Wagtail's admin answers a refused action by sending the user back to the dashboard.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    practice.refresh_from_db()
    assert not practice.live
    assert not PanelAssessment.objects.exists()


def test_expert_panel_group_has_only_admin_access():
    group = Group.objects.get(name=PANEL_GROUP_NAME)
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]
    assert not group.page_permissions.exists()
    assert ExpertPanelReviewTask.objects.get(name="Expert panel review").groups.filter(pk=group.pk).exists()


def test_criteria_are_data_in_order():
    assert list(Criterion.source_criteria().values_list("name", flat=True)) == [
        "Tavoitteellinen",
        "Asiakaslähtöinen",
        "Tilanteeseen sopiva",
        "Vaikuttava",
        "Mallinnettava",
        "Yleistettävä",
    ]


def test_the_submitter_of_a_swedish_call_receives_every_verdict_in_swedish(
    client, open_call, panel_member, django_capture_on_commit_callbacks
):
    """Issue 20: the verdicts go back to whoever submitted, in the language of the call they used."""
    from wagtail.models import Locale

    from tests.factories import translate_page

    # One request each, as a translator publishes them (wagtail-localize publishes on commit).
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(open_call.get_parent(), "sv", {"title": "Goda praxis", "slug": "goda-praxis"})
    with django_capture_on_commit_callbacks(execute=True):
        swedish_call = translate_page(open_call, "sv", {"title": "Mentorskap", "slug": "mentorskap"})
    criteria = list(Criterion.source_criteria())
    swedish_first = criteria[0].copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish_first.name = "Behovsbaserad"
    swedish_first.save()
    practice, _ = submitted_practice(client, swedish_call, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    client.force_login(panel_member)
    data = verdicts(practice, **{f"verdict_{criteria[-1].key}": "partly_met"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(action_url(practice, "approve"), data).status_code == 302

    sent = [message for message in mail.outbox if message.to == ["maija@esimerkkila.example"]]
    assert len(sent) == 1
    message = sent[0]
    assert message.subject == "Expertpanelens bedömning av ”Mentorina maahan muuttaneelle”"
    assert "Panelen rekommenderar den som god praxis." in message.body
    assert "Behovsbaserad: Uppfylls" in message.body  # the criterion's Swedish name
    for criterion in criteria:
        assert f"Perustelu: {criterion.name}." in message.body  # every justification, as the panel wrote it
    assert message.body.count(": Uppfylls\n") == 5 and message.body.count(": Uppfylls delvis\n") == 1
