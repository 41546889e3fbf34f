"""Absolute addresses of pages, built from the address the visitor used.

Wagtail's `Page.get_full_url()` prefixes the Site record's hostname and port: with the demo's
record (`localhost:80`) every hreflang alternate, sitemap entry and feed link of a site served
on `127.0.0.1:8000` pointed nowhere. While serving a request, the request's own scheme and
host (already checked against ALLOWED_HOSTS) are the site's real address; without a request
(e-mails, commands) `WAGTAILADMIN_BASE_URL` or the Site record is what there is.
"""

from .visibility import is_visible


def page_full_url(page, request=None):
    """The page's absolute URL on the host that serves `request`; None if it has no route."""
    if request is None:
        return page.get_full_url()
    url = page.get_url(request)
    if url is None:
        return None
    # A page of another Site keeps that site's own absolute URL; build_absolute_uri leaves it be.
    return request.build_absolute_uri(url)


def canonical_url(request, page=None, page_number=1):
    """The address search engines should index for this response: `<link rel=canonical>`.

    The path the visitor asked for on the request's host, with no query string: filters,
    sorting and tracking parameters show the same content as the listing itself, so they
    are left out. The page number stays where a listing has several pages: Google asks
    each page of a paginated sequence to be its own canonical page, not to point at the
    first ("Pagination best practices", developers.google.com/search/docs/specialty/
    ecommerce/pagination-and-incremental-page-loading). An alias (an untranslated page
    copied into another language's tree) points at the page it copies.
    """
    if page is not None and getattr(page, "alias_of_id", None):
        original = page.alias_of
        if original is not None and is_visible(original):
            url = page_full_url(original, request)
            if url:
                return url
    url = request.build_absolute_uri(request.path)
    return f"{url}?page={page_number}" if page_number > 1 else url
