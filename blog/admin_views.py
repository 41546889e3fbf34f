"""Comment moderation inside the Wagtail admin: the queue of held comments, approve and remove.

Only users with django-comments' `can_moderate` permission (the "Comment moderators"
group, and superusers) get here; everyone else gets 403.
"""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import moderation

QUEUE_PAGE_SIZE = 50


def can_moderate(user):
    return user.is_authenticated and user.is_active and user.has_perm(moderation.MODERATE_PERMISSION)


def moderators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_moderate(request.user):
            # A real 403, not Wagtail's redirect-with-message for PermissionDenied.
            title = _("Held comments")
            return TemplateResponse(
                request,
                "blog/admin/forbidden.html",
                {"page_title": title, "header_title": title, "header_icon": "comment"},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapper


@moderators_only
def comment_queue(request):
    comments = moderation.held_comments().select_related(None).order_by("submit_date", "pk")
    page_obj = Paginator(comments, QUEUE_PAGE_SIZE).get_page(request.GET.get("p"))
    held = list(page_obj.object_list)
    posts = Page.objects.filter(pk__in={int(c.object_pk) for c in held if c.object_pk.isdigit()}).select_related(
        "locale"
    )
    posts_by_pk = {str(post.pk): post for post in posts}
    for comment in held:
        comment.post = posts_by_pk.get(comment.object_pk)
    title = _("Held comments")
    return TemplateResponse(
        request,
        "blog/admin/comment_queue.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "comment",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "comments": held,
            "page_obj": page_obj,
        },
    )


@require_POST
@moderators_only
def moderate_comments(request):
    """Approve or remove one comment (`approve_one`/`remove_one`) or the ticked ones (`action`)."""
    if request.POST.get("approve_one"):
        action, ids = "approve", [request.POST["approve_one"]]
    elif request.POST.get("remove_one"):
        action, ids = "remove", [request.POST["remove_one"]]
    else:
        action, ids = request.POST.get("action"), request.POST.getlist("comment")
    ids = [int(value) for value in ids if value.isdigit()]
    if action not in ("approve", "remove") or not ids:
        messages.warning(request, _("Choose the comments and what to do with them."))
        return redirect("blog_comment_queue")
    if action == "approve":
        count = moderation.approve(ids)
        messages.success(
            request, ngettext("%(count)d comment published.", "%(count)d comments published.", count) % {"count": count}
        )
    else:
        count = moderation.remove(ids)
        messages.success(
            request, ngettext("%(count)d comment removed.", "%(count)d comments removed.", count) % {"count": count}
        )
    return redirect("blog_comment_queue")
