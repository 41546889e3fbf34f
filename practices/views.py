"""The thematic call's public form: shown while the call is open, refused before and after."""

from django.shortcuts import redirect

from .forms import PracticeSubmissionForm
from .models import CallStatus
from .review import submit_practice

SESSION_KEY = "practices_submitted_title"


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
            if not form.is_spam:
                data = form.cleaned_data
                practice = submit_practice(call, data, files=data["attachments"])
                request.session[SESSION_KEY] = practice.title
            return redirect(call.url + call.reverse_subpage("thanks"))
    elif status == CallStatus.OPEN:
        form = PracticeSubmissionForm()
    return call.render(request, context_overrides={"call_status": status, "form": form})


def thanks_view(call, request):
    return call.render(
        request,
        template="practices/practice_call_thanks.html",
        context_overrides={"submitted_title": request.session.pop(SESSION_KEY, None), "call_status": call.status()},
    )

