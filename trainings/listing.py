"""The event index's listing: upcoming or past events, filtered by theme, with counts.

`when` is `upcoming` (the default: events that have not ended, soonest first) or `past`
(ended, latest first); `theme` takes theme slugs (several: any of them). Each tab's count
is under the theme filter, each theme's count under the tab, so a count says how many
events choosing it gives. Unknown or malformed values are ignored.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.facets import MAX_VALUES, FacetState, Filters, Option
from practices.models import Theme

UPCOMING, PAST = "upcoming", "past"
WHEN_LABELS = {UPCOMING: _("Upcoming"), PAST: _("Past")}


def when_condition(values, now=None):
    """Events that have not ended (`upcoming`), that have (`past`), or either when both are asked for."""
    now = now or timezone.now()
    conditions = {UPCOMING: Q(ends_at__gt=now), PAST: Q(ends_at__lte=now)}
    chosen = [conditions[value] for value in dict.fromkeys(values) if value in conditions]
    return Q() if len(chosen) != 1 else chosen[0]


def theme_condition(slugs):
    """Events with any of the themes (slugs, the same in every language)."""
    return Q(pk__in=Theme.objects.filter(slug__in=slugs, events__isnull=False).values("events"))


class EventListing:
    def __init__(self, index_page, params, now=None):
        self.index_page = index_page
        self.now = now or timezone.now()
        # The first value counts when the parameter is repeated (QueryDict.get would take the last).
        when = params.getlist("when")[:1] if hasattr(params, "getlist") else []
        self.when = when[0] if when and when[0] in WHEN_LABELS else UPCOMING
        self.themes = list(Theme.objects.filter(locale=Locale.get_active()).order_by("name"))
        known = {theme.slug for theme in self.themes}
        values = params.getlist("theme")[:MAX_VALUES] if hasattr(params, "getlist") else []
        self.selected_themes = [value for value in dict.fromkeys(values) if value in known]

    @property
    def is_filtered(self):
        return bool(self.selected_themes)

    def base_queryset(self):
        return self.index_page.events()

    def when_filter(self, queryset, when):
        return queryset.filter(when_condition([when], self.now))

    def theme_filter(self, queryset):
        return queryset.filter(theme_condition(self.selected_themes)) if self.selected_themes else queryset

    def results(self):
        queryset = self.theme_filter(self.when_filter(self.base_queryset(), self.when))
        order = ("-starts_at", "-pk") if self.when == PAST else ("starts_at", "pk")
        return (
            queryset.defer_streamfields()
            .select_related("listing_image")
            .prefetch_related("themes", "listing_image__renditions")
            .order_by(*order)
        )

    def page(self, number, per_page):
        page_obj = Paginator(self.results(), per_page).get_page(number)
        names = {theme.translation_key: theme.name for theme in self.themes}
        for event in page_obj.object_list:
            event.theme_names = sorted(names.get(theme.translation_key, theme.name) for theme in event.themes.all())
        return page_obj

    def tabs(self):
        """Upcoming and past, each with its count under the theme filter."""
        base = self.theme_filter(self.base_queryset())
        counts = {when: self.when_filter(base, when).count() for when in WHEN_LABELS}
        return [Option(when, label, counts[when], when == self.when) for when, label in WHEN_LABELS.items()]

    def theme_options(self):
        """Every theme of the active language with the number of events under the tab."""
        queryset = self.when_filter(self.base_queryset(), self.when)
        counts = dict(
            queryset.model.themes.through.objects.filter(eventpage_id__in=queryset.values("pk"))
            .values_list("theme__slug")
            .annotate(count=Count("eventpage_id", distinct=True))
            .values_list("theme__slug", "count")
        )
        return [
            Option(theme.slug, theme.name, counts.get(theme.slug, 0), theme.slug in self.selected_themes)
            for theme in self.themes
            if counts.get(theme.slug) or theme.slug in self.selected_themes
        ]

    def filters(self):
        """The theme filter for `includes/facets.html`; the form keeps the tab."""
        return Filters([FacetState("theme", _("Theme"), self.theme_options(), multiple=True)], hidden=[("when", self.when)])
