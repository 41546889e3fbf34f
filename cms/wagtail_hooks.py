from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .autosave_on_create import ProjectPageViewSet
from .models import BasePage, Footer, MainMenu
from .visibility import is_servable


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    list_display = ["name", "locale", "live"]
    list_filter = ["locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    list_display = ["organisation_name", "locale", "live"]
    list_filter = ["locale"]


class NavigationViewSetGroup(SnippetViewSetGroup):
    items = (MainMenuViewSet, FooterViewSet)
    menu_icon = "list-ul"
    menu_label = _("Navigation")
    menu_name = "navigation"


register_snippet(NavigationViewSetGroup)


def register_page_viewsets():
    """One page viewset per concrete page type (a viewset's views work on its own model)."""
    from wagtail.models import get_page_models

    for model in get_page_models():
        if issubclass(model, BasePage) and not model._meta.abstract:
            hooks.register(
                "register_admin_viewset",
                lambda model=model: ProjectPageViewSet(f"project_pages_{model._meta.label_lower}", model=model),
            )


register_page_viewsets()


class TranslationsToUpdateMenuItem(MenuItem):
    def is_shown(self, request):
        from .translation_updates import user_may_see_updates

        return user_may_see_updates(request.user)


@hooks.register("register_admin_menu_item")
def register_translations_to_update_menu_item():
    return TranslationsToUpdateMenuItem(
        _("Translations to update"), reverse("cms_translations_to_update"), icon_name="globe", order=250
    )


@hooks.register("register_admin_urls")
def register_translation_update_urls():
    from .translation_update_views import TranslationsToUpdateView, sync_view

    return [
        path("translations-to-update/", TranslationsToUpdateView.as_view(), name="cms_translations_to_update"),
        path("translations-to-update/sync/", sync_view, name="cms_translations_sync"),
    ]


@hooks.register("insert_global_admin_js")
def admin_workaround_js():
    """Workarounds for upstream admin widgets: see the header of each file."""
    return format_html(
        '<script src="{}" defer></script>'
        '<script src="{}" data-title-template="{}" data-upload-label="{}" data-more-actions="{}"></script>',
        static("cms/admin/wagtail_admin_a11y.js"),
        static("cms/admin/wagtail_localize_editor.js"),
        _("%(source)s to %(target)s translation"),
        _("Upload a PO file with translations"),
        gettext("More actions"),  # Wagtail's own msgid and translation
    )


@hooks.register("insert_global_admin_css")
def admin_workaround_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/admin/wagtail_localize_editor.css"))


@hooks.register("before_serve_page")
def serve_only_visible_pages(page, request, serve_args, serve_kwargs):
    """Page serving asks the visibility rule, like every other channel.

    Wagtail serves any live page, even after its `expire_at`, and an alias whatever its
    source's state. Such pages are not found. The page's own view restrictions stay with
    Wagtail's hook (a password or login form), so people who may see the page still do.
    """
    if not is_servable(page, request):
        raise Http404
    return None
