"""The e-mails a subscription gets: the confirmation request and the digests.

Every one carries a signed unsubscribe link in its text and in the `List-Unsubscribe`
and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` headers (RFC 8058), so mail
programs can offer their own unsubscribe button, which POSTs to the same address.
Each is written in the subscription's language.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from .kinds import KINDS
from .tokens import confirm_token, unsubscribe_token


def absolute_url(path, request=None):
    """An address on the public site: the request's own host, or the default site's (for cron)."""
    if request is not None:
        return request.build_absolute_uri(path)
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return root + path


def unsubscribe_url(subscription, request=None):
    with translation.override(subscription.language):
        return absolute_url(reverse("unsubscribe", args=[unsubscribe_token(subscription)]), request)


def subscription_message(subscription, template, context, request=None, connection=None):
    """An e-mail to the subscription's address from `subscriptions/email/<template>{_subject,}.txt`."""
    with translation.override(subscription.language):
        link = unsubscribe_url(subscription, request)
        context = {
            **context,
            "subscription": subscription,
            "kinds": [KINDS[key].label for key in subscription.kinds if key in KINDS],
            "unsubscribe_url": link,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = " ".join(render_to_string(f"subscriptions/email/{template}_subject.txt", context).split())
        body = render_to_string(f"subscriptions/email/{template}.txt", context)
    return EmailMessage(
        subject,
        body,
        to=[subscription.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        connection=connection,
    )


def send_confirmation(subscription, request):
    with translation.override(subscription.language):
        confirm_url = request.build_absolute_uri(reverse("subscription_confirm", args=[confirm_token(subscription)]))
    context = {"confirm_url": confirm_url, "days": settings.SUBSCRIPTION_CONFIRMATION_DAYS}
    subscription_message(subscription, "confirmation", context, request).send()
