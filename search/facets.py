"""The content-type filter of the search page.

Page types are named by "app_label.model" strings so this module works before (or
without) the apps that define them; a type that does not exist simply never matches.
Every page type not listed here counts as "other page".
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

OTHER = "page"

# (key, label) in the order the filter shows them; the key is the `type` GET parameter.
FACETS = [
    ("practice", _("Good practices")),
    ("pilot_report", _("Pilot reports")),
    ("material", _("Materials")),
    ("blog_post", _("Blog posts and news")),
    ("event", _("Events and trainings")),
    (OTHER, _("Other pages")),
]
FACET_KEYS = [key for key, _label in FACETS]

# "app_label.model" (lower case, as in ContentType) -> facet key.
CONTENT_TYPE_FACETS = {
    "practices.practicemodelpage": "practice",
    "practices.practicecallpage": "practice",
    "home.pilotreportpage": "pilot_report",
    "materials.materialpage": "material",
    "blog.blogpage": "blog_post",
    "events.eventpage": "event",
}


def facet_for_content_type(content_type):
    return CONTENT_TYPE_FACETS.get(f"{content_type.app_label}.{content_type.model}", OTHER)


def mapped_content_type_ids():
    """{facet key: [content type ids]} for the mapped page types that exist in the database."""
    ids = {}
    for content_type in ContentType.objects.filter(app_label__in={name.split(".")[0] for name in CONTENT_TYPE_FACETS}):
        facet = CONTENT_TYPE_FACETS.get(f"{content_type.app_label}.{content_type.model}")
        if facet:
            ids.setdefault(facet, []).append(content_type.pk)
    return ids


def filter_by_facets(queryset, facets):
    """Restrict a page queryset to the chosen facets (OR between them); no choice: no filter."""
    if not facets or set(facets) >= set(FACET_KEYS):
        return queryset
    mapped = mapped_content_type_ids()
    if OTHER in facets:
        # "Other pages" and some types: everything except the types not chosen.
        excluded = [pk for facet, pks in mapped.items() if facet not in facets for pk in pks]
        return queryset.exclude(content_type__in=excluded) if excluded else queryset
    return queryset.filter(content_type__in=[pk for facet in facets for pk in mapped.get(facet, [])])


def count_by_facet(counts_by_content_type_id):
    """Sum {content type id: count} into {facet key: count} (every facet present, 0 if none)."""
    totals = dict.fromkeys(FACET_KEYS, 0)
    for content_type_id, count in counts_by_content_type_id.items():
        facet = facet_for_content_type(ContentType.objects.get_for_id(content_type_id))
        totals[facet] += count
    return totals
