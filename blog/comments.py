"""Comments on blog posts: the form, the public thread and the guarded way in.

A comment is posted to the post's own route `<post-url>comment/`, never straight to
django-comments' `/comments/post/`: `post_comment_view` checks that comments are open,
applies the rate limit per client address and validates the reply target, then hands
the request to django-comments' own view, which checks the signed timestamp, the
security hash and the honeypot and saves the comment (held, see `moderation.py`).
The moderator refuses BlogPage comments that did not come through here, so the rate
limit cannot be bypassed through the generic endpoint.
"""

import re

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_comments.views.comments import post_comment
from django_comments_xtd import get_form
from django_comments_xtd import views as xtd_views  # noqa: F401 (connects xtd's comment_was_posted receiver)
from django_comments_xtd.models import XtdComment

from cms.client_address import client_ip
from cms.models import SiteSettings
from cms.rate_limits import over_limit
from cms.visibility import kept_for_the_public, visible_localized

from .comments_timestamp import bound_timestamp

CHECKED_REQUEST_ATTRIBUTE = "blog_comment_checked"
# At most 18 ASCII digits: always within a 64-bit primary key.
COMMENT_ID = re.compile(r"[1-9][0-9]{0,17}")
RATE_LIMIT_GROUP = "blog.comment"


def comments_for(page):
    """The comments of a post for a queryset: same content type and object id."""
    from django.contrib.contenttypes.models import ContentType

    return XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(type(page)),
        object_pk=str(page.pk),
        site_id=settings.SITE_ID,
    )


def public_thread(page):
    """Approved comments as a list of top-level comments, each with `.replies` (one level).

    Kept until what the public sees changes: approving, editing, removing or deleting a public
    comment renews it (cms.page_cache), a held one does not. Each call gets its own copies
    (the page attaches a reply form to each comment).
    """
    return kept_for_the_public("comment-thread", page.pk, lambda: read_thread(page), copies=True)


def read_thread(page):
    comments = list(
        comments_for(page)
        .filter(is_public=True, is_removed=False)
        .select_related(None)
        .only("pk", "parent_id", "level", "user_name", "comment", "submit_date", "thread_id", "order")
        .order_by("submit_date", "pk")
    )
    top_level = [comment for comment in comments if comment.level == 0]
    by_pk = {comment.pk: comment for comment in top_level}
    for comment in top_level:
        comment.replies = []
    for comment in comments:
        if comment.level > 0 and comment.parent_id in by_pk:
            by_pk[comment.parent_id].replies.append(comment)
    return top_level


def new_form(page, reply_to=None, data=None):
    """The comment form for the specific page; replies get their own field ids."""
    form_class = get_form()
    kwargs = {}
    if reply_to is not None:
        kwargs["auto_id"] = f"id_reply{reply_to.pk}_%s"
        kwargs["initial"] = {"reply_to": reply_to.pk}
    form = bound_timestamp(form_class(page, data=data, **kwargs))
    for name in ("url", "followup"):
        # Not offered: a link field invites spam, follow-up mails can be abused to
        # mail third parties (django-comments-xtd issue #167).
        form.fields[name].widget = form.fields[name].hidden_widget()
    fields = form.fields
    fields["name"].label = _("Name")
    fields["name"].help_text = _("Shown with your comment.")
    fields["email"].label = _("E-mail")
    fields["email"].help_text = _("Not published. We use it only if we need to contact you about the comment.")
    fields["comment"].label = _("Comment")
    fields["comment"].help_text = _("Plain text, at most %(count)d characters.") % {
        "count": settings.COMMENT_MAX_LENGTH
    }
    widget_attrs = {
        "name": {"maxlength": fields["name"].max_length, "autocomplete": "name"},
        "email": {"type": "email", "autocomplete": "email"},
        "comment": {"maxlength": settings.COMMENT_MAX_LENGTH, "rows": 6},
    }
    for name, attrs in widget_attrs.items():
        widget = fields[name].widget
        widget.attrs.pop("placeholder", None)
        input_type = attrs.pop("type", None)
        if input_type:
            widget.input_type = input_type
        widget.attrs.update(attrs, required=True, **{"aria-describedby": f"{form[name].auto_id}_help"})
    return form


def comment_policy_page(request):
    site_settings = SiteSettings.for_request(request)
    page = site_settings.comment_policy_page
    shown = visible_localized([page]).get(page.pk) if page is not None else None
    return shown.specific if shown else None


def comment_context(page, request, form=None):
    comments_open = page.comments_open()
    thread = public_thread(page)
    context = {"comments": thread, "comments_open": comments_open}
    if comments_open:
        context["comment_form"] = form or new_form(page)
        for comment in thread:
            comment.reply_form = new_form(page, reply_to=comment)
        context["comment_policy_page"] = comment_policy_page(request)
    return context


def store_client_address(sender, comment, request, **kwargs):
    """A `comment_will_be_posted` receiver: the address stored is the one the rate limit counts.

    django-comments stores REMOTE_ADDR, which behind a proxy is the proxy's address.
    """
    comment.ip_address = client_ip(request)


def post_comment_view(page, request):
    if not page.comments_open():
        return TemplateResponse(request, "blog/comments_closed.html", {"page": page}, status=403)

    if over_limit(request, RATE_LIMIT_GROUP, settings.BLOG_COMMENT_RATE):
        return TemplateResponse(request, "blog/comment_rate_limited.html", {"page": page}, status=429)

    content_type = f"{page._meta.app_label}.{page._meta.model_name}"
    if request.POST.get("content_type") != content_type or request.POST.get("object_pk") != str(page.pk):
        return HttpResponseBadRequest("The comment form does not belong to this page.")

    reply_to = request.POST.get("reply_to", "0")
    parent = None
    if reply_to != "0":
        # A comment id, checked before it reaches the database: a number beyond 64 bits
        # would be an OverflowError on SQLite.
        if not COMMENT_ID.fullmatch(reply_to):
            return HttpResponseBadRequest("No such comment to reply to.")
        try:
            parent = comments_for(page).get(pk=int(reply_to), level=0, is_public=True, is_removed=False)
        except XtdComment.DoesNotExist:
            # Replies nest one level deep, under approved comments of this post only.
            return HttpResponseBadRequest("No such comment to reply to.")

    form = new_form(page, reply_to=parent, data=request.POST)
    if form.security_errors():
        return HttpResponseBadRequest("The comment form failed security verification.")
    if not form.is_valid():
        # Show the post again with the errors next to the fields.
        response = page.render(request, context_overrides={} if parent else {"comment_form": form})
        if parent is not None:
            for comment in response.context_data["comments"]:
                if comment.pk == parent.pk:
                    comment.reply_form = form
                    comment.reply_has_errors = True
        response.status_code = 400
        return response

    setattr(request, CHECKED_REQUEST_ATTRIBUTE, True)
    posted_url = page.url + page.reverse_subpage("comment_posted")
    data = request.POST.copy()
    data["next"] = posted_url
    request.POST = data
    with transaction.atomic():
        response = post_comment(request, next=posted_url)
    if isinstance(response, HttpResponseRedirect):
        # Never echo the comment's id: the confirmation page must not reveal held comments.
        return HttpResponseRedirect(posted_url)
    return response
