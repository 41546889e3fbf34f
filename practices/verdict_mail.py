"""The expert panel's verdict, mailed to whoever submitted the practice through a call.

Kept apart from `practices.intake` (the intake of submissions): this is the other end of
the road, run by the review task once an assessment is recorded (after the transaction
commits, so a refused assessment mails nothing).
"""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext, override

from .models.submission import PracticeSubmission


def submission_language(submission):
    """The language the submitter used: the call's (the practice's when the call is gone)."""
    page = submission.call or submission.practice
    return page.locale.language_code


def send_verdict_to_submitter(assessment):
    """Mail each submitter of the assessed practice the recommendation and every verdict with its justification."""
    submissions = PracticeSubmission.objects.filter(practice_id=assessment.page_id).select_related(
        "call__locale", "practice__locale"
    )
    for submission in submissions:
        with override(submission_language(submission)):
            context = {
                "submission": submission,
                "practice": assessment.page,
                "assessment": assessment,
                "verdicts": assessment.localized_verdicts(),
            }
            subject = gettext("The expert panel's assessment of “%(title)s”") % {"title": assessment.page.title}
            send_mail(
                subject,
                render_to_string("practices/emails/verdict.txt", context),
                None,
                [submission.email],
            )
