"""The multilingual material registry.

A material is a page (`MaterialPage`) under the registry (`MaterialIndexPage`), not a
routed snippet: a material is public content with its own address, so as a page it gets
per-locale slugs, the language switcher and hreflang alternates, the sitemap, site
search, preview, scheduling, revisions, workflows and page permissions without any
routing code, and translators use the same wagtail-localize page flow as for every
other page.

What is translated and what is not:

* The material's title, description, producer and source project are site-language
  text: translatable in wagtail-localize.
* Its language versions (`MaterialVersion`) are NOT translatable: a Somali video stays
  Somali in the Swedish and English sites. They are a plain (non-`TranslatableMixin`)
  child model, declared `SynchronizedField("versions")`, so every translation carries
  an exact copy that is refreshed whenever the source is translated again.
* A version's transcript belongs to the version: it is the text alternative of that
  recording and is written in the recording's language (WCAG 1.2), so it is synchronised
  with the version and marked up with the version's `lang`/`dir`, not offered to
  translators. What a visitor needs in the site language (what the material is about)
  is the translatable description.
* Type, year, series and themes are synchronised: a material does not change series
  when translated. Series and themes are translatable snippets; pages point at the
  original (default-language) snippet and templates show its translation for the
  active locale (`cms.localized.localized_objects`). Filters use their slugs, which are also
  synchronised, so a shared link works in every language.

Themes are this app's own small `MaterialTheme` snippet (the practices app has its own
`Theme`; apps do not import each other's models).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import RevisionMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BaseStreamBlock, embed_url
from cms.localized import localized_objects
from cms.models import BasePage, Ordered, default_locale_only
from cms.search_text import every_language, every_translation, join
from cms.visibility import kept_for_the_public, visible_pages
from cms.vocabulary import TranslatableTerm

from .languages import LANGUAGE_CHOICES, get_language

TRANSCRIPT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class MaterialType(models.TextChoices):
    VIDEO = "video", _("Video")
    VIDEO_SERIES = "video_series", _("Video series")
    PODCAST = "podcast", _("Podcast")
    PUBLICATION = "publication", _("Publication")
    PRODUCT_CARD = "product_card", _("Product card")
    ONLINE_COURSE = "online_course", _("Online course")
    WEBINAR_RECORDING = "webinar_recording", _("Webinar recording")
    GUIDE = "guide", _("Guide")


class MaterialTerm(RevisionMixin, index.Indexed, TranslatableTerm):
    """A registry term: revisions for the admin's history, indexed for the snippet choosers' search."""

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableTerm.Meta):
        abstract = True


class MaterialTheme(MaterialTerm):
    """A theme of the material registry (work, family, health, ...)."""

    class Meta(MaterialTerm.Meta):
        verbose_name = _("material theme")
        verbose_name_plural = _("material themes")


class MaterialSeries(MaterialTerm):
    """A series groups materials, e.g. the seven videos of "Ymmärrä Suomea"."""

    description = models.TextField(_("description"), blank=True, max_length=1000)

    panels = MaterialTerm.panels + [FieldPanel("description")]
    search_fields = MaterialTerm.search_fields + [index.SearchField("description")]

    class Meta(MaterialTerm.Meta):
        verbose_name = _("material series")
        verbose_name_plural = _("material series")


class MaterialIndexPage(BasePage):
    """The public registry: every material, filterable by language, type, theme and series."""

    lead = models.TextField(_("lead"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["materials.MaterialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("material registry")

    def get_context(self, request, *args, **kwargs):
        from .registry import Registry

        context = super().get_context(request, *args, **kwargs)
        registry = Registry(self, request.GET, request.GET.get("page"))
        context["registry"] = registry
        context["facets"] = registry.facets
        context["page_obj"] = registry.page_obj
        context["materials"] = registry.materials()
        return context


class MaterialPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        versions = self.formsets.get("versions")
        # The formsets are validated after the page form; validate them now to compare languages.
        if versions is not None and versions.is_valid():
            seen = set()
            for form in versions.forms:
                if form.cleaned_data.get("DELETE"):
                    continue
                language = form.cleaned_data.get("language")
                if language and language in seen:
                    form.add_error("language", _("This material already has a version in this language."))
                seen.add(language)
        return cleaned_data


class MaterialPage(BasePage):
    """One material with its language versions."""

    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ol", "ul", "link", "document-link"]
    )
    material_type = models.CharField(
        _("type"), max_length=32, choices=MaterialType.choices, default=MaterialType.VIDEO
    )
    themes = ParentalManyToManyField(
        MaterialTheme,
        verbose_name=_("themes"),
        blank=True,
        related_name="materials",
        limit_choices_to=default_locale_only,
    )
    producer = models.CharField(_("producer"), max_length=255, blank=True)
    source_project = models.CharField(
        _("source project"), max_length=255, blank=True, help_text=_("The project the material was made in.")
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    series = models.ForeignKey(
        MaterialSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
        limit_choices_to=default_locale_only,
    )
    series_position = models.PositiveSmallIntegerField(
        _("position in the series"), null=True, blank=True, help_text=_("e.g. 3 for the third episode.")
    )

    base_form_class = MaterialPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("material_type"), FieldPanel("year")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("series", widget=forms.Select), FieldPanel("series_position")]),
                FieldPanel("producer"),
                FieldPanel("source_project"),
            ],
            heading=_("About the material"),
        ),
        InlinePanel("versions", heading=_("Language versions"), label=_("Language version"), min_num=1),
    ]
    @classmethod
    def served_with(cls):
        versions = MaterialVersion.objects.select_related("media_file", "subtitle_file")
        return (Prefetch("versions", queryset=versions, to_attr="served_versions"), "themes", "series")

    search_fields = BasePage.search_fields + [
        index.SearchField("description", boost=2),
        index.SearchField("producer"),
        index.SearchField("source_project"),
        index.SearchField("search_facts", boost=2),
        index.FilterField("material_type"),
        index.FilterField("year"),
        # Every language version's own title and transcript, so a search finds the material
        # by what is said in its videos.
        index.RelatedFields(
            "versions",
            [index.FilterField("language"), index.SearchField("title"), index.SearchField("transcript")],
        ),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("versions"),
        SynchronizedField("themes"),
        SynchronizedField("series"),
    ]

    parent_page_types = ["materials.MaterialIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def json_ld(self, request):
        """A VideoObject per recorded language version; a material without recordings is an Article."""
        from cms.structured_data import article, videos

        versions = self.versions_with_files
        return videos(self, request, versions) or [article(self, request, inLanguage=[v.language for v in versions])]

    @cached_property
    def versions_with_files(self):
        """The language versions in the editor's order, with their files: read once per page view."""
        served = getattr(self, "served_versions", None)  # read with the page when routed (`served_with`)
        return list(served) if served is not None else list(self.versions.select_related("media_file", "subtitle_file"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        versions = list(self.versions_with_files)
        # The version in the visitor's own site language first, then the editor's order.
        site_language = translation.get_language()
        versions.sort(key=lambda version: version.language != site_language)
        context["versions"] = versions
        context["version_groups"] = versions_by_direction(versions)
        context["themes"] = localized_objects(self.themes.all())
        context["series"] = (localized_objects([self.series]) or [None])[0]
        context["registry_page"] = self.get_parent()
        if self.series_id:
            context["series_materials"] = kept_for_the_public(
                "series-materials", f"{self.pk}:{self.series_id}", self.read_series_materials, copies=True
            )
        return context

    def read_series_materials(self):
        """The visible materials of this one's series beside it in the registry, in series order."""
        return list(
            visible_pages(MaterialPage.objects.sibling_of(self, inclusive=True))
            .filter(series_id=self.series_id)
            .order_by("series_position", "title")
            .defer_streamfields()
        )

    @property
    def type_label(self):
        return self.get_material_type_display()

    def search_facts(self):
        """Type, series, themes and the languages of the versions, by every name they go by."""
        languages = [get_language(version.language) for version in self.versions.all()]
        return join(
            every_language(MaterialType(self.material_type).label if self.material_type in MaterialType.values else ""),
            every_translation([self.series]),
            every_translation(list(self.themes.all())),
            " ".join(language.endonym for language in languages if language),
            every_language(*(language.name for language in languages if language)),
        )


def versions_by_direction(versions):
    """The language chooser's groups: left-to-right and right-to-left scripts, when both occur.

    A reader of Arabic, Dari or Sorani finds their language among the few right-to-left
    ones; with one direction only, a single group without a label.
    """
    groups = [
        {"direction": "ltr", "label": _("Written left to right"), "versions": []},
        {"direction": "rtl", "label": _("Written right to left"), "versions": []},
    ]
    for version in versions:
        groups[version.direction == "rtl"]["versions"].append(version)
    groups = [group for group in groups if group["versions"]]
    if len(groups) == 1:
        groups[0]["label"] = None
    return groups


def validate_webvtt(document):
    """A subtitle file must be WebVTT: a .vtt name and the `WEBVTT` signature at the start."""
    name = document.file.name.lower()
    if not name.endswith(".vtt"):
        raise ValidationError(_("Subtitles must be a WebVTT file (.vtt)."))
    try:
        document.file.open("rb")
        try:
            head = document.file.read(16)
        finally:
            document.file.close()
    except (OSError, ValueError):
        return  # storage not reachable now; the file name was checked
    if not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(_("This file is not WebVTT: it must begin with the word WEBVTT."))


class MaterialVersion(Ordered):
    """One language version of a material. Not translated: a Somali video stays Somali."""

    material = ParentalKey(MaterialPage, related_name="versions", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=12, choices=LANGUAGE_CHOICES, db_index=True)
    title = models.CharField(
        _("title in this language"),
        max_length=255,
        blank=True,
        help_text=_("The material's name in the version's own language, if it has one."),
    )
    video_url = models.URLField(
        _("video or web address"),
        blank=True,
        help_text=_("A YouTube or Vimeo address gets a privacy-friendly player; other addresses are shown as links."),
    )
    media_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A video, audio or document file of this version."),
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=TRANSCRIPT_FEATURES,
        help_text=_("Written in the version's language."),
    )
    subtitle_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("subtitles (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration = models.DurationField(_("duration"), null=True, blank=True, help_text=_("e.g. 00:05:30"))

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("duration")]),
        FieldPanel("title"),
        FieldPanel("video_url"),
        FieldPanel("media_file"),
        FieldPanel("subtitle_file"),
        FieldPanel("transcript"),
    ]

    class Meta(Ordered.Meta):
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")

    def __str__(self):
        return f"{self.material.title} ({self.language})" if self.material_id else self.language

    def clean(self):
        super().clean()
        errors = {}
        if not self.video_url and not self.media_file_id:
            errors["video_url"] = _("Give a video or web address, or choose a file.")
        if self.subtitle_file_id:
            try:
                validate_webvtt(self.subtitle_file)
            except ValidationError as error:
                errors["subtitle_file"] = error
        if errors:
            raise ValidationError(errors)

    @cached_property
    def language_info(self):
        return get_language(self.language)

    @property
    def direction(self):
        info = self.language_info
        return info.direction if info else "auto"

    @cached_property
    def embed_url(self):
        return embed_url(self.video_url)  # asked four times per version by the page's template

    @cached_property
    def media_kind(self):
        """'video' or 'audio' for files a browser can play itself, else None (a download)."""
        if not self.media_file_id:
            return None
        extension = self.media_file.file_extension.lower()
        if extension in ("mp4", "webm", "ogv", "m4v"):
            return "video"
        if extension in ("mp3", "m4a", "ogg", "oga", "opus", "wav"):
            return "audio"
        return None

    @property
    def duration_minutes(self):
        if not self.duration:
            return None
        return max(1, round(self.duration.total_seconds() / 60))
