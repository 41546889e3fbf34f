"""The open data API's endpoint base: Wagtail API v2 under the site's one visibility rule.

`PublicPagesEndpoint` is Wagtail's `PagesAPIViewSet` with these differences:

- Every queryset (listing, detail, find, and `get_base_queryset`, which Wagtail's own
  filters and serializers use) goes through `cms.visibility.visible_pages(..., aliases=False)`:
  drafts, private, scheduled and expired pages and aliases never appear.
- A listing shows one language, `?locale=fi|sv|en` (default: the site's default
  language), and its labels are in that language; a detail is in its page's language.
- Each endpoint declares its fields (`api_fields`, not the model's), its filters (the
  parameter names and value slugs of the public listing), its orderings.
- Parameters are read strictly (`opendata.params`): unknown, repeated, malformed or
  out-of-range ones answer 400 with a message, never a 500 and never silently ignored.
- `limit`/`offset` pagination, `limit` at most `LIMIT_MAX`.
- The licence of the data (site settings) is in every JSON body (`meta.license`) and
  in a `Link: <...>; rel="license"` header on every response.
- JSON only, whatever the `Accept` header; GET from any origin (CORS `*`, no credentials).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils import translation
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms.models import SiteSettings
from cms.validators import control_characters
from cms.visibility import visible_pages

from . import params
from .fields import IMAGE_FILTER, HtmlUrl

LIMIT_DEFAULT = 20
LIMIT_MAX = 100
OFFSET_MAX = 100_000_000
MAX_PAGE_ID = 2**31 - 1  # wagtailcore_page.id is a 32-bit integer: a larger id is no page, not a database error
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


@dataclass(frozen=True)
class Filter:
    """A listing filter: a query parameter that takes one or more of a vocabulary's values (OR)."""

    name: str
    description: str
    choices: Callable  # () -> [(value, label)] in the active language
    condition: Callable  # (values) -> Q or a filter expression on the endpoint's model
    value_type: str = "string"

    def values(self):
        return {str(value): label for value, label in self.choices()}


def licence(request):
    site_settings = SiteSettings.for_request(request)
    return {"name": site_settings.data_licence_name, "url": site_settings.data_licence_url}


def add_api_headers(request, response):
    """The licence link and CORS headers every API response carries."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Link"
    if request.method == "OPTIONS":
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Max-Age"] = "86400"
    url = licence(request)["url"]
    if url:
        response["Link"] = f'<{url}>; rel="license"'
    return response


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the client accepts: no 406 for `Accept: text/html`, no `?format=` switch."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def language_of(value):
    return value if value in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class PublicPagesEndpoint(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    filter_backends = []
    pagination_class = None

    # Set on subclasses.
    model = Page
    # Not `name`/`description`: DRF's `ViewSetMixin.as_view()` resets those class attributes to None.
    endpoint_name = None
    summary = ""
    api_fields = []  # APIField("name", serializer=...) or a model field's name
    listing_fields = []  # of api_fields, shown in a listing without `?fields=`
    detail_only_fields = []  # heavy fields (rich text, streams, links): never in a listing
    filters = []  # Filter instances
    orderings = ("title", "first_published_at", "last_published_at", "id")
    default_ordering = ("-first_published_at", "title")

    body_fields = ["id", "title"]
    meta_fields = [
        "type",
        "detail_url",
        APIField("html_url", serializer=HtmlUrl()),
        "slug",
        "search_description",
        "first_published_at",
        "last_published_at",
        "locale",
    ]
    listing_base_fields = ["id", "type", "detail_url", "html_url", "title", "locale", "first_published_at"]
    nested_default_fields = ["id", "type", "detail_url", "title"]

    # --- fields ---

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(cls.api_fields))

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_base_fields + list(cls.listing_fields)

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    def resolve_rich_text_format(self):
        return "html"  # links resolved to public addresses, as the page shows them

    # --- request handling ---

    def dispatch(self, request, *args, **kwargs):
        with translation.override(language_of(request.GET.get("locale"))):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return add_api_headers(request, response)

    def allowed_parameters(self):
        if self.action == "listing_view":
            return {"limit", "offset", "fields", "order", "locale"} | {flt.name for flt in self.filters}
        if self.action == "find_view":
            return {"id", "html_path", "fields"}
        return {"fields"}

    def check_query_parameters(self, queryset=None):
        params.check_known(self.request.GET, self.allowed_parameters())
        params.single(self.request.GET, "fields")

    @property
    def locale(self):
        if not hasattr(self, "_locale"):
            code = params.single(self.request.GET, "locale") or settings.LANGUAGE_CODE
            if code not in dict(settings.LANGUAGES):
                raise BadRequestError(f"locale must be one of {', '.join(dict(settings.LANGUAGES))}")
            self._locale = Locale.objects.filter(language_code=code).first()
            if self._locale is None:
                raise BadRequestError(f"no content in {code}")
        return self._locale

    # --- querysets: every one through the visibility rule ---

    def get_base_queryset(self):
        return visible_pages(Page.objects.all(), aliases=False)

    def get_queryset(self):
        queryset = visible_pages(self.model.objects.all(), aliases=False)
        if self.action == "listing_view":
            queryset = queryset.filter(locale=self.locale)
        return self.with_related(queryset)

    def with_related(self, queryset):
        """What the fields read, fetched with the page: extended by each endpoint."""
        return queryset.select_related("locale").prefetch_related(
            Prefetch("listing_image", queryset=get_image_model().objects.prefetch_renditions(IMAGE_FILTER))
        )

    def filter_queryset(self, queryset):
        for flt in self.filters:
            values = params.choice_values(self.request.GET, flt.name, flt.values())
            if values:
                queryset = queryset.filter(flt.condition(values))
        return queryset.order_by(*self.ordering(), "pk")

    def ordering(self):
        value = params.single(self.request.GET, "order")
        if value is None:
            return self.default_ordering
        names = value.split(",")
        if len(names) > len(self.orderings) or any(name.lstrip("-") not in self.orderings for name in names):
            raise BadRequestError(
                f"order takes a comma-separated list of {', '.join(self.orderings)}, each optionally with -"
            )
        return names

    # --- views ---

    def listing_view(self, request):
        self.check_query_parameters()
        queryset = self.filter_queryset(self.get_queryset())
        limit = params.number(request.GET, "limit", LIMIT_DEFAULT, LIMIT_MAX)
        offset = params.number(request.GET, "offset", 0, OFFSET_MAX)
        total = queryset.count()
        items = list(queryset[offset : offset + limit]) if limit and offset < total else []
        serializer = self.get_serializer(items, many=True)
        meta = {
            "total_count": total,
            "limit": limit,
            "offset": offset,
            "locale": self.locale.language_code,
            "license": licence(request),
        }
        return Response({"meta": meta, "items": serializer.data})

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            pk = self.kwargs.get("pk", 0)
            page = self.get_queryset().filter(pk=pk).first() if 0 < pk <= MAX_PAGE_ID else None
            if page is None:
                raise Http404("not found")
            self._cached_object = page
        return self._cached_object

    def detail_view(self, request, pk):
        self.check_query_parameters()
        page = self.get_object()
        with translation.override(page.locale.language_code):
            data = self.get_serializer(page).data
        data.setdefault("meta", {})["license"] = licence(request)  # also with `?fields=_`
        return Response(data)

    def find_view(self, request):
        self.check_query_parameters()
        page = self.find_object(self.get_queryset(), request)
        if page is None:
            raise Http404("not found")
        url = self.request.wagtailapi_router.get_object_detail_urlpath(self.model, page.pk)
        query = request.GET.copy()
        for name in ("id", "html_path"):
            query.pop(name, None)
        return redirect(f"{url}?{query.urlencode()}" if query else url)

    def find_object(self, queryset, request):
        page_id = params.number(request.GET, "id", None, MAX_PAGE_ID)
        html_path = params.single(request.GET, "html_path")
        if (page_id is None) == (html_path is None):
            raise BadRequestError("find takes either id or html_path")
        if page_id is not None:
            return queryset.filter(pk=page_id).first()
        return self.find_by_path(queryset, request, html_path)

    def find_by_path(self, queryset, request, html_path):
        """The page at a public address such as /sv/goda-praxis/mentorskap/ (language prefix, then slugs)."""
        if control_characters(html_path):  # e.g. NUL, which PostgreSQL cannot even compare
            raise BadRequestError("html_path is not an address")
        parts = [part for part in html_path.split("/") if part]
        prefixes = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
        code = parts.pop(0) if parts and parts[0] in prefixes else settings.LANGUAGE_CODE
        site = Site.find_for_request(request)
        if site is None or len(html_path) > 2000:
            return None
        home = Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code=code).first()
        if home is None:
            return None
        url_path = home.url_path + "".join(f"{part}/" for part in parts)
        return queryset.filter(locale_id=home.locale_id, url_path=url_path).first()

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
        ]
