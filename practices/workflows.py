"""The action that runs when a workflow finishes (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Its own module, importing models only inside the function: Wagtail imports this
setting while `wagtail.models` itself is still being loaded.
"""


def publish_workflow_state(workflow_state, user=None):
    """Publish what a finished workflow approved (the `WAGTAIL_FINISH_WORKFLOW_ACTION`).

    When the last approval was the expert panel's, the revision published is the one
    the panel judged (its task state's revision, see `ExpertPanelReviewTask.on_action`),
    not whatever revision happens to be the latest: what is judged is what is published.
    Wagtail's default publishes as the approving user and so fails for a panel member,
    who has no page permissions: the panel's authority comes from the workflow
    assignment, so its approval publishes without the permission check. Every other
    workflow behaves as Wagtail's default.
    """
    from wagtail.models import TaskState

    from .models import ExpertPanelReviewTask

    task_state = TaskState.objects.filter(pk=workflow_state.current_task_state_id).select_related("revision").first()
    task = task_state.task.specific if task_state else None
    panel_approved = (
        isinstance(task, ExpertPanelReviewTask)
        and user is not None
        and task_state.status == TaskState.STATUS_APPROVED
        and (user.is_superuser or task.groups.filter(pk__in=user.groups.all()).exists())
    )
    if panel_approved:
        task_state.revision.publish(user=user, skip_permission_checks=True)
    else:
        workflow_state.content_object.get_latest_revision().publish(user=user)
