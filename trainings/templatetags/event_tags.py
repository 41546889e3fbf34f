"""Template helpers for events: the time in Finnish time, saying so."""

from django import template

from trainings.times import EventPeriod, moment_text

register = template.Library()


@register.simple_tag
def event_period(event):
    return EventPeriod.of(event)


@register.simple_tag
def event_moment(moment):
    return moment_text(moment)
