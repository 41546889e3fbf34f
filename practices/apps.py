from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import Revision
        from wagtail.signals import page_published

        from .intake import publish_submitted_attachments
        from .models import PracticeModelPage, follow_latest_revision

        page_published.connect(
            publish_submitted_attachments, sender=PracticeModelPage, dispatch_uid="practices_publish_attachments"
        )
        post_save.connect(follow_latest_revision, sender=Revision, dispatch_uid="practices_follow_latest_revision")
