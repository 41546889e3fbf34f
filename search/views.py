"""The public search page: the visible pages of the active language, filtered by type."""

import logging
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from cms.visibility import visible_pages

from .backends import unavailable_errors
from .facets import FACET_KEYS, FACETS, count_by_facet, facet_for_content_type, filter_by_facets

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200  # characters kept from the query (and echoed back)
MAX_TERMS = 12  # words searched for; more only slow the query down without narrowing it
WORD = re.compile(r"\w+")
RETRY_AFTER_SECONDS = 120  # what a 503 tells clients and caches when the search engine is down

logger = logging.getLogger(__name__)


COUNT_SEARCH = "search:count"


def count_search(search_string):
    """One more search for `search_string`: the admin's promotions and popular searches use the counts."""
    Query.get(search_string).add_hit()


def clean_query(raw):
    """(what the visitor typed, shortened; the words to search for, joined by spaces).

    Only word characters reach the search backend: quotes, brackets, `*`, `:`, `&|!`, `-`
    and the like are query syntax in SQLite FTS5, PostgreSQL tsquery or Elasticsearch, and
    a visitor never means them as such here.
    """
    shown = " ".join(raw.split())[:MAX_QUERY_LENGTH]
    words = WORD.findall(shown)[:MAX_TERMS]
    return shown, " ".join(words)


def searchable_pages(locale):
    """Every page a visitor may find: visible, real (not alias) pages of one locale."""
    return visible_pages(Page.objects.filter(locale=locale), aliases=False)


def promotions_for(search_string, locale):
    """Editors' picks for this query, in their order: visible pages of this locale or links."""
    if not search_string:
        return []
    query = Query.objects.filter(query_string=normalise_query_string(search_string)).first()
    if query is None:
        return []
    picks = list(query.editors_picks.select_related("page"))
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = {
        page.translation_key: page
        for page in searchable_pages(locale)
        .filter(translation_key__in=Page.objects.filter(pk__in=page_ids).values("translation_key"))
        .specific()
    }
    promoted = []
    for pick in picks:
        if pick.page_id:
            page = visible.get(pick.page.translation_key)
            if page is not None:
                promoted.append({"title": page.title, "url": page.get_url(), "description": pick.description, "page": page})
        elif pick.external_link_url:
            promoted.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                    "page": None,
                }
            )
    return promoted


def other_language_links(query):
    links = []
    current = translation.get_language()
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        with translation.override(code):
            url = reverse("search")
        links.append({"code": code, "name": name, "url": url, "query": query})
    return links


def run_search(search_string, locale, chosen_types=()):
    """(lazy results filtered by type, {facet: count} of the unfiltered results, number of results).

    Also the benchmark's unit. Every result belongs to exactly one facet, so the number of
    (filtered) results is the sum of the chosen facets' counts: no count query of its own.
    """
    backend = get_search_backend()
    pages = searchable_pages(locale)
    # Counting needs no ranking: without it SQLite skips a per-row score subquery.
    all_results = backend.search(search_string, pages, operator="and", order_by_relevance=False)
    facet_counts = count_by_facet(all_results.facet("content_type_id"))
    results = backend.search(search_string, filter_by_facets(pages, chosen_types), operator="and")
    chosen = set(chosen_types) & set(FACET_KEYS)
    total = sum(count for key, count in facet_counts.items() if not chosen or key in chosen)
    return results, facet_counts, total


def search(request):
    shown_query, search_string = clean_query(request.GET.get("q", ""))
    chosen = [key for key in dict.fromkeys(request.GET.getlist("type")) if key in FACET_KEYS]
    locale = Locale.get_active()

    facet_counts = dict.fromkeys(FACET_KEYS, 0)
    total = 0
    object_list = []
    promoted = []
    error = False
    unavailable = False
    counted = False
    paginator = Paginator([], RESULTS_PER_PAGE)
    page_obj = paginator.get_page(1)
    if search_string:
        backend = get_search_backend()
        try:
            results, facet_counts, total = run_search(search_string, locale, chosen)
            paginator = Paginator(results, RESULTS_PER_PAGE)
            paginator.count = total  # known from the facet counts (see run_search)
            page_obj = paginator.get_page(request.GET.get("page"))  # not a number: 1; too big: last
            object_list = list(page_obj.object_list)
        except DatabaseError:
            # Cleaned queries should never reach this; if one does, answer, don't crash.
            error = True
        except unavailable_errors(backend) as problem:
            # The search engine is down or refuses: this page says so, the rest of the site works.
            logger.error("%s", backend.unavailable_message(problem))
            unavailable = True
        if error or unavailable:
            facet_counts, total, object_list = dict.fromkeys(FACET_KEYS, 0), 0, []
            paginator = Paginator([], RESULTS_PER_PAGE)
            page_obj = paginator.get_page(1)
        if not unavailable:
            promoted = promotions_for(search_string, locale)
        counted = not (error or unavailable) and request.GET.get("page", "1") == "1"
        if counted:
            count_search(search_string)

    specific = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in object_list]).specific()}
    page_obj.object_list = [specific.get(p.pk, p) for p in object_list]
    labels = dict(FACETS)
    for page in page_obj.object_list:
        page.search_facet_label = labels[facet_for_content_type(ContentType.objects.get_for_id(page.content_type_id))]

    facets = [
        {"key": key, "label": label, "count": facet_counts[key], "checked": key in chosen}
        for key, label in FACETS
    ]
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "query": shown_query,
            "search_string": search_string,
            "page_obj": page_obj,
            "paginator": paginator,
            "facets": facets,
            "chosen_types": chosen,
            "total": total,
            "promoted": promoted,
            "error": error,
            "unavailable": unavailable,
            "other_languages": other_language_links(shown_query) if search_string else [],
        },
        status=503 if unavailable else 200,
    )
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    if search_string and counted:
        response.page_cache_on_hit = (COUNT_SEARCH, search_string)  # a copy served later counts too
    return response
