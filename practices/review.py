"""How a submitted practice reaches the expert panel, and what happens when it is published.

The "Expert panel" group, the review task and the "Expert panel review" workflow are
created by a data migration (0002). A workflow is assigned to a page, so the link to
each language's practice collection is made when the collection exists: by the demo
content, and by `ensure_panel_workflow` whenever a submission arrives.
"""

import html
import re

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Workflow, WorkflowPage

from .blocks import REQUIRED_SECTIONS
from .models import PANEL_GROUP_NAME, PANEL_WORKFLOW_NAME, ExpertPanelReviewTask, PracticeModelPage, PracticeSubmission

SUBMISSIONS_COLLECTION = "Practice submissions"
PUBLIC_COLLECTION = "Practices"


def panel_workflow():
    """The expert panel's workflow; rebuilt from the task if someone deleted it."""
    workflow = Workflow.objects.filter(name=PANEL_WORKFLOW_NAME).first()
    if workflow is None:
        task = ExpertPanelReviewTask.objects.filter(active=True).first()
        if task is None:
            task = ExpertPanelReviewTask.objects.create(name=PANEL_WORKFLOW_NAME)
            task.groups.set(Group.objects.filter(name=PANEL_GROUP_NAME))
        workflow = Workflow.objects.create(name=PANEL_WORKFLOW_NAME)
        workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


def ensure_panel_workflow(index_page):
    """The workflow of the practice collection itself: the panel's, unless editors put another there.

    Wagtail's default "Moderators approval" workflow sits on the root page, so the
    collection needs its own assignment to send submissions to the panel.
    """
    assigned = WorkflowPage.objects.filter(page=index_page, workflow__active=True).select_related("workflow").first()
    if assigned is not None:
        return assigned.workflow
    workflow = panel_workflow()
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow


def text_to_rich_text(text):
    """Plain text typed into a textarea as Wagtail rich text: paragraphs at blank lines, line breaks kept."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return "".join(f"<p>{'<br/>'.join(html.escape(line) for line in p.splitlines())}</p>" for p in paragraphs)


def unique_child_slug(parent, title):
    base = slugify(title)[:70].strip("-") or "practice"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def collection(name, *, restricted):
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    if found is None:
        found = root.add_child(name=name)
        if restricted:
            CollectionViewRestriction.objects.create(
                collection=found, restriction_type=CollectionViewRestriction.LOGIN
            )
    return found


def store_attachments(files, title):
    """Uploaded files become documents that only logged-in users can open until the practice is published."""
    Document = get_document_model()
    target = collection(SUBMISSIONS_COLLECTION, restricted=True)
    documents = []
    for upload in files:
        document = Document(title=f"{title}: {upload.name}"[:255], file=upload, collection=target)
        document.file_size = upload.size
        document.save()
        documents.append(document)
    return documents


@transaction.atomic
def submit_practice(call, data, *, files=()):
    """Create a draft practice from a call's submission form, start the review and notify people.

    Returns the draft `PracticeModelPage`. The e-mails go out once the transaction has
    committed, so a failed submission sends nothing.
    """
    index = call.get_parent().specific
    documents = store_attachments(files, data["title"])
    sections = [{"type": name, "value": text_to_rich_text(data[name])} for name in REQUIRED_SECTIONS]
    if documents:
        sections.append({"type": "attachments", "value": [document.pk for document in documents]})
    practice = PracticeModelPage(
        title=data["title"],
        slug=unique_child_slug(index, data["title"]),
        short_description=data["short_description"],
        region=data["region"],
        municipality=data.get("municipality", ""),
        organisations=data["organisation"],
        sections=sections,
        live=False,
    )
    index.add_child(instance=practice)
    if call.theme_id:
        practice.themes.set([call.theme_id])
    practice.save_revision(log_action=True)
    submission = PracticeSubmission.objects.create(
        call=call, practice=practice, name=data["name"], organisation=data["organisation"], email=data["email"]
    )
    ensure_panel_workflow(index).start(practice, user=None)
    transaction.on_commit(lambda: send_submission_emails(submission))
    return practice


def send_submission_emails(submission):
    practice, call = submission.practice, submission.call
    context = {
        "submission": submission,
        "practice": practice,
        "call": call,
        "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[practice.pk]),
    }
    send_mail(
        gettext("Thank you: your practice “%(title)s” was received") % {"title": practice.title},
        render_to_string("practices/emails/submission_confirmation.txt", context),
        None,
        [submission.email],
    )
    send_mail(
        gettext("New practice submitted to the call “%(call)s”") % {"call": call.title},
        render_to_string("practices/emails/submission_notice.txt", context),
        None,
        [settings.CENTRE_NOTIFY_EMAIL],
    )


def publish_submitted_attachments(sender, instance, **kwargs):
    """When a practice goes live, its attachments leave the login-only submissions collection."""
    page = instance.specific if hasattr(instance, "specific") else instance
    if not isinstance(page, PracticeModelPage):
        return
    document_ids = [
        document.pk if hasattr(document, "pk") else document
        for child in page.sections
        if child.block_type == "attachments"
        for document in child.value
        if document
    ]
    if not document_ids:
        return
    restricted = Collection.objects.filter(name=SUBMISSIONS_COLLECTION, depth=2)
    get_document_model().objects.filter(pk__in=document_ids, collection__in=restricted).update(
        collection=collection(PUBLIC_COLLECTION, restricted=False)
    )

