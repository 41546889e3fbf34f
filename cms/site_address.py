"""Absolute addresses of pages, built from the address the visitor used.

Wagtail's `Page.get_full_url()` prefixes the Site record's hostname and port: with the demo's
record (`localhost:80`) every hreflang alternate, sitemap entry and feed link of a site served
on `127.0.0.1:8000` pointed nowhere. While serving a request, the request's own scheme and
host (already checked against ALLOWED_HOSTS) are the site's real address; without a request
(e-mails, commands) `WAGTAILADMIN_BASE_URL` or the Site record is what there is.
"""


def page_full_url(page, request=None):
    """The page's absolute URL on the host that serves `request`; None if it has no route."""
    if request is None:
        return page.get_full_url()
    url = page.get_url(request)
    if url is None:
        return None
    # A page of another Site keeps that site's own absolute URL; build_absolute_uri leaves it be.
    return request.build_absolute_uri(url)
