"""What the panel's assessment dialog needs beyond Wagtail's workflow-action context."""

from django import template
from django.urls import reverse

from practices.forms import PanelAssessmentForm

register = template.Library()


@register.simple_tag
def panel_review(form, task_state):
    """The form to show (pre-filled when Wagtail hands over an unbound one) and what the panel compares.

    Wagtail builds the action form without arguments, so it cannot know the practice;
    the dialog's template swaps an unbound form for `PanelAssessmentForm.for_task_state`.
    """
    if not form.is_bound:
        form = PanelAssessmentForm.for_task_state(task_state)
    page = task_state.workflow_state.content_object.specific
    previous = page.panel_assessment
    latest = page.get_latest_revision()
    review = {"form": form, "page": page, "previous": previous, "latest": latest}
    if previous is not None and previous.revision_id and previous.revision_id != latest.pk:
        review["compare_url"] = reverse(
            "practices_panel_compare", args=[page.pk, previous.revision_id, latest.pk]
        )
    review["preview_url"] = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    return review
