from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_menu import WaitingCountMenuItem

from . import admin_views, moderation
from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["name", "role", "organisation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "role", "organisation"]
    search_backend_name = None


register_snippet(PersonViewSet)


@hooks.register("register_admin_urls")
def register_comment_moderation_urls():
    return [
        path("blog/comments/", admin_views.comment_queue, name="blog_comment_queue"),
        path("blog/comments/moderate/", admin_views.moderate_comments, name="blog_comment_moderate"),
    ]


@hooks.register("register_admin_menu_item")
def register_held_comments_menu_item():
    return WaitingCountMenuItem(
        _("Held comments"),
        reverse("blog_comment_queue"),
        is_allowed=admin_views.can_moderate,
        waiting=lambda: moderation.held_comments().count(),
        name="held-comments",
        icon_name="comment",
        order=300,
    )
