"""The API's OpenAPI 3.1 document, written from the endpoints' own declarations.

Paths, parameters (with the filters' current vocabularies as enums) and the item schemas
come from each endpoint's `api_fields`, `filters` and `orderings`, and each field's
`schema`, so the document cannot drift from what the API does. Served at
`/api/v2/openapi.json`; `/api/v2/` lists the endpoints.
"""

from django.db import models
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from wagtail.fields import RichTextField

from . import params
from .fields import STRING, URL
from .views import LIMIT_DEFAULT, LIMIT_MAX, OFFSET_MAX, add_api_headers, licence

ERROR = {"$ref": "#/components/schemas/Error"}
LANGUAGE_CODES = ["fi", "sv", "en"]


def model_field_schema(model, name):
    """The JSON Schema of a plain model field given by name in `api_fields`."""
    field = model._meta.get_field(name)
    if isinstance(field, RichTextField):
        schema = {"type": "string", "description": "HTML"}
    elif isinstance(field, (models.IntegerField, models.AutoField)):
        schema = {"type": "integer"}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    else:
        schema = dict(STRING)
    if field.null:
        schema["type"] = [schema["type"], "null"]
    return schema


def item_schema(endpoint, detail):
    fields = {"id": {"type": "integer"}, "title": STRING}
    for api_field in endpoint._convert_api_fields(endpoint.api_fields):
        if not detail and api_field.name in endpoint.detail_only_fields:
            continue
        serializer = api_field.serializer
        fields[api_field.name] = (
            serializer.schema if serializer is not None else model_field_schema(endpoint.model, api_field.name)
        )
    meta = {
        "type": {"type": "string", "example": f"{endpoint.model._meta.app_label}.{endpoint.model.__name__}"},
        "detail_url": URL,
        "html_url": URL,
        "slug": STRING,
        "search_description": STRING,
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "last_published_at": {"type": ["string", "null"], "format": "date-time"},
        "locale": {"enum": LANGUAGE_CODES},
    }
    if detail:
        meta["license"] = {"$ref": "#/components/schemas/License"}
    default = set(
        endpoint.get_detail_default_fields(endpoint.model)
        if detail
        else endpoint.get_listing_default_fields(endpoint.model)
    )
    listing_note = "" if detail else " Fields not in a listing by default are given with `?fields=`."
    return {
        "type": "object",
        "description": f"Fields shown by default: {', '.join(sorted(default))}.{listing_note}",
        "properties": {"meta": {"type": "object", "properties": meta}, **fields},
        "required": ["id"],
    }


def parameter(name, description, schema, location="query", required=False, explode=None):
    result = {"name": name, "in": location, "description": description, "required": required, "schema": schema}
    if explode is not None:
        result.update(style="form", explode=explode)
    return result


def fields_parameter(endpoint):
    names = ", ".join(name for name in endpoint.get_available_fields(endpoint.model))
    return parameter(
        "fields",
        "Fields to add (`a,b`), remove (`-a`), all (`*`) or only the named (`_,a`); available: " + names,
        STRING,
    )


def listing_parameters(endpoint):
    orders = [name for field in endpoint.orderings for name in (field, f"-{field}")]
    result = [
        parameter("locale", "Language of the content.", {"enum": LANGUAGE_CODES, "default": "fi"}),
        parameter(
            "limit",
            "Items per response.",
            {"type": "integer", "minimum": 0, "maximum": LIMIT_MAX, "default": LIMIT_DEFAULT},
        ),
        parameter("offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX, "default": 0}),
        parameter(
            "order",
            f"Comma-separated ordering; default {','.join(endpoint.default_ordering)}.",
            {"type": "string", "example": orders[1], "pattern": f"^({'|'.join(orders)})(,({'|'.join(orders)}))*$"},
        ),
        fields_parameter(endpoint),
    ]
    for flt in endpoint.filters:
        values = list(flt.values())
        item = {"type": "string", "enum": values} if values else {"type": "string"}
        schema = {"type": "array", "items": item, "maxItems": params.MAX_VALUES}
        result.append(
            parameter(flt.name, flt.description + " Repeat the parameter for several values.", schema, explode=True)
        )
    return result


def responses(ok):
    return {
        **ok,
        "400": {
            "description": "A parameter the API does not understand",
            "content": {"application/json": {"schema": ERROR}},
        },
    }


def endpoint_paths(endpoint):
    name = endpoint.endpoint_name
    listing = {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "total_count": {"type": "integer"},
                    "limit": {"type": "integer"},
                    "offset": {"type": "integer"},
                    "locale": {"enum": LANGUAGE_CODES},
                    "license": {"$ref": "#/components/schemas/License"},
                },
                "required": ["total_count", "limit", "offset", "locale", "license"],
            },
            "items": {"type": "array", "items": item_schema(endpoint, detail=False)},
        },
        "required": ["meta", "items"],
    }
    json = "application/json"
    not_found = {"description": "No such public page", "content": {json: {"schema": ERROR}}}
    return {
        f"/{name}/": {
            "get": {
                "operationId": f"list_{name}",
                "summary": endpoint.summary,
                "parameters": listing_parameters(endpoint),
                "responses": responses(
                    {"200": {"description": "A page of the listing", "content": {json: {"schema": listing}}}}
                ),
            }
        },
        f"/{name}/{{id}}/": {
            "get": {
                "operationId": f"get_{name}",
                "summary": f"One item of {name}, in its own language, with every field.",
                "parameters": [
                    parameter("id", "The item's id", {"type": "integer", "minimum": 1}, location="path", required=True),
                    fields_parameter(endpoint),
                ],
                "responses": responses(
                    {
                        "200": {
                            "description": "The item",
                            "content": {json: {"schema": item_schema(endpoint, detail=True)}},
                        },
                        "404": not_found,
                    }
                ),
            }
        },
        f"/{name}/find/": {
            "get": {
                "operationId": f"find_{name}",
                "summary": f"Redirects to the item of {name} with this id or public address.",
                "parameters": [
                    parameter("id", "An item's id", {"type": "integer", "minimum": 1}),
                    parameter("html_path", "A public address, e.g. /sv/… for Swedish", STRING),
                    fields_parameter(endpoint),
                ],
                "responses": responses({"302": {"description": "The item's detail address"}, "404": not_found}),
            }
        },
    }


def build_document(request, endpoints):
    paths = {}
    for endpoint in endpoints:
        paths.update(endpoint_paths(endpoint))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kotoutuminen open data",
            "version": "2",
            "description": (
                "Read-only JSON of the site's public content: only what a visitor may see, one language per "
                "listing. The licence of the data is in every response (`meta.license` and a "
                '`Link: <…>; rel="license"` header). Unknown or malformed parameters answer 400.'
            ),
            "license": licence(request),
        },
        "servers": [{"url": request.build_absolute_uri("/api/v2")}],
        "paths": paths,
        "components": {
            "schemas": {
                "License": {
                    "type": "object",
                    "properties": {"name": STRING, "url": URL},
                    "required": ["name", "url"],
                },
                "Error": {"type": "object", "properties": {"message": STRING}, "required": ["message"]},
            }
        },
    }


def json_response(request, data, status=200):
    return add_api_headers(request, JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False}))


def without_parameters(view):
    def wrapped(request, **kwargs):
        if request.GET:
            return json_response(request, {"message": "this address takes no query parameters"}, status=400)
        return view(request, **kwargs)

    return require_safe(wrapped)


@without_parameters
def openapi_document(request, endpoints):
    return json_response(request, build_document(request, endpoints))


@without_parameters
def api_index(request, endpoints):
    return json_response(
        request,
        {
            "endpoints": {
                endpoint.endpoint_name: request.build_absolute_uri(f"/api/v2/{endpoint.endpoint_name}/")
                for endpoint in endpoints
            },
            "openapi": request.build_absolute_uri("/api/v2/openapi.json"),
            "license": licence(request),
        },
    )
