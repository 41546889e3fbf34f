"""The public search page: the visible pages of the active language, filtered by type."""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import F
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from cms.facets import MAX_VALUES, FacetState, Filters, Option
from cms.visibility import visible_pages

from . import analysis, suggestions
from .backends import unavailable_errors
from .backends.documents import LanguageQuery
from .facets import FACET_KEYS, FACETS, count_by_facet, facet_for_content_type, filter_by_facets
from .snippets import add_snippets

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200  # characters kept from the query (and echoed back)
MAX_TERMS = 12  # words searched for; more only slow the query down without narrowing it
WORD = re.compile(r"\w+")
RETRY_AFTER_SECONDS = 120  # what a 503 tells clients and caches when the search engine is down

logger = logging.getLogger(__name__)


COUNT_SEARCH = "search:count"


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
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(search_string)).select_related("page")
    )
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


def count_hit(search_string):
    """One more search for `search_string` (the admin's promotions and popular searches use the
    counts): `Query.get(search_string).add_hit()` in one query fewer, the day's row updated in
    place and only created (by wagtail's own `add_hit`) on the day's first search."""
    query = Query.get(search_string)
    if not QueryDailyHits.objects.filter(query=query, date=timezone.now().date()).update(hits=F("hits") + 1):
        query.add_hit()


def specific_pages(pages):
    """The specific page of each page, in their order: one query per page type.

    (`PageQuerySet.specific()` would first query the types of pages whose types are known.)
    """
    ids_by_type = {}
    for page in pages:
        ids_by_type.setdefault(page.content_type_id, []).append(page.pk)
    specific = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            specific.update({page.pk: page for page in model.objects.filter(pk__in=ids)})
    return [specific.get(page.pk, page) for page in pages]


def search_urls(query):
    """{language code: this search in that language}, for the language switcher."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("search") + (f"?{urlencode({'q': query})}" if query else "")
    return urls


def other_language_links(query):
    current = translation.get_language()
    urls = search_urls(query)
    return [
        {"code": code, "name": name, "url": urls[code], "query": query}
        for code, name in settings.LANGUAGES
        if code != current
    ]


@dataclass
class SearchOutcome:
    """What the search page shows for a query: results, counts, and how they were found."""

    results: object
    facet_counts: dict
    groups: list  # the analysed query (search.analysis), for snippets
    chosen_types: tuple = ()  # the facets the results are filtered to (none: every type)
    any_word: bool = False  # no page had every word: pages with some of them
    suggestion: str = ""  # the query with its unknown words corrected ("did you mean")

    @property
    def total(self):
        """The number of (filtered) results: every result belongs to exactly one facet, so it is
        the sum of the chosen facets' counts, and needs no count query of its own."""
        chosen = set(self.chosen_types) & set(FACET_KEYS)
        return sum(count for key, count in self.facet_counts.items() if not chosen or key in chosen)

    @property
    def found_any(self):
        return any(self.facet_counts.values())


def _search_once(groups, search_string, language, pages, chosen_types, operator):
    backend = get_search_backend()
    query = LanguageQuery(search_string, language, operator=operator, groups=groups)
    all_results = backend.search(query, pages)
    facet_counts = count_by_facet(all_results.facet("content_type_id"))
    results = backend.search(query, filter_by_facets(pages, chosen_types)) if chosen_types else all_results
    return results, facet_counts


def run_search(search_string, locale, chosen_types=()):
    """The search page's work (and the benchmark's unit).

    Words the index does not know are searched together with their closest known words
    (typos); pages with every word come first, and if there are none, pages with some.
    """
    language = locale.language_code
    pages = searchable_pages(locale)
    corrections = suggestions.corrections(search_string, language)
    groups = analysis.query_terms(search_string, language, corrections)
    suggestion = suggestions.corrected_text(search_string, corrections) if corrections else ""
    results, facet_counts = _search_once(groups, search_string, language, pages, chosen_types, "and")
    outcome = SearchOutcome(results, facet_counts, groups, tuple(chosen_types), suggestion=suggestion)
    if outcome.found_any or len(groups) < 2:
        return outcome
    results, facet_counts = _search_once(groups, search_string, language, pages, chosen_types, "or")
    return SearchOutcome(results, facet_counts, groups, tuple(chosen_types), any_word=True, suggestion=suggestion)


def search(request):
    shown_query, search_string = clean_query(request.GET.get("q", ""))
    chosen = [key for key in dict.fromkeys(request.GET.getlist("type")[:MAX_VALUES]) if key in FACET_KEYS]
    locale = Locale.get_active()

    outcome = None
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
            outcome = run_search(search_string, locale, chosen)
            facet_counts, total = outcome.facet_counts, outcome.total
            paginator = Paginator(outcome.results, RESULTS_PER_PAGE)
            paginator.count = total  # known from the facet counts (see run_search)
            page_obj = paginator.get_page(request.GET.get("page"))  # not a number: 1; too big: last
            object_list = list(page_obj.object_list)
        except DatabaseError:
            # Analysed queries are only quoted terms; if one still fails, answer, don't crash.
            error = True
        except unavailable_errors(backend) as problem:
            # The search engine is down or refuses: this page says so, the rest of the site works.
            logger.error("%s", backend.unavailable_message(problem))
            unavailable = True
        if error or unavailable:
            outcome = None
            facet_counts, total, object_list = dict.fromkeys(FACET_KEYS, 0), 0, []
            paginator = Paginator([], RESULTS_PER_PAGE)
            page_obj = paginator.get_page(1)
        if not unavailable:
            promoted = promotions_for(search_string, locale)
        counted = not (error or unavailable) and request.GET.get("page", "1") == "1"
        if counted:
            count_hit(search_string)

    page_obj.object_list = specific_pages(object_list)
    labels = dict(FACETS)
    for page in page_obj.object_list:
        page.search_facet_label = labels[facet_for_content_type(ContentType.objects.get_for_id(page.content_type_id))]
    if outcome is not None:
        add_snippets(page_obj.object_list, outcome.groups, locale.language_code)

    # As on every listing (cms/facets.py): a type with no results is offered only when chosen.
    options = [Option(key, label, facet_counts[key], key in chosen) for key, label in FACETS
               if facet_counts[key] or key in chosen]
    type_facet = FacetState("type", _("Content type"), options, True)
    filters = Filters([type_facet], hidden=[("q", shown_query)])
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "query": shown_query,
            "search_string": search_string,
            "page_obj": page_obj,
            "paginator": paginator,
            "filters": filters,
            "chosen_types": chosen,
            "total": total,
            "promoted": promoted,
            "error": error,
            "unavailable": unavailable,
            "any_word": bool(outcome and outcome.any_word),
            "suggestion": outcome.suggestion if outcome else "",
            "other_languages": other_language_links(shown_query) if search_string else [],
            "language_urls": search_urls(shown_query),
            "own_search_box": True,  # base.html leaves out the header's search box
        },
        status=503 if unavailable else 200,
    )
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    if search_string and counted:
        response.page_cache_on_hit = (COUNT_SEARCH, search_string)  # a copy served later counts too
    return response
