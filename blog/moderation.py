"""Pre-moderation of blog comments: every comment is held until a moderator approves it.

A published comment can be taken back (unpublished, into the queue again) or deleted
for good with its replies, e.g. when its writer asks for their data to be removed.

"The blog's maintainers decide which comments are published" (the comment policy), so
`BlogCommentModerator.moderate` always answers yes. Approving and removing go through
queryset updates on purpose: `XtdComment.save()` on an existing comment triggers
django-comments-xtd's pre_save handler, which copies the parent's `is_public` to all its
replies, so approving a parent with `save()` would publish replies nobody had reviewed.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django_comments_xtd.models import XtdComment
from django_comments_xtd.moderation import XtdCommentModerator

from cms import page_cache

MODERATORS_GROUP = "Comment moderators"
MODERATE_PERMISSION = "django_comments.can_moderate"


class BlogCommentModerator(XtdCommentModerator):
    email_notification = True
    enable_field = "comments_enabled"
    auto_close_field = "date"

    @property
    def close_after(self):
        return settings.BLOG_COMMENTS_CLOSE_AFTER_DAYS

    def allow(self, comment, content_object, request):
        from .comments import CHECKED_REQUEST_ATTRIBUTE

        # Only comments that passed the post's own route (open, rate limited) are taken.
        if not getattr(request, CHECKED_REQUEST_ATTRIBUTE, False):
            return False
        return content_object.comments_open()

    def moderate(self, comment, content_object, request):
        return True

    def email(self, comment, content_object, request):
        notify_moderators(getattr(comment, "xtd_comment", None) or comment, content_object, request)


def moderators():
    """Active users who may moderate: members of the group and superusers with an address."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )


def notify_moderators(comment, page, request=None):
    from django.urls import reverse

    recipients = sorted(set(moderators().values_list("email", flat=True)))
    if not recipients:
        return 0
    queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("blog_comment_queue")
    # Moderators read the admin in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        context = {"comment": comment, "page": page, "queue_url": queue_url}
        subject = render_to_string("blog/email/held_comment_subject.txt", context).strip()
        body = render_to_string("blog/email/held_comment.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=True)


def blog_comments():
    from .models import BlogPage

    return XtdComment.objects.filter(content_type=ContentType.objects.get_for_model(BlogPage))


def held_comments():
    return blog_comments().filter(is_public=False, is_removed=False)


def published_comments():
    return blog_comments().filter(is_public=True, is_removed=False)


def approve(comment_ids):
    """Publish held comments. Returns how many were published."""
    count = held_comments().filter(pk__in=comment_ids).update(is_public=True)
    if count:
        # A queryset update sends no post_save, so tell the page cache ourselves.
        page_cache.invalidate()
    return count


def remove(comment_ids):
    """Remove held comments: kept for the record with `is_removed`, never shown."""
    count = held_comments().filter(pk__in=comment_ids).update(is_removed=True)
    if count:
        page_cache.invalidate()
    return count


def unpublish(comment_ids):
    """Take published comments off the site, back into the queue. Returns how many."""
    count = published_comments().filter(pk__in=comment_ids).update(is_public=False)
    if count:
        page_cache.invalidate()
    return count


def delete(comment_ids):
    """Delete published comments for good, with their replies: nothing of them stays stored.

    Returns how many comments were deleted, replies included.
    """
    ids = list(published_comments().filter(pk__in=comment_ids).values_list("pk", flat=True))
    if not ids:
        return 0
    # A top-level comment is its own parent in django-comments-xtd.
    _total, per_model = blog_comments().filter(Q(pk__in=ids) | Q(parent_id__in=ids)).delete()
    page_cache.invalidate()
    return per_model.get(XtdComment._meta.label, 0)
