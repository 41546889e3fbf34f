"""The digest: each confirmed subscription gets, once, what was published for it since it was confirmed.

A page goes into a subscription's digest when it is visible (the one rule), written in the
subscription's language, of a kind it follows, with one of its themes (or any, if it chose
none), first published after the subscription was confirmed, and not sent to it before.

Sending is safe to repeat and to run twice at once. Each subscription is handled in its
own transaction that first locks its row (`select_for_update`; on SQLite the transaction
takes the database's write lock at its start, see DATABASES in settings): the pages are
chosen, recorded as sent (`SentItem`, unique per subscription and page), the e-mail sent,
and only then is the transaction committed. A second run waits for the lock and then
finds the pages recorded, so it sends nothing; if the e-mail cannot be sent, nothing is
recorded and the next run tries again.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation

from trainings.models import EventPage
from trainings.times import EventPeriod

from .kinds import KINDS, kind_pages
from .mail import subscription_message
from .models import SentItem, Subscription

logger = logging.getLogger(__name__)

# Pages of one kind in one digest; older ones wait for the next digest.
MAX_PER_KIND = 50


@dataclass
class DigestRun:
    digests: int = 0  # e-mails sent
    pages: int = 0  # pages in them
    failed: int = 0  # subscriptions whose e-mail could not be sent (tried again next time)

    def __str__(self):
        return f"Sent {self.digests} digest(s) with {self.pages} page(s); {self.failed} could not be sent."


def new_pages(subscription):
    """{kind: [pages]} that the subscription has not been sent yet, in the order of its kinds."""
    sent = SentItem.objects.filter(subscription=subscription).values("page_id")
    groups = {}
    for key in subscription.kinds:
        kind = KINDS.get(key)
        if kind is None:
            continue
        pages = list(
            kind_pages(kind, subscription.language, getattr(subscription, kind.vocabulary.name))
            .filter(first_published_at__gt=subscription.confirmed_at)
            .exclude(pk__in=sent)
            .defer_streamfields()[:MAX_PER_KIND]
        )
        if pages:
            groups[kind] = pages
    return groups


def digest_item(page):
    item = {"title": page.title, "url": page.get_full_url()}
    if isinstance(page, EventPage):
        period = EventPeriod.of(page)
        item["when"] = f"{period.text}, {period.zone_text}"
    return item


def digest_message(subscription, groups, connection=None):
    with translation.override(subscription.language):
        context = {
            "groups": [{"label": kind.label, "items": [digest_item(page) for page in pages]} for kind, pages in groups.items()],
            "count": sum(len(pages) for pages in groups.values()),
        }
    return subscription_message(subscription, "digest", context, connection=connection)


def send_digest(subscription_id, now, connection=None):
    """Send one subscription its digest, if it has anything new; the number of pages sent."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .filter(pk=subscription_id, confirmed_at__isnull=False)
            .first()
        )
        if subscription is None:  # unsubscribed meanwhile
            return 0
        groups = new_pages(subscription)
        if not groups:
            return 0
        SentItem.objects.bulk_create(
            [SentItem(subscription=subscription, page=page, sent_at=now) for pages in groups.values() for page in pages]
        )
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at"])
        digest_message(subscription, groups, connection).send()
    return sum(len(pages) for pages in groups.values())


def send_digests(now=None, connection=None):
    now = now or timezone.now()
    run = DigestRun()
    subscription_ids = Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk").values_list("pk", flat=True)
    for subscription_id in list(subscription_ids):
        try:
            pages = send_digest(subscription_id, now, connection)
        except Exception:  # noqa: BLE001 - one address's mail error must not stop the others
            logger.exception("The digest of subscription %s could not be sent", subscription_id)
            run.failed += 1
            continue
        if pages:
            run.digests += 1
            run.pages += pages
    return run
