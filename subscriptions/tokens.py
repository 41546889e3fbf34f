"""The signed links in subscription e-mails: confirm (expires) and unsubscribe (does not).

A token is the subscription's id signed with the site's key and a purpose of its own,
so a confirmation link cannot unsubscribe and the other way round. Unsubscribe links work
for as long as the subscription exists: old digests keep working.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


class InvalidToken(Exception):
    """A link that was not made by this site, was cut short, or has expired (`expired`)."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirm_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscription.pk))


def unsubscribe_token(subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def _subscription_id(value):
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise InvalidToken
    return int(value)


def confirm_token_id(token):
    """The subscription id a confirmation link names; InvalidToken if forged or older than the confirmation period."""
    max_age = settings.SUBSCRIPTION_CONFIRMATION_DAYS * 24 * 60 * 60
    try:
        return _subscription_id(signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age))
    except signing.SignatureExpired:
        raise InvalidToken(expired=True) from None
    except signing.BadSignature:
        raise InvalidToken from None


def unsubscribe_token_id(token):
    try:
        return _subscription_id(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except signing.BadSignature:
        raise InvalidToken from None
