"""The approved adoption reports of the practice being shown (practices/includes/adoption_reports.html)."""

from django import template

from practices.adoption import public_context

register = template.Library()


@register.simple_tag
def adoption_reports(page):
    """{"reports": approved reports, "municipality_count": in how many municipalities}."""
    return public_context(page)
