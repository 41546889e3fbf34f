"""A URL routed to its page in one query, not two per level of the page tree (Wagtail 8.0).

Wagtail's `Page.route` walks down a level at a time: each step reads the child by slug and
then its specific page, so `/hyvat-kaytannot/<practice>/` costs four queries before the page
is even known. Here every page on the way is read at once by `url_path`, and only the pages
that route themselves (a `RoutablePageMixin`: blog tags, feeds, call forms) and the page
finally found are read as their specific type (with its locale and images, which every page
view reads). The result is the same: each page with a
`route` of its own is still asked to route what is left of the path, a missing page is a
404, an unpublished one too (`Page.route`'s own check on the last page).

The pages on the way are kept on the page found (`route_chain`), so its view restrictions are
known without reading its ancestors again (`view_restrictions_on_chain`).

Both reads are answers about what the public sees (`kept_for_the_public`): kept in the shared
cache until something the public sees changes (a publish, unpublish, move or deletion renews
the page cache's generation; a draft save or autosave does not), each request getting its own
copy of the pages. The page found is read with the relations its type names in `served_with`
(themes, language versions, authors), which its view reads anyway. Preview never routes: a
draft is always read from its revision. A path that names no page is not kept (anyone could
vary it without end); it is read every time.

Upstream: https://github.com/wagtail/wagtail/blob/v8.0.1/wagtail/models/pages.py (Page.route).
Remove when Wagtail routes a path in a constant number of queries.
"""

import hashlib

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images import get_image_model
from wagtail.models import Page

from .request_cache import view_restrictions
from .visibility import kept_for_the_public


def routes_itself(page_class, plain_routes, remaining=()):
    """Whether a page of this class must be asked to route `remaining` (else its children are looked at).

    A `RoutablePageMixin` page whose own routes do not match the rest of the path passes
    it on to its children as a plain page does, so it need not be read as its specific type.
    """
    if page_class.route in plain_routes:
        return False
    if page_class.route is RoutablePageMixin.route and remaining:
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
    return True


def route(page, request, path_components, plain_routes):
    """What `page.route(request, path_components)` answers, read in one query (plus the specific pages)."""
    chain = [*getattr(page, "route_chain", [page])]  # a routable page passing on the rest knows its own way
    if not path_components:
        page.route_chain = chain
        return Page.route(page, request, path_components)
    prefixes = ["/".join(path_components[: depth + 1]) for depth in range(len(path_components))]
    url_paths = [f"{page.url_path}{prefix}/" for prefix in prefixes]
    on_the_way = getattr(page, "route_pages", {})
    if not all(url_path in on_the_way for url_path in url_paths):
        on_the_way = pages_on_the_way(page, url_paths)
    current = page
    for depth, component in enumerate(path_components):
        remaining = path_components[depth + 1 :]
        child = on_the_way.get(f"{current.url_path}{component}/")
        if child is None:
            raise Http404
        if remaining and not routes_itself(child.specific_class, plain_routes, remaining):
            child._cached_parent_obj = current
            chain.append(child)
            current = child
            continue
        specific = read_specific(child)
        specific._cached_parent_obj = current
        specific.route_chain = [*chain, specific]
        specific.route_pages = on_the_way  # for a page routing the rest itself, then passing it back
        # The page found, or one that routes the rest itself; a routable page's own
        # index route answers for it too.
        return specific.route(request, remaining)
    raise Http404  # not reached: the loop returns at the last component


def pages_on_the_way(page, url_paths):
    """{url path: page} of the pages under `page` at `url_paths` (kept when each one exists)."""

    def read():
        return {found.url_path: found for found in Page.objects.filter(url_path__in=url_paths, path__startswith=page.path)}

    key = hashlib.blake2b("\n".join(url_paths).encode(), digest_size=16).hexdigest()
    return kept_for_the_public(
        "route", f"{page.pk}:{key}", read, copies=True, keep=lambda found: len(found) == len(url_paths)
    )


def read_specific(page):
    """`page.specific`, with what every page view reads of it anyway: its locale, its images
    (sharing, cover, hero) and the relations its type names in `served_with` (kept)."""
    model = page.specific_class
    images = get_image_model()
    related = ["locale"] + [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.many_to_one and field.related_model is images
    ]
    prefetched = model.served_with() if hasattr(model, "served_with") else ()

    def read():
        return model._default_manager.select_related(*related).prefetch_related(*prefetched).get(pk=page.pk)

    return kept_for_the_public("served-page", page.pk, read, copies=True)


def view_restrictions_on_chain(page):
    """The view restrictions that apply to `page`, as Wagtail's `get_view_restrictions` finds them:
    on the page or an ancestor, or on the source of either when it is an alias. None if the
    pages on the way are not known (the page was not found by `route`)."""
    chain = getattr(page, "route_chain", None)
    if chain is None:
        return None
    sources = {on_the_way.alias_of_id for on_the_way in chain if on_the_way.alias_of_id}
    return [
        restriction
        for restriction in view_restrictions()
        if page.path.startswith(restriction.page.path) or restriction.page_id in sources
    ]
