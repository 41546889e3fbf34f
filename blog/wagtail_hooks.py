from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


class HeldCommentsMenuItem(MenuItem):
    """Shown to moderators only, with the number of comments waiting for them."""

    def is_shown(self, request):
        return admin_views.can_moderate(request.user)

    def render_component(self, request):
        count = moderation.held_comments().count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs)


@hooks.register("register_admin_urls")
def register_comment_moderation_urls():
    return [
        path("blog/comments/", admin_views.comment_queue, name="blog_comment_queue"),
        path("blog/comments/moderate/", admin_views.moderate_comments, name="blog_comment_moderate"),
    ]


@hooks.register("register_admin_menu_item")
def register_held_comments_menu_item():
    return HeldCommentsMenuItem(
        _("Held comments"), reverse("blog_comment_queue"), name="held-comments", icon_name="comment", order=300
    )
