"""The Translators group: translate and publish in Swedish and English, never touch the Finnish source.

Page permissions in Wagtail are granted on a subtree. Every language has its own tree,
so translators get add/change/publish on the Swedish and English home pages only: the
Finnish tree stays out of reach, and so do settings (no settings permission is given).
Snippets have no per-language permissions in Wagtail; translators get change permission
on the translatable snippet types so they can save translations of them.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

TRANSLATORS = "Translators"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def translators_group():
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    return group


def ensure_translator_permissions(**kwargs):
    """Idempotent: run after every migrate and when a language's home page appears."""
    if not apps.is_installed("wagtail_localize"):
        return
    group = translators_group()
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            content_type = ContentType.objects.get_for_model(model)
            group.permissions.add(*Permission.objects.filter(content_type=content_type, codename__startswith="change_"))
            group.permissions.add(*Permission.objects.filter(content_type=content_type, codename__startswith="publish_"))
    for root in translated_locale_roots():
        grant_page_permissions(group, root)


def translated_locale_roots():
    """The home pages of every language except the source language."""
    return Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)


def grant_page_permissions(group, page):
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_on_new_locale_root(sender, instance, created, **kwargs):
    if created and isinstance(instance, Page) and instance.depth == 2 and instance.locale.language_code != settings.LANGUAGE_CODE:
        grant_page_permissions(translators_group(), instance)
