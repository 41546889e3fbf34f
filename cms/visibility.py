"""What an anonymous visitor may see: the one rule that every public channel asks.

A page is visible when all of these hold:

1. it is live;
2. its `go_live_at`, if set, has passed and its `expire_at`, if set, has not (Wagtail acts
   on these dates only when `publish_scheduled` runs; the rule holds in between);
3. neither it nor an ancestor has a view restriction (password, login or groups);
4. if it is an alias, its source is visible by this same rule. Wagtail publishes the
   aliases of a page whose publication is only scheduled (`update_aliases`, called from
   `_after_publish` in wagtail/actions/publish_page_revision.py), and an alias does not
   carry its source's view restrictions, so an alias is never trusted on its own.

Public API (page serving, every listing and block, search and its counts, the sitemap,
feeds, hreflang and the language switcher, navigation and comments use it):

- `visible_pages(queryset=None, *, aliases=True)`: the visible pages of a page queryset
  (default: all pages), still a queryset of the same model. `aliases=False` leaves out
  aliases, for channels that list each text once in its own language (search, sitemap,
  feeds, hreflang). Filters only on fields every search backend can filter on.
- `is_visible(page, request=None)`: the same rule for one page; with a request, the view
  restrictions that this visitor satisfies (password entered, logged in) are passed.
- `is_servable(page, request)`: for page serving: `is_visible(page, request)`, except that the
  page's own view restrictions are left to Wagtail, which answers them with its password or
  login form.
- `visible_localized(pages, locale=None)`: {page id: the version to show in `locale`}, the
  page's visible translation (or alias) in that locale, else the page itself if visible;
  pages with neither are left out. For links an editor chose (menus, calls to action).
- `next_change()`: when the rule's answer next changes by the clock alone (the nearest
  `go_live_at` or `expire_at` ahead on a live page), so caches can end there.
- `kept_for_the_public(name, key, read, ends=None, *, copies=False, keep=None)`: an answer about
  what the public sees (a page's translations, related practices, listing blocks, facet counts,
  the pages a URL routes through), kept in the shared cache until that changes, a date changes
  the rule's answer, or `ends(answer)` passes.

View restrictions are read once per request (`cms.request_cache.view_restrictions`). The
few live pages that still fail the rule (outside their dates, aliases of hidden pages) are
kept as a list of ids in the shared cache until what the public sees changes or the clock
changes the answer (`_hidden_ids`): building their nested subqueries cost every public query
a third of a detail page's time.
"""

import pickle

from django.db.models import Min, Q
from django.utils import timezone
from wagtail.models import Locale, Page

from . import page_cache
from .request_cache import view_restrictions

# Aliases of aliases are followed this far (wagtail-localize makes at most one level per
# synchronised locale; Wagtail prevents loops).
ALIAS_DEPTH = 3
# Longer lists of hidden live pages stay a subquery rather than a list of ids in every query.
HIDDEN_IDS_AT_MOST = 500


def _outside_window_q(now):
    return Q(go_live_at__gt=now) | Q(expire_at__lte=now)


def _restricted_q():
    q = Q()
    for restriction in view_restrictions():
        q |= Q(path__startswith=restriction.page.path, depth__gte=restriction.page.depth)
    return q


def _failing_ids(now, depth=ALIAS_DEPTH):
    """Pages that are not visible: failing on their own, or aliases of such pages."""
    q = Q(live=False) | _outside_window_q(now)
    restricted = _restricted_q()
    if restricted:
        q |= restricted
    if depth:
        q |= Q(alias_of__in=_failing_ids(now, depth - 1))
    return Page.objects.filter(q).values("id")


def _hidden_live_pages(now):
    """Live pages that still fail the rule: outside their dates, or aliases of hidden pages."""
    return Page.objects.filter(live=True).filter(_outside_window_q(now) | Q(alias_of__in=_failing_ids(now)))


def kept_for_the_public(name, key, read, ends=None, *, copies=False, keep=None):
    """`read()`, an answer about what the public sees, kept in the shared cache until it may change.

    Kept under the page cache's generation, which every change of what the public sees renews
    (publishing, unpublishing, moving, deleting, view restrictions, snippets, comments), and
    not past `next_change()`, when a date alone changes the rule's answer. Without a shared
    cache (a per-process copy could not be renewed in every process), `read()` every time.
    For answers that do not depend on the visitor (what an anonymous visitor sees). `ends(value)`,
    if given, is a moment at which the answer changes by the clock too (an event ending), or None.

    `copies=True` is for objects a request changes (the pages it routes through): the answer is
    kept pickled and every call gets its own copy, so no request or thread sees another's
    changes. `keep(value)`, if given, says whether an answer is kept at all: an answer that
    anyone could vary without end (a path that names no page) is read every time instead.
    """
    if not page_cache.cache_is_shared():
        return read()
    cache_key = f"{name}:{page_cache.generation()}:{key}"
    entry = page_cache.kept(cache_key)
    if entry is not None and (entry[1] is None or entry[1] > timezone.now()):
        return pickle.loads(entry[0]) if copies else entry[0]  # noqa: S301 - our own cache's bytes
    # The next change first: a date passing between the two reads then ends the entry at once.
    change = next_change()
    value = read()
    if keep is not None and not keep(value):
        return value
    own_end = ends(value) if ends else None
    stored = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if copies else value
    page_cache.keep(cache_key, (stored, min((moment for moment in (change, own_end) if moment), default=None)), 60 * 60)
    return value


def _hidden_ids():
    """The ids of `_hidden_live_pages` (kept, `kept_for_the_public`), or None when the list is
    long or there is no shared cache (then the caller uses the subquery)."""
    if not page_cache.cache_is_shared():
        return None

    def read():
        ids = list(_hidden_live_pages(timezone.now()).values_list("id", flat=True)[: HIDDEN_IDS_AT_MOST + 1])
        return ids if len(ids) <= HIDDEN_IDS_AT_MOST else None

    return kept_for_the_public("visibility:hidden-ids", "all", read)


def visible_pages(queryset=None, *, aliases=True):
    """The pages of `queryset` (default: all pages) that an anonymous visitor may see."""
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.filter(live=True)
    restricted = _restricted_q()
    if restricted:
        queryset = queryset.exclude(restricted)
    # As a list of ids or an id subquery, this works in every search backend too.
    hidden = _hidden_ids()
    if hidden is None:
        queryset = queryset.exclude(id__in=_hidden_live_pages(timezone.now()).values("id"))
    elif hidden:
        queryset = queryset.exclude(id__in=hidden)
    if not aliases:
        queryset = queryset.exclude(id__in=Page.objects.filter(alias_of__isnull=False).values("id"))
    return queryset


def _fits(page, now, request, check_restrictions=True):
    """The rule's own conditions on one page (its source, if an alias, is checked separately)."""
    if not page.live:
        return False
    if page.go_live_at and page.go_live_at > now:
        return False
    if page.expire_at and page.expire_at <= now:
        return False
    if not check_restrictions:
        return True
    return all(
        request is not None and restriction.accept_request(request)
        for restriction in view_restrictions()
        if page.path.startswith(restriction.page.path)
    )


def _source(page):
    return (
        Page.objects.filter(pk=page.alias_of_id)
        .only("id", "live", "go_live_at", "expire_at", "path", "depth", "alias_of_id")
        .first()
    )


def _visible(page, request, check_own_restrictions):
    now = timezone.now()
    if page is None or not _fits(page, now, request, check_own_restrictions):
        return False
    for _ in range(ALIAS_DEPTH):
        if not page.alias_of_id:
            return True
        page = _source(page)
        if page is None or not _fits(page, now, request):
            return False
    return not page.alias_of_id


def visible_of_read(pages):
    """The pages, already read, that an anonymous visitor may see, without a query; None when one
    is an alias (its source must be read to know)."""
    if any(page.alias_of_id for page in pages):
        return None
    now = timezone.now()
    return [page for page in pages if _fits(page, now, None)]


def is_visible(page, request=None):
    """Whether an anonymous visitor (or, given, this request's visitor) may see `page`."""
    return _visible(page, request, check_own_restrictions=True)


def is_servable(page, request):
    """`is_visible(page, request)` but for the page's own view restrictions, which Wagtail answers."""
    return _visible(page, request, check_own_restrictions=False)


def visible_localized(pages, locale=None):
    """{page id: the visible version of the page for `locale` (default: the active one)}."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = locale or Locale.get_active()
    candidates = visible_pages(
        Page.objects.filter(
            translation_key__in={page.translation_key for page in pages},
            locale_id__in={locale.pk} | {page.locale_id for page in pages},
        )
    )
    found = {(page.translation_key, page.locale_id): page for page in candidates}
    result = {}
    for page in pages:
        version = found.get((page.translation_key, locale.pk)) or found.get((page.translation_key, page.locale_id))
        if version is not None:
            result[page.pk] = version
    return result


def next_change():
    """The nearest moment ahead at which a live page enters or leaves its dates, or None.

    Kept in the shared cache under the page cache's generation (a publish or unpublish, which
    may bring new dates, starts a new one) until the moment passes: every kept answer asks it
    when it is read (`kept_for_the_public`), and so does every page the page cache keeps.
    """
    if not page_cache.cache_is_shared():
        return _read_next_change()
    key = f"next-change:{page_cache.generation()}"
    entry = page_cache.kept(key)
    if entry is not None and (entry[0] is None or entry[0] > timezone.now()):
        return entry[0]
    moment = _read_next_change()
    page_cache.keep(key, (moment,), 60 * 60)
    return moment


def _read_next_change():
    now = timezone.now()
    dates = Page.objects.filter(live=True).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
        expire=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    moments = [moment for moment in dates.values() if moment is not None]
    return min(moments) if moments else None
