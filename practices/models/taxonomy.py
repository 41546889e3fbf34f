"""The practices' vocabularies: fixed choices (development stage, call status) and translatable terms.

Themes and target groups classify practices; the criteria are what the expert panel
assesses practices against. Nothing here knows about pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from cms.vocabulary import TranslatableTerm


class DevelopmentStage(models.TextChoices):
    IDEA = "idea", _("Idea")
    IN_DEVELOPMENT = "in_development", _("In development")
    PILOTED = "piloted", _("Piloted")
    ESTABLISHED = "established", _("Established")
    ENDED = "ended", _("Ended")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Theme(TranslatableTerm):
    class Meta(TranslatableTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(TranslatableTerm):
    class Meta(TranslatableTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Criterion(TranslatableMixin, models.Model):
    """One of the six criteria of a good practice: data the panel assesses against, not template text."""

    key = models.SlugField(_("key"), max_length=50, help_text=_("A stable identifier, the same in every language."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"))

    override_translatable_fields = [SynchronizedField("key"), SynchronizedField("order")]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("order"), FieldPanel("key")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["order", "pk"]
        verbose_name = _("good-practice criterion")
        verbose_name_plural = _("good-practice criteria")
        constraints = [models.UniqueConstraint(fields=["locale", "key"], name="practices_criterion_unique_key")]

    def __str__(self):
        return self.name

    @classmethod
    def source_criteria(cls):
        """The criteria in the default language: what verdicts point to."""
        return cls.objects.filter(locale=Locale.get_default())
