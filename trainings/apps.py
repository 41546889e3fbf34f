from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events and trainings. The package is not called `events`: that name belongs to PyPI's
    `events`, which opensearch-py imports (a top-level package of ours would shadow it). The
    app label stays `events` (tables, content types, templates under events/)."""

    name = "trainings"
    label = "events"
    verbose_name = _("Events and trainings")
    default_auto_field = "django.db.models.BigAutoField"
