"""E-mail subscriptions: an address, a language and the choices; nothing else about the person.

A subscription is created unconfirmed when the form is sent and confirmed from the link
in the e-mail it triggers (double opt-in): nothing but that e-mail goes to an address
until then, and an unconfirmed subscription is deleted after
SUBSCRIPTION_CONFIRMATION_DAYS (`purge_personal_data`). One address has at most one
confirmed subscription per language; confirming new choices replaces the old ones.
Unsubscribing deletes the subscription and the record of what was sent to it.

`SentItem` records each page a digest has sent to a subscription (unique together), so
nothing is sent twice, whatever happens to the clock or however often and however many
at once `send_digests` runs.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    kinds = models.JSONField(_("what to follow"), default=list)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    material_themes = models.JSONField(_("material themes"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "language"],
                condition=Q(confirmed_at__isnull=False),
                name="subscriptions_one_confirmed_per_address_and_language",
            )
        ]
        indexes = [models.Index(fields=["email", "language"], name="subscriptions_address_idx")]

    def __str__(self):
        return f"{self.email} ({self.language})"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def choices(self):
        return {"kinds": self.kinds, "themes": self.themes, "material_themes": self.material_themes}

    def confirm(self, now=None):
        """Confirm this subscription, or move its choices onto the address's confirmed one; returns the one that stays."""
        now = now or timezone.now()
        for _attempt in range(2):
            try:
                with transaction.atomic():
                    existing = (
                        Subscription.objects.select_for_update()
                        .filter(email=self.email, language=self.language, confirmed_at__isnull=False)
                        .exclude(pk=self.pk)
                        .first()
                    )
                    if existing is None:
                        if self.confirmed_at is None:
                            self.confirmed_at = now
                            self.save(update_fields=["confirmed_at"])
                        return self
                    for name, value in self.choices().items():
                        setattr(existing, name, value)
                    existing.save(update_fields=list(self.choices()))
                    if self.pk:
                        self.delete()
                    return existing
            except IntegrityError:
                continue  # another request confirmed the same address at the same moment: join it
        raise RuntimeError("the subscription could not be confirmed")


class SentItem(models.Model):
    """A page a digest sent to a subscription."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("page sent")
        verbose_name_plural = _("pages sent")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "page"], name="subscriptions_each_page_sent_once")
        ]

    def __str__(self):
        return f"{self.subscription} ← {self.page_id}"
