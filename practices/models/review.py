"""The expert panel's review: the workflow task that records an assessment, and its names."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from ..forms import PanelAssessmentForm
from ..verdict_mail import send_verdict_to_submitter

PANEL_GROUP_NAME = "Expert panel"
PANEL_WORKFLOW_NAME = "Expert panel review"


class ExpertPanelReviewTask(AbstractGroupApprovalTask):
    """A workflow task in which a panel member assesses the practice against every criterion.

    Recording the assessment requires a verdict and a justification for each criterion
    and a recommendation (the form refuses anything less, and `on_action` checks again
    because the page editor's action menu passes the data in without the view validating
    it). What the panel judged is what is published: the assessment names the revision
    the panel was shown, the task is moved onto it, and the finishing action publishes
    exactly that revision (`practices.workflows`). If someone else changed the practice
    after the panel opened it, nothing is recorded and the panel judges again.

    "Recommend" approves (and so publishes); "do not recommend" rejects: the practice is
    not published and the assessment goes back to the editors as the task's comment, and
    to the submitter of a submitted practice by e-mail (`practices.verdict_mail`).
    """

    class Meta:
        verbose_name = _("expert panel review")
        verbose_name_plural = _("expert panel reviews")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups assess the practice against the good-practice criteria")

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Record the assessment"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "approve":
            return PanelAssessmentForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return "practices/admin/panel_assessment_modal.html"
        return super().get_template_for_action(action)

    def judged_revision(self, task_state, user, revision_id):
        """The revision the panel judged, or PermissionDenied when someone else changed the practice since.

        Newer revisions by the panel member themself are theirs to judge: the page editor
        saves the member's own edits just before it records the assessment.
        """
        revisions = task_state.workflow_state.content_object.revisions
        revision = revisions.filter(pk=revision_id).first()
        if revision is None:
            raise PermissionDenied(_("The revision to assess does not belong to this practice."))
        newer = revisions.filter(pk__gt=revision.pk)
        if newer.exclude(user=user).exists():
            raise PermissionDenied(
                _("The practice was changed after you opened the assessment: look at the changes and judge again.")
            )
        return newer.order_by("-pk").first() or revision

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        if not (user.is_superuser or self._user_in_groups(user)):
            raise PermissionDenied
        form = PanelAssessmentForm(data=kwargs, check_latest=False)
        if not form.is_valid():
            raise PermissionDenied(_("The assessment is incomplete: every criterion needs a verdict."))
        revision = self.judged_revision(task_state, user, form.cleaned_data["revision"])
        if task_state.revision_id != revision.pk:
            task_state.revision = revision
            task_state.save(update_fields=["revision"])
        assessment = form.save(task_state=task_state, user=user, revision=revision)
        if assessment.recommended:
            task_state.approve(user=user, comment=form.cleaned_data.get("comment", ""))
        else:
            task_state.reject(user=user, comment=assessment.as_text())
        transaction.on_commit(lambda: send_verdict_to_submitter(assessment))
        return reverse("practices_assessment_recorded", args=[assessment.pk])


def follow_latest_revision(sender, instance, created, **kwargs):
    """Keep a panel review on the latest revision while it waits, so the panel's preview shows what it will judge.

    Wagtail pins a task to the revision it started on; an editor may still change the
    practice while it waits for the panel.
    """
    if not created:
        return
    TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type_id=instance.base_content_type_id,
        workflow_state__object_id=instance.object_id,
        task__in=ExpertPanelReviewTask.objects.all(),
    ).exclude(revision=instance).update(revision=instance)
