"""The choices of an event page, shared by the page, its calendar entry and its structured data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("On site")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("On site and online")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place as planned")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    NONE = "none", _("No registration")
    OPEN = "open", _("Registration open")
    CLOSED = "closed", _("Registration closed")
