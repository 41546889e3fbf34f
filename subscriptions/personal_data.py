"""An unconfirmed subscription is deleted SUBSCRIPTION_CONFIRMATION_DAYS after the form was sent."""

import datetime

from django.conf import settings

from cms.personal_data import purger

from .models import Subscription


@purger
def purge_unconfirmed_subscriptions(now):
    days = settings.SUBSCRIPTION_CONFIRMATION_DAYS
    cutoff = now - datetime.timedelta(days=days)
    count, _ = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return f"Removed {count} subscription(s) not confirmed within {days} days."
