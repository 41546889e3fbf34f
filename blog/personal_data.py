"""Commenters' IP addresses are kept COMMENT_IP_RETENTION_DAYS (for abuse reports), then removed."""

import datetime

from django.conf import settings
from django_comments_xtd.models import XtdComment

from cms.personal_data import purger


@purger
def purge_comment_addresses(now):
    days = settings.COMMENT_IP_RETENTION_DAYS
    cutoff = now - datetime.timedelta(days=days)
    count = XtdComment.objects.filter(submit_date__lt=cutoff, ip_address__isnull=False).update(ip_address=None)
    return f"Removed the IP address of {count} comment(s) older than {days} days."
