"""The thematic call's public form: shown while the call is open, refused before and after."""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import gettext

from cms.rate_limits import over_limit

from .forms import PracticeSubmissionForm
from .intake import submit_practice
from .models.taxonomy import CallStatus

SESSION_KEY = "practices_submitted_title"
RATE_LIMIT_GROUP = "practices.submission"


def call_view(call, request):
    status = call.status()
    form = None
    if request.method == "POST":
        if status != CallStatus.OPEN:
            # The form is not offered, and a POST from a stale tab or a bot is refused.
            response = call.render(request, context_overrides={"call_status": status, "refused": True})
            response.status_code = 403
            return response
        form = PracticeSubmissionForm(request.POST, request.FILES)
        if form.is_valid():
            if form.is_spam:
                return redirect(call.url + call.reverse_subpage("thanks"))
            # Only complete submissions count against PRACTICE_SUBMISSION_RATE.
            if not over_limit(request, RATE_LIMIT_GROUP, settings.PRACTICE_SUBMISSION_RATE):
                data = form.cleaned_data
                practice = submit_practice(call, data, files=data["attachments"])
                request.session[SESSION_KEY] = practice.title
                return redirect(call.url + call.reverse_subpage("thanks"))
            # Nothing typed is lost: the form comes back filled in, with the reason.
            form.add_error(
                None,
                gettext("Several practices have been sent from your address in a short time. Wait a while and send the form again."),
            )
            response = call.render(request, context_overrides={"call_status": status, "form": form})
            response.status_code = 429
            return response
    elif status == CallStatus.OPEN:
        form = PracticeSubmissionForm()
    return call.render(request, context_overrides={"call_status": status, "form": form})


def thanks_view(call, request):
    return call.render(
        request,
        template="practices/practice_call_thanks.html",
        context_overrides={"submitted_title": request.session.pop(SESSION_KEY, None), "call_status": call.status()},
    )
