"""A submitter's e-mail address stays while the centre may still need to reach them.

That is while the practice is under review or once it has been published. A submission
that was not accepted (the draft was deleted, or its review ended without publication)
keeps the address SUBMISSION_EMAIL_RETENTION_DAYS from the submission, then loses it.
"""

import datetime

from django.conf import settings

from cms.personal_data import purger

from .models import AdoptionReport, PracticeSubmission


def was_accepted_or_in_review(submission):
    practice = submission.practice
    return practice is not None and (practice.first_published_at is not None or practice.workflow_in_progress)


@purger
def purge_rejected_submission_emails(now):
    days = settings.SUBMISSION_EMAIL_RETENTION_DAYS
    cutoff = now - datetime.timedelta(days=days)
    candidates = PracticeSubmission.objects.filter(submitted_at__lt=cutoff).exclude(email="").select_related("practice")
    rejected = [submission.pk for submission in candidates if not was_accepted_or_in_review(submission)]
    count = PracticeSubmission.objects.filter(pk__in=rejected).update(email="")
    return f"Removed the e-mail address of {count} practice submission(s) not accepted, older than {days} days."


@purger
def purge_rejected_adoption_reports(now):
    """A rejected adoption report (with its contact details) is deleted once the retention period has passed."""
    days = settings.ADOPTION_REPORT_REJECTED_RETENTION_DAYS
    cutoff = now - datetime.timedelta(days=days)
    count, _ = AdoptionReport.objects.filter(status=AdoptionReport.REJECTED, moderated_at__lt=cutoff).delete()
    return f"Deleted {count} adoption report(s) rejected more than {days} days ago."
