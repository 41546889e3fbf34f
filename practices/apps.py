from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .models import PracticeModelPage
        from .review import publish_submitted_attachments

        page_published.connect(
            publish_submitted_attachments, sender=PracticeModelPage, dispatch_uid="practices_publish_attachments"
        )
