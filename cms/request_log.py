"""A request id on every log record, every response and the error page.

`RequestIdMiddleware` (outermost) gives each request an id, sends it back in the
`X-Request-ID` header and keeps it in a context variable while the request runs, so
`RequestIdFilter` can put it on every log record written meanwhile: Django's own
"Internal Server Error" record with its traceback, and ours. The 500 page shows it, so
a visitor's report can be matched with the log. Behind our own proxies
(`TRUSTED_PROXY_COUNT` > 0) an id the proxy sent is kept, so the proxy's log matches too.
"""

import logging
import re
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

HEADER = "X-Request-ID"
PROXY_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
NO_REQUEST = "-"

current_request_id = ContextVar("current_request_id", default=NO_REQUEST)


def request_id_from(candidate):
    """The id a trusted proxy sent (`candidate`, the header's value), or a new one."""
    if settings.TRUSTED_PROXY_COUNT > 0 and PROXY_ID.fullmatch(candidate):
        return candidate
    return uuid.uuid4().hex


def incoming_id(request):
    return request_id_from(request.headers.get(HEADER, ""))


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = incoming_id(request)
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request.id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record: the request's own, or the one running now, or "-"."""

    def filter(self, record):
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "id", None) or current_request_id.get()
        return True


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Django's 500 view, with the request id for the visitor to quote."""
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"request_id": getattr(request, "id", "")}))
