"""Comment moderation inside the Wagtail admin: the queue of held comments, approve and remove.

Only users with django-comments' `can_moderate` permission (the "Comment moderators"
group, and superusers) get here; everyone else gets 403.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms import moderation_queue

from . import moderation

QUEUE_PAGE_SIZE = 50


def can_moderate(user):
    return user.is_authenticated and user.is_active and user.has_perm(moderation.MODERATE_PERMISSION)


moderators_only = moderation_queue.moderators_only(
    can_moderate, "blog/admin/forbidden.html", _("Held comments"), "comment"
)


HELD, PUBLISHED = "held", "published"
# action -> (what it does, which comments it takes, the success message)
ACTIONS = {
    "approve": (
        moderation.approve,
        HELD,
        ngettext_lazy("%(count)d comment published.", "%(count)d comments published.", "count"),
    ),
    "remove": (
        moderation.remove,
        HELD,
        ngettext_lazy("%(count)d comment removed.", "%(count)d comments removed.", "count"),
    ),
    "unpublish": (
        moderation.unpublish,
        PUBLISHED,
        ngettext_lazy(
            "%(count)d comment taken off the site and back into the queue.",
            "%(count)d comments taken off the site and back into the queue.",
            "count",
        ),
    ),
    "delete": (
        moderation.delete,
        PUBLISHED,
        ngettext_lazy("%(count)d comment deleted for good.", "%(count)d comments deleted for good.", "count"),
    ),
}


def queue_url(status):
    url = reverse("blog_comment_queue")
    return f"{url}?status={PUBLISHED}" if status == PUBLISHED else url


def with_posts(comments):
    posts = Page.objects.filter(pk__in={int(c.object_pk) for c in comments if c.object_pk.isdigit()}).select_related(
        "locale"
    )
    posts_by_pk = {str(post.pk): post for post in posts}
    for comment in comments:
        comment.post = posts_by_pk.get(comment.object_pk)
    return comments


@moderators_only
def comment_queue(request):
    """Held comments, oldest first; or, with `?status=published`, published ones, newest first."""
    status = PUBLISHED if request.GET.get("status") == PUBLISHED else HELD
    if status == PUBLISHED:
        comments = moderation.published_comments().select_related(None).order_by("-submit_date", "-pk")
    else:
        comments = moderation.held_comments().select_related(None).order_by("submit_date", "pk")
    context = moderation_queue.queue_page(request, comments, _("Held comments"), "comment", QUEUE_PAGE_SIZE)
    page_obj = context["page_obj"]
    return TemplateResponse(
        request,
        "blog/admin/comment_queue.html",
        {
            **context,
            "comments": with_posts(list(page_obj.object_list)),
            "status": status,
            "held_url": queue_url(HELD),
            "published_url": queue_url(PUBLISHED),
            "held_count": moderation.held_comments().count(),
        },
    )


@require_POST
@moderators_only
def moderate_comments(request):
    """One comment (`<action>_one`) or the ticked ones (`action` + `comment`); deleting asks first."""
    action, ids = moderation_queue.chosen(request, ACTIONS, "comment")
    if action not in ACTIONS:
        messages.warning(request, _("Choose the comments and what to do with them."))
        return redirect(queue_url(request.POST.get("status")))
    perform, status, message = ACTIONS[action]
    if not ids:
        messages.warning(request, _("Choose the comments and what to do with them."))
        return redirect(queue_url(status))
    if action == "delete" and not request.POST.get("confirmed"):
        title = _("Delete comments for good?")
        comments = with_posts(list(moderation.published_comments().filter(pk__in=ids).order_by("submit_date", "pk")))
        return TemplateResponse(
            request,
            "blog/admin/confirm_delete_comments.html",
            {"page_title": title, "header_title": title, "header_icon": "comment", "comments": comments,
             "cancel_url": queue_url(PUBLISHED)},
        )
    count = perform(ids)
    messages.success(request, message % {"count": count})
    return redirect(queue_url(status))
