"""Adoption reports: an organisation tells that it took a practice into use (the flow is `practices.adoption`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.vocabulary import Region


class AdoptionReport(models.Model):
    """"We took this into use": an organisation reports that it adopted a practice. Public only once approved.

    The report belongs to the practice's translation family (the foreign key names the
    source-language page where there is one; every translation shows the same reports).
    The contact name and address are for the centre and the practice's editors only: they
    are never rendered on the public site (`practices.adoption`).
    """

    HELD = "held"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUS_CHOICES = [(HELD, _("Waiting for moderation")), (APPROVED, _("Approved")), (REJECTED, _("Rejected"))]

    practice = models.ForeignKey(
        "practices.PracticeModelPage", verbose_name=_("practice"), on_delete=models.CASCADE, related_name="adoption_reports"
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True)
    adopted_on = models.DateField(_("taken into use"), help_text=_("The month it was taken into use (day 1)."))
    adapted = models.TextField(_("what was adapted"), max_length=2000, blank=True)
    experiences = models.TextField(_("experiences"), max_length=4000)
    language = models.CharField(_("language"), max_length=8, help_text=_("The language the report was written in."))
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=HELD)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderated by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        ordering = ["-adopted_on", "-pk"]
        verbose_name = _("adoption report")
        verbose_name_plural = _("adoption reports")
        indexes = [models.Index(fields=["status", "practice"], name="practices_adoption_status")]

    def __str__(self):
        return f"{self.organisation}, {self.municipality}: {self.practice}"
