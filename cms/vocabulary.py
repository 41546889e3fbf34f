"""What several apps share to describe content: regions, translatable terms and date ranges.

- `Region`: Finland's regions (maakunnat) and "national", one list with one set of slugs
  (the regions' Finnish names, as Finnish authorities write them in addresses). Filter
  URLs are public: `?region=varsinais-suomi` means the same on every listing.
- `TranslatableTerm`: the abstract translatable snippet behind every term list (practice
  themes and target groups, material themes and series). A term's slug is synchronised
  across its translations, so a filter URL works in every language; `by_slug()` reads the
  terms for the active language.
- `DateRangeMixin` and `OptionalPeriodMixin`: a start and an end that must come in order,
  validated in `clean()`, with the panel that edits them side by side.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class Region(models.TextChoices):
    """Finland's regions (maakunnat), and "national" for what runs everywhere."""

    NATIONAL = "national", _("National")
    UUSIMAA = "uusimaa", _("Uusimaa")
    SOUTHWEST_FINLAND = "varsinais-suomi", _("Southwest Finland")
    SATAKUNTA = "satakunta", _("Satakunta")
    KANTA_HAME = "kanta-hame", _("Kanta-Häme")
    PIRKANMAA = "pirkanmaa", _("Pirkanmaa")
    PAIJAT_HAME = "paijat-hame", _("Päijät-Häme")
    KYMENLAAKSO = "kymenlaakso", _("Kymenlaakso")
    SOUTH_KARELIA = "etela-karjala", _("South Karelia")
    SOUTH_SAVO = "etela-savo", _("South Savo")
    NORTH_SAVO = "pohjois-savo", _("North Savo")
    NORTH_KARELIA = "pohjois-karjala", _("North Karelia")
    CENTRAL_FINLAND = "keski-suomi", _("Central Finland")
    SOUTH_OSTROBOTHNIA = "etela-pohjanmaa", _("South Ostrobothnia")
    OSTROBOTHNIA = "pohjanmaa", _("Ostrobothnia")
    CENTRAL_OSTROBOTHNIA = "keski-pohjanmaa", _("Central Ostrobothnia")
    NORTH_OSTROBOTHNIA = "pohjois-pohjanmaa", _("North Ostrobothnia")
    KAINUU = "kainuu", _("Kainuu")
    LAPLAND = "lappi", _("Lapland")
    ALAND = "ahvenanmaa", _("Åland")


class TranslatableTerm(TranslatableMixin, models.Model):
    """A term read per language; its slug is shared by every translation so filter URLs carry over.

    Pages point at the default-language term (`cms.models.default_locale_only`); lists show
    its translation for the active language.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter addresses; the same in every language.")
    )

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="%(app_label)s_%(class)s_unique_slug")]

    def __str__(self):
        return self.name

    @classmethod
    def by_slug(cls, locale=None):
        """{slug: the term in `locale` (default: the active one), else in the default language}, by name."""
        locale = locale or Locale.get_active()
        terms = {}
        for term in cls.objects.filter(locale_id__in={locale.pk, Locale.get_default().pk}):
            if term.locale_id == locale.pk or term.slug not in terms:
                terms[term.slug] = term
        return dict(sorted(terms.items(), key=lambda item: item[1].name.lower()))


class DateRangeMixin(models.Model):
    """A start and an end that must come in that order; subclasses name the two fields.

    `date_range_equal_allowed`: whether the end may be the start (one-day period) or must
    come after it (a call that closes the moment it opens is no call).
    """

    date_range_fields = ("start_date", "end_date")
    date_range_equal_allowed = True
    date_range_error = _("The end cannot be before the start.")

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        start_name, end_name = self.date_range_fields
        start, end = getattr(self, start_name), getattr(self, end_name)
        if start and end and (end < start or (end == start and not self.date_range_equal_allowed)):
            raise ValidationError({end_name: self.date_range_error})

    @staticmethod
    def date_range_panel(start_name="start_date", end_name="end_date", heading=None):
        """The two fields side by side in the editor."""
        return FieldRowPanel([FieldPanel(start_name), FieldPanel(end_name)], heading=heading)


class OptionalPeriodMixin(DateRangeMixin):
    """An optional period of whole days (a project's or a pilot's), the same in every language."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    period_translatable_fields = [SynchronizedField("start_date"), SynchronizedField("end_date")]

    class Meta:
        abstract = True
