"""The panel reviews a changed practice from its last verdicts, and what it judged is what goes live."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import GroupPagePermission, TaskState, WorkflowState

from practices.intake import ensure_panel_workflow
from practices.models import Criterion, PanelAssessment, PracticeSubmission
from tests.factories import UserFactory
from tests.factories.practices import PracticeModelPageFactory
from tests.practices.test_review import action_url, submitted_practice, verdicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(index):
    """An editor who may change practices but not publish them (so changes go through the panel)."""
    user = UserFactory(username="toimittaja")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name="Practice editors")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(group=group, page=index, permission=Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def change_and_submit(practice, editor, text):
    """The editor changes one section and sends the practice to the panel (the index's workflow)."""
    practice = practice.specific_class.objects.get(pk=practice.pk)
    practice.sections[0].value = practice.sections[0].block.to_python(text)
    revision = practice.save_revision(user=editor)
    if practice.current_workflow_state is None:
        ensure_panel_workflow(practice.get_parent()).start(practice, user=editor)
    return revision


@pytest.fixture
def recommended_practice(client, index, panel_member, editor, django_capture_on_commit_callbacks):
    """A live practice the panel recommended once, with justifications of its own."""
    practice = PracticeModelPageFactory(parent=index, title="Työelämämentorointi", live=False)
    change_and_submit(practice, editor, "<p>Ensimmäinen versio.</p>")
    client.force_login(panel_member)
    data = verdicts(practice, comment="Hyvä malli.")
    data.update({f"justification_{c.key}": f"Vanha perustelu {c.key}." for c in Criterion.source_criteria()})
    data["verdict_effective"] = "partly_met"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(practice, "approve"), data)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.live and practice.is_good_practice
    return practice


def test_the_form_opens_with_the_last_verdicts_and_a_comparison(client, recommended_practice, editor, panel_member):
    previous = PanelAssessment.objects.get(page=recommended_practice)
    new_revision = change_and_submit(recommended_practice, editor, "<p>Toinen versio, yksi lause lisää.</p>")

    modal = client.get(action_url(recommended_practice, "approve")).json()["html"]
    form = BeautifulSoup(modal, "html.parser")
    for criterion in Criterion.source_criteria():
        checked = form.select_one(f"input[name=verdict_{criterion.key}][checked]")
        expected = "partly_met" if criterion.key == "effective" else "met"
        assert checked is not None and checked["value"] == expected
        textarea = form.select_one(f"textarea[name=justification_{criterion.key}]")
        assert textarea.get_text().strip() == f"Vanha perustelu {criterion.key}."
        # Each radio group is a fieldset named by its criterion, for screen readers.
        fieldset = form.select_one(f"input[name=verdict_{criterion.key}]").find_parent("fieldset")
        assert fieldset.legend.get_text(strip=True) == criterion.name
    assert form.select_one("input[name=recommendation][value=recommend][checked]") is not None
    assert form.select_one("input[name=revision]")["value"] == str(new_revision.pk)

    compare = reverse("practices_panel_compare", args=[recommended_practice.pk, previous.revision_id, new_revision.pk])
    assert form.find("a", href=compare) is not None
    comparison = client.get(compare)
    assert comparison.status_code == 200
    assert "yksi lause lisää" in BeautifulSoup(comparison.content, "html.parser").get_text(" ")


def test_the_comparison_is_only_for_those_who_may_review(client, recommended_practice, editor):
    previous = PanelAssessment.objects.get(page=recommended_practice)
    new_revision = change_and_submit(recommended_practice, editor, "<p>Toinen versio.</p>")
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get(
        reverse("practices_panel_compare", args=[recommended_practice.pk, previous.revision_id, new_revision.pk])
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal: back to the dashboard
    assert "Toinen versio." not in response.content.decode()


def test_confirming_publishes_exactly_the_judged_revision(
    client, recommended_practice, editor, panel_member, django_capture_on_commit_callbacks
):
    judged = change_and_submit(recommended_practice, editor, "<p>Arvioitu versio.</p>")
    modal = BeautifulSoup(client.get(action_url(recommended_practice, "approve")).json()["html"], "html.parser")
    data = {field["name"]: field["value"] for field in modal.select("input[type=hidden]")}
    data.update({field["name"]: field["value"] for field in modal.select("input[type=radio][checked]")})
    data.update({field["name"]: field.get_text().strip() for field in modal.select("textarea")})

    # Meanwhile the editor changes the practice again: the panel's confirmation is refused.
    later = change_and_submit(recommended_practice, editor, "<p>Arvioinnin jälkeen muutettu.</p>")
    refused = client.post(action_url(recommended_practice, "approve"), data, headers={"X-Requested-With": "XMLHttpRequest"})
    assert "was changed after you opened this form" in refused.json()["html"]
    recommended_practice.refresh_from_db()
    assert recommended_practice.live_revision_id != later.pk
    assert "Arvioinnin jälkeen" not in client.get(recommended_practice.url).content.decode()
    assert PanelAssessment.objects.filter(page=recommended_practice).count() == 1
    # The form came back bound to the new revision: sending it again judges what is there now.
    again = BeautifulSoup(refused.json()["html"], "html.parser")
    assert again.select_one("input[name=revision]")["value"] == str(later.pk)
    assert judged.pk != later.pk

    data["revision"] = str(later.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(recommended_practice, "approve"), data)
    assessment = PanelAssessment.objects.filter(page=recommended_practice).first()
    assert response["Location"] == reverse("practices_assessment_recorded", args=[assessment.pk])
    recommended_practice.refresh_from_db()
    assert recommended_practice.live_revision_id == assessment.revision_id == later.pk
    assert recommended_practice.is_good_practice
    assert TaskState.objects.get(pk=assessment.task_state_id).revision_id == later.pk

    page = client.get(recommended_practice.url).content.decode()
    assert "Arvioinnin jälkeen muutettu." in page

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    text = BeautifulSoup(confirmation.content, "html.parser").get_text()
    assert "Työelämämentorointi" in text and "is published" in text


def test_a_stale_revision_from_the_editor_path_is_refused(recommended_practice, editor, panel_member):
    judged = change_and_submit(recommended_practice, editor, "<p>Arvioitu versio.</p>")
    task_state = recommended_practice.current_workflow_task_state
    task = task_state.task.specific
    data = verdicts(recommended_practice)
    data["revision"] = judged.pk
    other = change_and_submit(recommended_practice, editor, "<p>Joku muu muutti.</p>")
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, panel_member, "approve", **data)
    assert not PanelAssessment.objects.filter(task_state=task_state).exists()

    # The panel member's own later edit (the editor saves it before recording) is theirs to judge.
    own = change_and_submit(recommended_practice, panel_member, "<p>Raati korjasi kirjoitusvirheen.</p>")
    assert task.judged_revision(task_state, panel_member, other.pk).pk == own.pk


def test_do_not_recommend_leaves_a_new_practice_unpublished_and_tells_editors_and_submitter(
    client, open_call, panel_member, django_capture_on_commit_callbacks
):
    practice, _ = submitted_practice(client, open_call, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.force_login(panel_member)
    data = verdicts(practice, recommendation="do_not_recommend", verdict_effective="not_met")
    data["justification_effective"] = "Vaikutuksia ei ole vielä arvioitu."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(practice, "approve"), data)
    assert response.status_code == 302

    practice.refresh_from_db()
    assert not practice.live and practice.live_revision_id is None
    state = WorkflowState.objects.get(object_id=str(practice.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The editors get the whole assessment as the panel's comment on the task.
    comment = state.current_task_state.comment
    assert "Vaikutuksia ei ole vielä arvioitu." in comment
    assert all(criterion.name in comment for criterion in Criterion.source_criteria())
    assert not practice.is_good_practice

    # The submitter gets every verdict and justification, in the call's language (Finnish).
    submission = PracticeSubmission.objects.get(practice=practice)
    to_submitter = [m for m in mail.outbox if m.to == [submission.email]]
    assert len(to_submitter) == 1
    body = to_submitter[0].body
    assert "Vaikuttava: Ei täyty" in body and "Vaikutuksia ei ole vielä arvioitu." in body
    assert all(f"Perustelu: {c.name}." in body for c in Criterion.source_criteria() if c.key != "effective")
    assert practice.title in to_submitter[0].subject

    confirmation = client.get(response["Location"])
    assert "not published" in BeautifulSoup(confirmation.content, "html.parser").get_text()


def test_do_not_recommend_keeps_the_live_version_and_removes_the_mark(
    client, recommended_practice, editor, django_capture_on_commit_callbacks
):
    live_before = recommended_practice.live_revision_id
    change_and_submit(recommended_practice, editor, "<p>Heikennetty versio.</p>")
    data = verdicts(recommended_practice, recommendation="do_not_recommend", verdict_effective="not_met")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(recommended_practice, "approve"), data)
    recommended_practice.refresh_from_db()
    del recommended_practice.panel_assessment
    assert recommended_practice.live_revision_id == live_before
    assert not recommended_practice.is_good_practice
    assert "Heikennetty versio." not in client.get(recommended_practice.url).content.decode()


def test_the_public_page_drops_the_recommendation_the_panel_withdraws(
    recommended_practice, client, editor, django_capture_on_commit_callbacks
):
    """The page shows the assessment it keeps (cms.visibility.kept_for_the_public) only until the
    panel records a new one: a visitor sees the mark go at once, with no publish in between."""
    from django.test import Client

    visitor = Client()
    url = recommended_practice.url
    for _view in range(2):  # the second view is answered from what the first one kept
        assert 'id="panel-assessment"' in visitor.get(url).content.decode()
    change_and_submit(recommended_practice, editor, "<p>Heikennetty versio.</p>")
    assert 'id="panel-assessment"' in visitor.get(url).content.decode()  # a draft changes nothing public
    data = verdicts(recommended_practice, recommendation="do_not_recommend", verdict_effective="not_met")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action_url(recommended_practice, "approve"), data)
    html = visitor.get(url).content.decode()
    assert 'id="panel-assessment"' not in html and "Ensimmäinen versio." in html
