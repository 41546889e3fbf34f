"""Send every confirmed subscription the pages published for it since its last digest. Run it from cron."""

from django.core.management.base import BaseCommand

from subscriptions.digest import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each confirmed subscription the new visible practices, calls, events and materials of its "
        "language and themes that it has not been sent yet. Safe to run again and to run twice at once."
    )

    def handle(self, *args, **options):
        run = send_digests()
        self.stdout.write(str(run))
        if run.failed:
            self.stderr.write(f"{run.failed} digest(s) could not be sent; the next run tries again.")
