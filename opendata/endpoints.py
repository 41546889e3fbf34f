"""The open data endpoints: practices, materials, pilot reports and events.

Each filter takes the parameter name and the value slugs of the public listing it
mirrors (`practices.filters`, `materials.registry`, `home.pilot_filters`, `trainings.listing`), so a filtered
listing address and an API query read alike: `/hyvat-kaytannot/?theme=mentorointi` and
`/api/v2/practices/?theme=mentorointi`.
"""

from functools import partial

from django.db.models import Prefetch, Q
from django.utils import timezone
from wagtail.api import APIField

from cms.page_cache import changes_at
from cms.visibility import visible_pages
from cms.vocabulary import Region
from home.choices import CallRound, PilotTheme
from home.models import PilotReportPage
from home.pilot_filters import FILTER_FIELDS
from materials.languages import LANGUAGES
from materials.models import MaterialPage, MaterialSeries, MaterialTheme, MaterialType, MaterialVersion
from materials.registry import condition as material_condition
from practices.filters import condition as practice_condition
from practices.models import (
    DevelopmentStage,
    PanelAssessment,
    PracticeModelPage,
    TargetGroup,
    Theme,
    recommended_subquery,
)
from trainings.choices import AttendanceMode, RegistrationStatus
from trainings.listing import PAST, UPCOMING, WHEN_LABELS, theme_condition, when_condition
from trainings.models import EventPage

from .fields import (
    NULLABLE_STRING,
    STRING,
    Attribute,
    Choice,
    Image,
    InstanceField,
    PageLinks,
    Terms,
    absolute,
)
from .views import Filter, PublicPagesEndpoint


def term_choices(model):
    """(slug, name) of a translatable snippet's terms; slugs are the same in every language."""
    from wagtail.models import Locale

    return lambda: model.objects.filter(locale=Locale.get_default()).values_list("slug", "name")


def pilot_filter(name, description, choices, value_type="string"):
    """A filter of the pilot listing (`home.pilot_filters`): its parameter name, its model field."""
    field = FILTER_FIELDS[name]
    return Filter(name, description, choices, lambda values: Q(**{f"{field}__in": values}), value_type)


# --- practices ---------------------------------------------------------------------------------


class Sections(InstanceField):
    """The practice's sections in the template's fixed order, each rendered as HTML."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"name": STRING, "label": STRING, "html": STRING},
            "required": ["name", "label", "html"],
        },
    }

    def to_representation(self, page):
        return [
            {"name": section["name"], "label": str(section["label"]), "html": str(section["block"].render())}
            for section in page.ordered_sections()
        ]


class Assessment(InstanceField):
    """The expert panel's per-criterion assessment of a recommended practice (null otherwise)."""

    schema = {
        "type": ["object", "null"],
        "properties": {
            "assessed_at": {"type": "string", "format": "date-time"},
            "language": STRING,
            "verdicts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "criterion": {"type": "object", "properties": {"key": STRING, "name": STRING}},
                        "verdict": {"type": "object", "properties": {"value": STRING, "label": STRING}},
                        "justification": STRING,
                    },
                },
            },
        },
    }

    def to_representation(self, page):
        assessment = page.panel_assessment
        if assessment is None or not assessment.recommended:
            return None
        return {
            "assessed_at": assessment.created_at.isoformat(),
            "language": assessment.language,
            "verdicts": [
                {
                    "criterion": {"key": verdict.criterion.key, "name": verdict.localized_criterion.name},
                    "verdict": {"value": verdict.verdict, "label": str(verdict.get_verdict_display())},
                    "justification": verdict.justification,
                }
                for verdict in assessment.localized_verdicts()
            ],
        }


class Recommended(InstanceField):
    """Whether the expert panel's latest assessment recommends the practice (the listing's annotation)."""

    schema = {"type": "boolean"}

    def to_representation(self, page):
        return page.recommendation == PanelAssessment.RECOMMEND


class PracticesEndpoint(PublicPagesEndpoint):
    model = PracticeModelPage
    endpoint_name = "practices"
    summary = "Good practices of integration work, in the structure of the Innokylä template."
    api_fields = [
        APIField("summary", serializer=Attribute("card_summary")),
        "short_description",
        APIField("region", serializer=Choice("region")),
        "municipality",
        "organisations",
        "funder",
        "author",
        APIField("themes", serializer=Terms("themes")),
        APIField("target_groups", serializer=Terms("target_groups")),
        APIField("development_stage", serializer=Choice("development_stage")),
        APIField("recommended", serializer=Recommended()),
        APIField("image", serializer=Image()),
        APIField("sections", serializer=Sections()),
        APIField("assessment", serializer=Assessment()),
    ]
    listing_fields = ["summary", "region", "themes", "target_groups", "development_stage", "recommended"]
    detail_only_fields = ["sections", "assessment"]
    filters = [
        Filter(
            "theme",
            "Theme slug; several values: any of them.",
            term_choices(Theme),
            partial(practice_condition, "theme"),
        ),
        Filter(
            "target_group",
            "Target group slug; several values: any of them.",
            term_choices(TargetGroup),
            partial(practice_condition, "target_group"),
        ),
        Filter(
            "region",
            "Region where the practice runs (or national).",
            lambda: Region.choices,
            partial(practice_condition, "region"),
        ),
        Filter("stage", "Development stage.", lambda: DevelopmentStage.choices, partial(practice_condition, "stage")),
        Filter(
            "recommended",
            "1: only practices the expert panel recommends as good practices.",
            lambda: [("1", "Recommended by the expert panel")],
            partial(practice_condition, "recommended"),
        ),
        Filter(
            "adopted",
            "1: only practices that organisations report having taken into use (approved adoption reports).",
            lambda: [("1", "Adopted elsewhere")],
            partial(practice_condition, "adopted"),
        ),
    ]

    def with_related(self, queryset):
        return (
            super()
            .with_related(queryset)
            .annotate(recommendation=recommended_subquery())
            .prefetch_related("themes", "target_groups")
        )


# --- materials ---------------------------------------------------------------------------------


def language_info(code):
    info = next((language for language in LANGUAGES if language.code == code), None)
    if info is None:
        return {"code": code, "name": code, "endonym": code, "direction": "auto"}
    return {"code": code, "name": str(info.name), "endonym": info.endonym, "direction": info.direction}


LANGUAGE_SCHEMA = {
    "type": "object",
    "properties": {"code": STRING, "name": STRING, "endonym": STRING, "direction": {"enum": ["ltr", "rtl", "auto"]}},
    "required": ["code", "name", "endonym", "direction"],
}


class Versions(InstanceField):
    """Every language version of a material: the recording or file, subtitles, transcript."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "language": LANGUAGE_SCHEMA,
                "title": STRING,
                "video_url": NULLABLE_STRING,
                "embed_url": NULLABLE_STRING,
                "media_url": NULLABLE_STRING,
                "subtitles_url": NULLABLE_STRING,
                "duration_seconds": {"type": ["integer", "null"]},
                "transcript": STRING,
            },
            "required": ["language", "title", "video_url", "embed_url", "media_url", "subtitles_url"],
        },
    }

    def to_representation(self, page):
        from wagtail.rich_text import expand_db_html

        request = self.context["request"]
        return [
            {
                "language": language_info(version.language),
                "title": version.title,
                "video_url": version.video_url or None,
                "embed_url": version.embed_url or None,
                "media_url": absolute(request, version.media_file.url) if version.media_file else None,
                "subtitles_url": absolute(request, version.subtitle_file.url) if version.subtitle_file else None,
                "duration_seconds": int(version.duration.total_seconds()) if version.duration else None,
                "transcript": expand_db_html(version.transcript) if version.transcript else "",
            }
            for version in page.versions.all()
        ]


class MaterialsEndpoint(PublicPagesEndpoint):
    model = MaterialPage
    endpoint_name = "materials"
    summary = "The material registry: videos, publications and other materials, each with its language versions."
    api_fields = [
        APIField("summary", serializer=Attribute("card_summary")),
        "description",
        APIField("material_type", serializer=Choice("material_type")),
        APIField("themes", serializer=Terms("themes")),
        APIField("series", serializer=Terms("series", many=False)),
        "series_position",
        "year",
        "producer",
        "source_project",
        APIField("image", serializer=Image()),
        APIField("versions", serializer=Versions()),
    ]
    listing_fields = ["summary", "material_type", "themes", "series", "year", "versions"]
    filters = [
        Filter(
            "language",
            "Language of a version (BCP 47 code, e.g. so, ar, prs); several values: any of them.",
            lambda: [(language.code, language.name) for language in LANGUAGES],
            partial(material_condition, "language"),
        ),
        Filter("type", "Material type.", lambda: MaterialType.choices, partial(material_condition, "type")),
        Filter(
            "theme",
            "Theme slug; several values: any of them.",
            term_choices(MaterialTheme),
            partial(material_condition, "theme"),
        ),
        Filter("series", "Series slug.", term_choices(MaterialSeries), partial(material_condition, "series")),
    ]
    default_ordering = ("-year", "series_position", "title")
    orderings = PublicPagesEndpoint.orderings + ("year",)

    def with_related(self, queryset):
        versions = MaterialVersion.objects.select_related("media_file", "subtitle_file")
        return (
            super()
            .with_related(queryset)
            .select_related("series")
            .prefetch_related("themes", Prefetch("versions", queryset=versions))
        )


# --- pilot reports -----------------------------------------------------------------------------


class PilotsEndpoint(PublicPagesEndpoint):
    model = PilotReportPage
    endpoint_name = "pilots"
    summary = "Reports of the pilot projects of the Kotona Suomessa project."
    api_fields = [
        APIField("summary", serializer=Attribute("summary")),
        "organisations",
        "municipality",
        APIField("region", serializer=Choice("region")),
        APIField("call_round", serializer=Choice("call_round", value_type="integer")),
        APIField("theme", serializer=Choice("theme")),
        "start_date",
        "end_date",
        APIField("image", serializer=Image()),
        "findings",
        APIField("practices", serializer=PageLinks("practice_model_pages")),
    ]
    listing_fields = ["summary", "organisations", "municipality", "region", "call_round", "theme"]
    detail_only_fields = ["findings", "practices"]
    filters = [
        pilot_filter("round", "Call round (1–4).", lambda: CallRound.choices, value_type="integer"),
        pilot_filter("theme", "Pilot theme.", lambda: PilotTheme.choices),
        pilot_filter("region", "Region.", lambda: Region.choices),
    ]
    default_ordering = ("call_round", "title")


# --- events and trainings ----------------------------------------------------------------------


class Place(InstanceField):
    """Online, on site or both; the address lines of the place and the online address as the page shows them."""

    schema = {
        "type": "object",
        "properties": {
            "attendance_mode": {"type": "object", "properties": {"value": STRING, "label": STRING}},
            "address_lines": {"type": "array", "items": STRING},
            "locality": STRING,
            "online_url": {"type": ["string", "null"], "format": "uri"},
        },
        "required": ["attendance_mode", "address_lines", "online_url"],
    }

    def to_representation(self, page):
        return {
            "attendance_mode": {
                "value": page.attendance_mode,
                "label": str(AttendanceMode(page.attendance_mode).label),
            },
            "address_lines": page.address_lines,
            "locality": page.locality if page.is_on_site else "",
            # The page stops showing the link to join once the event is over: so does the API.
            "online_url": page.online_url if page.is_online and page.online_url and not page.is_past() else None,
        }


class Registration(InstanceField):
    """Whether registration is open, until when, and the address to register at while it is open."""

    schema = {
        "type": "object",
        "properties": {
            "status": {"enum": ["none", "open", "closed"]},
            "closes_at": {"type": ["string", "null"], "format": "date-time"},
            "url": {"type": ["string", "null"], "format": "uri"},
        },
        "required": ["status", "closes_at", "url"],
    }

    def to_representation(self, page):
        status = page.registration_status()
        closes = page.registration_closes_at
        return {
            "status": str(status),
            "closes_at": timezone.localtime(closes).isoformat() if closes else None,
            "url": (page.registration_url or None) if status == RegistrationStatus.OPEN else None,
        }


class Moment(InstanceField):
    """A date-time of the page in the site's time zone, with its offset (ISO 8601)."""

    schema = {"type": "string", "format": "date-time"}

    def __init__(self, field_name, **kwargs):
        self.model_field_name = field_name
        super().__init__(**kwargs)

    def to_representation(self, page):
        return timezone.localtime(getattr(page, self.model_field_name)).isoformat()


class EventsEndpoint(PublicPagesEndpoint):
    model = EventPage
    endpoint_name = "events"
    summary = "Events and trainings: webinars, courses and seminars, upcoming and past, with their recordings."
    api_fields = [
        APIField("summary", serializer=Attribute("card_summary")),
        APIField("starts_at", serializer=Moment("starts_at")),
        APIField("ends_at", serializer=Moment("ends_at")),
        APIField("status", serializer=Choice("status")),
        "organiser",
        APIField("place", serializer=Place()),
        APIField("registration", serializer=Registration()),
        APIField("themes", serializer=Terms("themes")),
        APIField("image", serializer=Image()),
        APIField("recording", serializer=PageLinks("recordings")),
    ]
    listing_fields = ["summary", "starts_at", "ends_at", "status", "organiser", "place", "registration", "themes"]
    detail_only_fields = ["recording"]
    filters = [
        Filter(
            "when",
            "upcoming: events that have not ended; past: events that have. Without it: both.",
            lambda: [(value, WHEN_LABELS[value]) for value in (UPCOMING, PAST)],
            when_condition,
        ),
        Filter("theme", "Theme slug; several values: any of them.", term_choices(Theme), theme_condition),
    ]
    default_ordering = ("starts_at", "title")
    orderings = PublicPagesEndpoint.orderings + ("starts_at", "ends_at")

    def with_related(self, queryset):
        return super().with_related(queryset).prefetch_related("themes")

    def listing_view(self, request):
        response = super().listing_view(request)
        # An event moves from upcoming to past when it ends: a cached answer must not outlive that.
        changes_at(request, EventPage.next_change(visible_pages(EventPage.objects.all(), aliases=False)))
        return response
