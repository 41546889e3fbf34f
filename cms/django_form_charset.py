"""Workaround: a form body declared in another charset than UTF-8 answers 400, not 500.

Django 5.2 (`HttpRequest._load_post_and_files`, django/http/request.py) raises
`BadRequest` for an `application/x-www-form-urlencoded` POST whose Content-Type names
another charset (ticket #34709), but unlike the multipart branch it does not call
`_mark_post_parse_error()` first. Every later read of `request.POST` raises again, and
the 400 handler reads it: `django.views.defaults.bad_request` is wrapped in
`requires_csrf_token`, whose `CsrfViewMiddleware.process_view` looks for the token in
`request.POST`. The second `BadRequest` escapes the handler and the visitor gets a 500
(any URL, as soon as a well-formed `csrftoken` cookie is sent, so that the CSRF check
gets as far as reading the body).

This middleware, placed before `CsrfViewMiddleware`, refuses such a body itself after
marking the parse error the way Django does for a broken multipart body, so the 400
handler sees an empty POST.

It can go when Django marks the parse error in the urlencoded branch as well
(https://github.com/django/django/blob/5.2.19/django/http/request.py,
`_load_post_and_files`); `tests/test_malformed_input.py` shows when it is no longer needed.
"""

from django.core.exceptions import BadRequest

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def has_non_utf8_form_body(request):
    """A urlencoded POST declaring a charset other than UTF-8 (Django ignores unknown charsets)."""
    charset = request.encoding
    return (
        request.method == "POST"
        and request.content_type == FORM_CONTENT_TYPE
        and charset is not None
        and charset.lower() != "utf-8"
    )


class FormCharsetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_non_utf8_form_body(request):
            # Nothing may read the body again: an empty POST, as for a broken multipart body.
            request._mark_post_parse_error()
            raise BadRequest("A form body must be UTF-8 encoded.")
        return self.get_response(request)
