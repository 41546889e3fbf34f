from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Footer, MainMenu
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
