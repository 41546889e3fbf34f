"""Works around Wagtail's uncached look-ups of sites, locales and view restrictions (Wagtail 8.0).

`Site.find_for_request` reads the sites on every request, `Locale.get_active()` /
`Locale.get_default()` query the database on every call, and so does every
`PageQuerySet.public()` (it reads all view restrictions to exclude private sections). A page makes these calls many times: each `page.localized`, each translated
snippet, each listing or block that shows live public content of the active language,
up to a dozen identical queries per page. Locales and view restrictions change only when
an administrator changes them, so both are kept for the length of one request: emptied
when a request starts and whenever a locale or a view restriction is saved or deleted.
Sites, locales and view restrictions are also kept in the shared cache until what the
public sees changes (`page_cache.shared_lookup`; saving a site, a locale or a view
restriction starts a new generation).
Remove this module when Wagtail caches these look-ups itself.
"""

from django.core.signals import request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.models import sites as wagtail_sites
from wagtail.query import PageQuerySet

from . import page_cache

_locales = {}
_view_restrictions = []
_uncached_get_for_language = type(Locale.objects).get_for_language
_uncached_get_site_for_hostname = wagtail_sites.get_site_for_hostname


def cached_get_for_language(manager, language_code):
    locale = _locales.get(language_code)
    if locale is None:
        locale = page_cache.shared_lookup(
            "locale", language_code, lambda: _uncached_get_for_language(manager, language_code)
        )
        _locales[language_code] = locale
    return locale


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
    site.root_page.specific  # noqa: B018 - kept with it: routing starts at the root page's specific page
    return site


def view_restrictions():
    """Every page view restriction (password, login or groups) with its page, read once per request.

    Kept in the shared cache until what the public sees changes: saving or deleting a
    restriction, or changing its groups, starts a new generation (`cms.page_cache`).
    """
    if not _view_restrictions:
        _view_restrictions.append(page_cache.shared_lookup("view-restrictions", "all", _read_view_restrictions))
    return _view_restrictions[0]


def _read_view_restrictions():
    return list(PageViewRestriction.objects.select_related("page"))


def cached_private_q(queryset):
    """Wagtail's `private_q`, reading the view restrictions once per request."""
    q = Q()
    for restriction in view_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def clear(**kwargs):
    _locales.clear()
    _view_restrictions.clear()


def install():
    type(Locale.objects).get_for_language = cached_get_for_language
    wagtail_sites.get_site_for_hostname = cached_get_site_for_hostname
    PageQuerySet.private_q = cached_private_q
    request_started.connect(clear, dispatch_uid="request-cache-request")
    for model in (Locale, PageViewRestriction):
        post_save.connect(clear, sender=model, dispatch_uid=f"request-cache-save-{model.__name__}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"request-cache-delete-{model.__name__}")
