"""Submission intake: how a submitted practice reaches the expert panel, and what happens when it is published.

The "Expert panel" group, the review task and the "Expert panel review" workflow are
created by a data migration (0002). A workflow is assigned to a page, so the link to
each language's practice collection is made when the collection exists: by the demo
content, and by `ensure_panel_workflow` whenever a submission arrives.
"""

import html
import logging
import re
from functools import partial

from anyascii import anyascii
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, Workflow, WorkflowPage

from .blocks import REQUIRED_SECTIONS
from .models.practice import PracticeModelPage
from .models.review import PANEL_GROUP_NAME, PANEL_WORKFLOW_NAME, ExpertPanelReviewTask
from .models.submission import PracticeSubmission

logger = logging.getLogger(__name__)

SUBMISSIONS_COLLECTION = "Practice submissions"
SLUG_MAX_LENGTH = 70
FALLBACK_SLUG = "practice"
SUBMIT_ATTEMPTS = 5
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


def slug_base(title):
    """An ASCII slug for a title in any script: Arabic, Chinese or emoji are transliterated.

    Only a title with nothing to transliterate (punctuation alone) falls back to "practice".
    """
    return slugify(anyascii(title))[:SLUG_MAX_LENGTH].strip("-") or FALLBACK_SLUG


def unique_child_slug(parent, title):
    base = slug_base(title)
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


def submit_practice(call, data, *, files=()):
    """Create a draft practice from a call's submission form, start the review and notify people.

    The draft page, the submission and the workflow are made in one transaction, so a
    failure leaves nothing half made. Submissions to the same collection are made one at
    a time (the collection's row is locked until commit), so two of them never compute the
    same slug or tree path; a conflict with someone else's write (an editor adding a page
    at that moment) is retried with a fresh slug. The e-mails go out once the transaction
    has committed and cannot undo it (see `send_submission_emails`).

    Returns the draft `PracticeModelPage`.
    """
    attempt = 1
    while True:
        try:
            with transaction.atomic():
                submission = store_submission(call, data, files)
            break
        except IntegrityError:
            if attempt == SUBMIT_ATTEMPTS:
                raise
            logger.warning("Practice submission to call %s conflicted with another write; retrying.", call.pk)
            attempt += 1
            for upload in files:
                upload.seek(0)
    transaction.on_commit(partial(send_submission_emails, submission.pk), robust=True)
    return submission.practice


def locked_collection(call):
    """The call's practice collection, its row locked until the transaction ends (PostgreSQL).

    Read again after the lock, so the tree's child count and last path are current. On
    SQLite every write transaction already takes the database's write lock at its start.
    """
    parent_id = call.get_parent().pk
    list(Page.objects.select_for_update().filter(pk=parent_id).values_list("pk", flat=True))
    return Page.objects.get(pk=parent_id).specific


def store_submission(call, data, files):
    index = locked_collection(call)
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
    return submission


def header_text(text):
    """Text for an e-mail header: one line, whatever the stored value holds."""
    return " ".join(str(text).split())


def send_submission_emails(submission_id):
    """The submitter's confirmation and the centre's notice, each on its own.

    Runs after the submission is committed: a failure is logged and written on the
    submission (shown to the centre in the admin's submissions list), never raised, so
    the stored submission and the submitter's thank-you page stand.
    """
    submission = PracticeSubmission.objects.select_related("practice", "call").get(pk=submission_id)
    practice, call = submission.practice, submission.call
    context = {
        "submission": submission,
        "practice": practice,
        "call": call,
        "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[practice.pk]),
    }
    messages = [
        (
            gettext("Thank you: your practice “%(title)s” was received") % {"title": header_text(practice.title)},
            "practices/emails/submission_confirmation.txt",
            submission.email,
        ),
        (
            gettext("New practice submitted to the call “%(call)s”") % {"call": header_text(call.title)},
            "practices/emails/submission_notice.txt",
            settings.CENTRE_NOTIFY_EMAIL,
        ),
    ]
    errors = []
    for subject, template, recipient in messages:
        try:
            send_mail(subject, render_to_string(template, context), None, [recipient])
        except Exception as error:  # an SMTP refusal, a bad address, a template error: all the same here
            logger.exception("Practice submission %s: could not send %s", submission_id, template)
            errors.append(f"{template}: {type(error).__name__}: {error}")
    if errors:
        PracticeSubmission.objects.filter(pk=submission_id).update(email_error="\n".join(errors)[:2000])
    else:
        PracticeSubmission.objects.filter(pk=submission_id).update(emails_sent_at=timezone.now(), email_error="")


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

