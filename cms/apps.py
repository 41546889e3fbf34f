from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from . import (  # noqa: F401 (checks registers itself)
            checks,
            page_cache,
            request_cache,
            translated_names,
            wagtail_localize_alias_drafts,
            wagtail_localize_dates,
            wagtail_localize_raw_save,
            wagtail_rendition_cache,
        )
        from .permissions import ensure_translator_permissions, grant_on_new_locale_root

        page_cache.connect()
        request_cache.install()
        translated_names.install()
        wagtail_localize_dates.install()
        wagtail_localize_raw_save.install()
        wagtail_localize_alias_drafts.install()
        wagtail_rendition_cache.install()

        # post_migrate is sent once per app; permissions of later apps only exist once the
        # last app's signal has gone out, so the group is brought up to date then.
        last_app = [app for app in apps.get_app_configs() if app.models_module][-1]
        post_migrate.connect(ensure_translator_permissions, sender=last_app)
        post_save.connect(grant_on_new_locale_root)
