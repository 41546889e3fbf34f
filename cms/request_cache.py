"""Works around Wagtail's uncached look-ups of sites, locales and view restrictions (Wagtail 8.0).

`Site.find_for_request` reads the sites on every request, `Locale.get_active()` /
`Locale.get_default()` query the database on every call, and so does every
`PageQuerySet.public()` (it reads all view restrictions to exclude private sections). A page makes these calls many times: each `page.localized`, each translated
snippet, each listing or block that shows live public content of the active language,
up to a dozen identical queries per page. Locales and view restrictions change only when
an administrator changes them, so both are kept for the length of one request: in a
`ContextVar` that `RequestCacheMiddleware` sets for each request (so two requests served
by two threads of one process never see, or empty, each other's), and emptied whenever a
locale or a view restriction is saved or deleted in that request. Outside a request (a
management command, a task) nothing is kept: every call reads the database.
Sites, locales and view restrictions are also kept in the shared cache until what the
public sees changes (`page_cache.shared_lookup`; saving a site, a locale or a view
restriction, or changing a restriction's groups, starts a new generation).
Remove this module when Wagtail caches these look-ups itself.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.models import sites as wagtail_sites
from wagtail.query import PageQuerySet

from . import page_cache

# The look-ups of the request being served; None outside a request.
_scope: ContextVar[dict | None] = ContextVar("request_cache", default=None)
_uncached_get_for_language = type(Locale.objects).get_for_language
_uncached_get_site_for_hostname = wagtail_sites.get_site_for_hostname


@contextmanager
def request_scope():
    """Keep look-ups for the length of the block (one request), in this thread or task only."""
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


class RequestCacheMiddleware:
    """Gives each request its own, empty store of look-ups."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            return self.get_response(request)


def scoped(key, compute):
    """`compute()`, kept under `key` for the rest of the current request (computed each time outside one)."""
    scope = _scope.get()
    if scope is None:
        return compute()
    if key not in scope:
        scope[key] = compute()
    return scope[key]


def cached_get_for_language(manager, language_code):
    return scoped(
        ("locale", language_code),
        lambda: page_cache.shared_lookup(
            "locale", language_code, lambda: _uncached_get_for_language(manager, language_code)
        ),
    )


def cached_get_site_for_hostname(hostname, port):
    """Wagtail's site look-up, kept until what the public sees changes (a site's save does)."""
    site = page_cache.shared_lookup("site", f"{hostname}:{port}", lambda: _site_or_none(hostname, port))
    if site is None:
        raise Site.DoesNotExist
    return site


def _site_or_none(hostname, port):
    try:
        site = _uncached_get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # Kept with it as its own type: routing starts at `site.root_page.localized.specific`.
    site.root_page = site.root_page.specific
    return site


def view_restrictions():
    """Every page view restriction (password, login or groups) with its page, read once per request.

    Kept in the shared cache until what the public sees changes: saving or deleting a
    restriction, or changing its groups, starts a new generation (`cms.page_cache`).
    """
    return scoped(
        "view_restrictions", lambda: page_cache.shared_lookup("view-restrictions", "all", _read_view_restrictions)
    )


def _read_view_restrictions():
    return list(PageViewRestriction.objects.select_related("page"))


def cached_private_q(queryset):
    """Wagtail's `private_q`, reading the view restrictions once per request."""
    q = Q()
    for restriction in view_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def clear(**kwargs):
    """Forget the current request's look-ups (a locale or a view restriction changed)."""
    scope = _scope.get()
    if scope is not None:
        scope.clear()


def install():
    type(Locale.objects).get_for_language = cached_get_for_language
    wagtail_sites.get_site_for_hostname = cached_get_site_for_hostname
    PageQuerySet.private_q = cached_private_q
    for model in (Locale, PageViewRestriction):
        post_save.connect(clear, sender=model, dispatch_uid=f"request-cache-save-{model.__name__}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"request-cache-delete-{model.__name__}")
