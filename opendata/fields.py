"""Serializer fields of the open data API: what a page's values look like in JSON.

Every field reads what the endpoint's queryset fetched up front (select_related,
prefetch_related, one look-up table per request kept in the serializer context), so a
listing costs the same number of queries for 10 items as for 100. Each field carries the
JSON Schema of its value (`schema`), from which the OpenAPI document is written.
"""

from django.utils.translation import get_language
from rest_framework.fields import Field
from wagtail.models import Locale, Page

from cms.visibility import visible_pages

IMAGE_FILTER = "fill-1200x630"  # the size social media and most open data consumers expect

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
SLUG_AND_NAME = {
    "type": "object",
    "properties": {"slug": STRING, "name": STRING},
    "required": ["slug", "name"],
}
PAGE_LINK = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": STRING,
        "html_url": URL,
        "detail_url": {"type": ["string", "null"], "format": "uri"},
    },
    "required": ["id", "title", "html_url"],
}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def per_request(context, key, build):
    """A value computed once per response (the serializer context lives as long as the response)."""
    memo = context.setdefault("_opendata_memo", {})
    if key not in memo:
        memo[key] = build()
    return memo[key]


class InstanceField(Field):
    """A read-only field computed from the whole page."""

    schema = STRING

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class Choice(InstanceField):
    """A value from a fixed list: its stable `value` and its `label` in the response's language."""

    def __init__(self, field_name, value_type="string", **kwargs):
        self.model_field_name = field_name
        self.schema = {
            "type": ["object", "null"],
            "properties": {"value": {"type": value_type}, "label": STRING},
            "required": ["value", "label"],
        }
        super().__init__(**kwargs)

    def to_representation(self, page):
        value = getattr(page, self.model_field_name)
        if value in (None, ""):
            return None
        field = page._meta.get_field(self.model_field_name)
        return {"value": value, "label": str(dict(field.flatchoices).get(value, value))}


def localized_by_key(context, model):
    """{translation key: the snippet in the response's language, else in the default one}."""

    def build():
        active = Locale.get_active()
        found = {}
        for obj in model.objects.filter(locale_id__in={active.pk, Locale.get_default().pk}):
            if obj.locale_id == active.pk or obj.translation_key not in found:
                found[obj.translation_key] = obj
        return found

    return per_request(context, ("snippets", model, get_language()), build)


class Terms(InstanceField):
    """Translatable snippets (themes, target groups, a series) as slug and name in the response's language.

    Pages point at the default-language snippets; the slug is the same in every language
    and is what the filter of the same name takes.
    """

    def __init__(self, relation, many=True, **kwargs):
        self.relation = relation
        self.many = many
        self.schema = (
            {"type": "array", "items": SLUG_AND_NAME} if many else {**SLUG_AND_NAME, "type": ["object", "null"]}
        )
        super().__init__(**kwargs)

    def to_representation(self, page):
        if self.many:
            manager = getattr(page, self.relation)
            objects = list(manager.all())
            model = manager.model
        else:
            obj = getattr(page, self.relation)
            if obj is None:
                return None
            objects, model = [obj], type(obj)
        by_key = localized_by_key(self.context, model)
        terms = [by_key.get(obj.translation_key, obj) for obj in objects]
        items = [{"slug": term.slug, "name": term.name} for term in sorted(terms, key=lambda term: term.name.lower())]
        return items if self.many else items[0]


class Image(InstanceField):
    """The page's listing image as a rendition of a fixed size, with its alternative text."""

    schema = {
        "type": ["object", "null"],
        "properties": {"url": URL, "width": {"type": "integer"}, "height": {"type": "integer"}, "alt": STRING},
        "required": ["url", "width", "height", "alt"],
    }

    def to_representation(self, page):
        image = page.listing_image
        if image is None:
            return None
        rendition = image.get_rendition(IMAGE_FILTER)
        return {
            "url": absolute(self.context["request"], rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }


class Attribute(InstanceField):
    """A property or method of the page, as it is (a string unless `schema` says otherwise)."""

    def __init__(self, attribute, schema=STRING, **kwargs):
        self.attribute = attribute
        self.schema = schema
        super().__init__(**kwargs)

    def to_representation(self, page):
        value = getattr(page, self.attribute)
        return value() if callable(value) else value


class PageLinks(InstanceField):
    """Links to other pages (a method of the page returns them, in order), visible ones only.

    Each linked page is given in the response's language if it has a live translation
    there, else in its own; aliases are never given (the API lists each text once).
    """

    schema = {"type": "array", "items": PAGE_LINK}

    def __init__(self, method, **kwargs):
        self.method = method
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context["request"]
        router = self.context["router"]
        pages = [linked for linked in getattr(page, self.method)() if linked is not None]
        if not pages:
            return []
        active = Locale.get_active()
        own_locale = {linked.translation_key: linked.locale_id for linked in pages}
        candidates = visible_pages(Page.objects.filter(translation_key__in=own_locale), aliases=False)

        def preference(version):  # the response's language, then the linked page's own, then any
            return (version.locale_id != active.pk, version.locale_id != own_locale[version.translation_key])

        versions = {}
        for version in sorted(candidates, key=preference, reverse=True):
            versions[version.translation_key] = version
        links = []
        for linked in pages:
            version = versions.get(linked.translation_key)
            if version is None:
                continue
            detail = router.get_object_detail_urlpath(version.specific_class, version.pk)
            links.append(
                {
                    "id": version.pk,
                    "title": version.title,
                    "html_url": version.get_full_url(request),
                    "detail_url": absolute(request, detail),
                }
            )
        return links


class HtmlUrl(InstanceField):
    """The page's public address (memoised site root paths on the request: no query per page)."""

    schema = URL

    def to_representation(self, page):
        return page.get_full_url(self.context["request"])


class LastPublished(InstanceField):
    schema = {"type": ["string", "null"], "format": "date-time"}

    def to_representation(self, page):
        return page.last_published_at.isoformat() if page.last_published_at else None
