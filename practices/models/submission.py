"""Who submitted which practice to which call (the intake itself is `practices.intake`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeSubmission(models.Model):
    """Who submitted which practice to which call: kept for the centre, never shown publicly."""

    call = models.ForeignKey(
        "practices.PracticeCallPage", verbose_name=_("call"), null=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    practice = models.ForeignKey(
        "practices.PracticeModelPage", verbose_name=_("practice"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("submitter's name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    # Emptied by `purge_personal_data` once a submission that was not accepted is old enough.
    email = models.EmailField(_("e-mail"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # The confirmation and the centre's notice go out after the submission is stored; if
    # sending fails the submission stays, and the centre sees why here.
    emails_sent_at = models.DateTimeField(_("e-mails sent at"), null=True, blank=True)
    email_error = models.TextField(_("e-mail error"), blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("practice submission")
        verbose_name_plural = _("practice submissions")

    def __str__(self):
        return f"{self.practice or '–'} ({self.name}, {self.organisation})"
