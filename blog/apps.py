from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from django_comments.signals import comment_will_be_posted
        from django_comments_xtd.moderation import moderator

        from .comments import store_client_address
        from .models import BlogPage
        from .moderation import BlogCommentModerator

        if BlogPage not in moderator._registry:
            moderator.register(BlogPage, BlogCommentModerator)
        comment_will_be_posted.connect(store_client_address, dispatch_uid="blog-store-client-address")
