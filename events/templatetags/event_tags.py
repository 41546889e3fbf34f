"""Template helpers for events: the time in Finnish time, saying so; the page's schema.org data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from events.times import EventPeriod, moment_text

register = template.Library()
# As django.utils.html.json_script escapes, so that no text in the data can close the script element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def event_period(event):
    return EventPeriod.of(event)


@register.simple_tag
def event_moment(moment):
    return moment_text(moment)


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    data = json.dumps(event.json_ld(context["request"]), cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data.translate(JSON_ESCAPES)))  # noqa: S308
