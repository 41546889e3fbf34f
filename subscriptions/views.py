"""The public side of subscriptions: the form, the confirmation and unsubscribe links, the feeds.

Confirming and unsubscribing are done with a button (POST) on the page the link opens,
not by opening the link itself: mail servers and virus scanners open links in incoming
mail, and must neither subscribe someone nor unsubscribe them. Mail programs'
own unsubscribe buttons POST `List-Unsubscribe=One-Click` to the same address (RFC 8058),
without a CSRF token, so that view is exempt: the signed link is its proof.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.rate_limits import over_limit

from .forms import SubscriptionForm
from .kinds import KINDS
from .mail import send_confirmation
from .models import Subscription
from .tokens import InvalidToken, confirm_token_id, unsubscribe_token_id

logger = logging.getLogger(__name__)

RATE_LIMIT_GROUP = "subscriptions.subscribe"
# Unconfirmed subscriptions one address can have at a time: the form cannot be used to
# fill someone's mailbox with confirmation requests, from however many addresses.
MAX_PENDING_PER_ADDRESS = 3


def render_form(request, form, status=200):
    return TemplateResponse(request, "subscriptions/subscribe.html", {"form": form}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        return render_form(request, SubscriptionForm())
    form = SubscriptionForm(request.POST)
    if form.security_errors():
        return TemplateResponse(request, "subscriptions/invalid_form.html", status=400)
    if not form.is_valid():
        return render_form(request, form, status=400)
    if form.is_spam:
        return redirect("subscription_sent")
    if over_limit(request, RATE_LIMIT_GROUP, settings.SUBSCRIPTION_RATE):
        # Nothing typed is lost: the form comes back filled in, with the reason.
        form.add_error(None, gettext("Several subscriptions have been sent from your address in a short time. Wait a while and send the form again."))
        return render_form(request, form, status=429)
    data = form.cleaned_data
    language = translation.get_language()
    with transaction.atomic():
        pending = Subscription.objects.filter(email=data["email"], language=language, confirmed_at__isnull=True)
        if pending.count() >= MAX_PENDING_PER_ADDRESS:
            # The address already has confirmation requests waiting: no more mail to it.
            return redirect("subscription_sent")
        subscription = Subscription.objects.create(
            email=data["email"],
            language=language,
            kinds=data["kinds"],
            themes=data["themes"],
            material_themes=data["material_themes"],
        )
    try:
        send_confirmation(subscription, request)
    except Exception:  # noqa: BLE001 - any mail error: say so, keep nothing
        logger.exception("The confirmation e-mail of a subscription could not be sent")
        subscription.delete()
        form.add_error(None, gettext("We could not send the confirmation e-mail just now. Please try again later."))
        return render_form(request, form, status=503)
    return redirect("subscription_sent")


def sent(request):
    return TemplateResponse(request, "subscriptions/sent.html", {"days": settings.SUBSCRIPTION_CONFIRMATION_DAYS})


def invalid_link(request, expired=False, status=400):
    return TemplateResponse(request, "subscriptions/invalid_link.html", {"expired": expired}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        subscription_id = confirm_token_id(token)
    except InvalidToken as error:
        return invalid_link(request, expired=error.expired)
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return invalid_link(request, expired=True, status=404)
    if request.method == "POST":
        subscription = subscription.confirm(timezone.now())
        return TemplateResponse(request, "subscriptions/confirmed.html", context(subscription))
    return TemplateResponse(request, "subscriptions/confirm.html", context(subscription))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        subscription_id = unsubscribe_token_id(token)
    except InvalidToken:
        return invalid_link(request)
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return TemplateResponse(request, "subscriptions/unsubscribed.html")
    if subscription is None:
        return TemplateResponse(request, "subscriptions/unsubscribed.html")
    return TemplateResponse(request, "subscriptions/unsubscribe.html", context(subscription))


def context(subscription):
    return {
        "subscription": subscription,
        "kinds": [KINDS[key].label for key in subscription.kinds if key in KINDS],
    }
