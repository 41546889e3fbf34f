"""The blog's demo section that only this app understands: comments (data: `demo_data/blog.yaml`)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments_xtd.models import XtdComment

from .models import BlogPage


def comments(ctx, section):
    """Comments as visitors would have left them, found again by post and e-mail address."""
    content_type = ContentType.objects.get_for_model(BlogPage)
    for slug, entries in section.items():
        post = ctx.objects[f"page:{slug}"]
        made = {}
        for entry in entries:
            comment = XtdComment.objects.filter(content_type=content_type, object_pk=str(post.pk), user_email=entry["email"]).first()
            created = comment is None
            if created:
                submitted = timezone.make_aware(datetime.datetime.combine(post.date, datetime.time(14)))
                parent = made.get(entry.get("reply_to"))
                comment = XtdComment(
                    content_type=content_type,
                    object_pk=str(post.pk),
                    site_id=settings.SITE_ID,
                    user_name=entry["name"],
                    user_email=entry["email"],
                    comment=entry["text"],
                    submit_date=submitted + datetime.timedelta(days=entry.get("days_after", 1)),
                    is_public=not entry.get("held", False),
                    parent_id=parent.pk if parent else 0,
                )
                comment.save()
            ctx.progress(comment, created)
            made[entry["email"]] = comment
