"""Adoption reports: the public form (its own address, so the practice page stays cacheable) and the admin's queue.

The form is not on the practice page itself: a form carries a CSRF token and a signed
timestamp that expires, which would keep the practice page out of the anonymous page
cache (as blog posts with open comments are). The practice page links here.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from cms import moderation_queue
from cms.rate_limits import over_limit
from cms.visibility import is_visible, visible_localized

from . import adoption
from .models import AdoptionReport, PracticeModelPage

RATE_LIMIT_GROUP = "practices.adoption_report"
QUEUE_PAGE_SIZE = 50


def visible_practice(practice_id):
    """The practice in the active language (or as it is) if the public may see it; 404 otherwise."""
    page = PracticeModelPage.objects.filter(pk=practice_id).first() if practice_id < 2**63 else None
    if page is None or not is_visible(page):
        raise Http404
    return visible_localized([page]).get(page.pk, page).specific


def render_form(request, practice, form, status=200):
    response = TemplateResponse(
        request, "practices/adoption_report_form.html", {"practice": practice, "form": form}, status=status
    )
    # A CSRF token and a signed timestamp: no shared cache may hand this form to someone else.
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def report_adoption(request, practice_id):
    practice = visible_practice(practice_id)
    if request.method != "POST":
        return render_form(request, practice, adoption.AdoptionReportForm())
    form = adoption.AdoptionReportForm(request.POST)
    if form.security_errors():
        return TemplateResponse(request, "practices/adoption_report_invalid.html", {"practice": practice}, status=400)
    if not form.is_valid():
        return render_form(request, practice, form, status=400)
    thanks = reverse("practices_adoption_thanks", args=[practice.pk])
    if form.is_spam:
        return redirect(thanks)
    # Only complete reports count against the limit.
    if over_limit(request, RATE_LIMIT_GROUP, settings.ADOPTION_REPORT_RATE):
        # Nothing typed is lost: the form comes back filled in, with the reason.
        form.add_error(
            None,
            gettext("Several reports have been sent from your address in a short time. Wait a while and send the form again."),
        )
        return render_form(request, practice, form, status=429)
    adoption.submit(form, practice, translation.get_language())
    return redirect(thanks)


def thanks(request, practice_id):
    return TemplateResponse(request, "practices/adoption_report_thanks.html", {"practice": visible_practice(practice_id)})


# --- Admin: the moderation queue ----------------------------------------------------------------------


moderators_only = moderation_queue.moderators_only(
    adoption.can_moderate, "practices/admin/adoption_forbidden.html", _("Adoption reports"), "group"
)


STATUSES = {
    AdoptionReport.HELD: _("Waiting"),
    AdoptionReport.APPROVED: _("Approved"),
    AdoptionReport.REJECTED: _("Rejected"),
}
# action -> (new status, the status the reports must have, the success message)
ACTIONS = {
    "approve": (AdoptionReport.APPROVED, AdoptionReport.HELD,
                lambda n: ngettext("%(count)d report approved.", "%(count)d reports approved.", n)),
    "reject": (AdoptionReport.REJECTED, AdoptionReport.HELD,
               lambda n: ngettext("%(count)d report rejected.", "%(count)d reports rejected.", n)),
    "withdraw": (AdoptionReport.HELD, AdoptionReport.APPROVED,
                 lambda n: ngettext("%(count)d report taken off the site and back into the queue.",
                                    "%(count)d reports taken off the site and back into the queue.", n)),
}


def queue_url(status):
    url = reverse("practices_adoption_queue")
    return f"{url}?status={status}" if status in STATUSES and status != AdoptionReport.HELD else url


@moderators_only
def queue(request):
    """Held reports, oldest first; `?status=approved` or `rejected`: those, newest first."""
    status = request.GET.get("status")
    status = status if status in STATUSES else AdoptionReport.HELD
    reports = AdoptionReport.objects.filter(status=status).select_related("practice__locale", "moderated_by")
    reports = reports.order_by("submitted_at", "pk") if status == AdoptionReport.HELD else reports.order_by(
        "-submitted_at", "-pk"
    )
    context = moderation_queue.queue_page(request, reports, _("Adoption reports"), "group", QUEUE_PAGE_SIZE)
    return TemplateResponse(
        request,
        "practices/admin/adoption_queue.html",
        {
            **context,
            "reports": context["page_obj"].object_list,
            "status": status,
            "tabs": [(key, label, queue_url(key)) for key, label in STATUSES.items()],
            "held_count": adoption.held_reports().count(),
        },
    )


@require_POST
@moderators_only
def moderate(request):
    """One report (`<action>_one`) or the ticked ones (`action` + `report`)."""
    action, ids = moderation_queue.chosen(request, ACTIONS, "report")
    if action not in ACTIONS or not ids:
        messages.warning(request, _("Choose the reports and what to do with them."))
        return redirect(queue_url(request.POST.get("status")))
    new_status, from_status, message = ACTIONS[action]
    count = adoption.moderate(ids, new_status, request.user, from_status=from_status)
    messages.success(request, message(count) % {"count": count})
    return redirect(queue_url(from_status))
