"""Remove personal data whose retention period is over. Idempotent; run it daily from cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.personal_data import purge_all


class Command(BaseCommand):
    help = (
        "Remove commenters' IP addresses older than COMMENT_IP_RETENTION_DAYS and the e-mail addresses "
        "of practice submissions not accepted, older than SUBMISSION_EMAIL_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        for report in purge_all(timezone.now()):
            self.stdout.write(report)
