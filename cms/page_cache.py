"""What the anonymous page cache stores, under which key, and when it is emptied.

Keys carry a generation number; publishing, unpublishing, moving or deleting a page, or
changing a snippet, setting or comment, bumps the generation, so every cached page is
stale at once. Listings depend on many pages, so emptying everything is the only rule
that is always right, and content changes are rare next to page views.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "page-cache:generation"
# Content models whose changes show on public pages. Revisions, logs, search queries and
# sessions change all the time without changing what visitors see.
CONTENT_APPS = {"cms", "home", "practices", "materials", "blog", "wagtailcore", "wagtailimages",
                "wagtaildocs", "django_comments_xtd", "django_comments", "taggit"}
IGNORED_MODELS = {"wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
                  "wagtailcore.taskstate", "wagtailcore.workflowstate", "wagtailcore.pagesubscription",
                  "wagtailcore.referenceindex", "wagtailcore.comment", "wagtailcore.commentreply",
                  "wagtailcore.pagelock", "wagtailcore.uploadedfile"}


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    return value


def invalidate(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def invalidate_on_content_change(sender, **kwargs):
    if kwargs.get("created") and issubclass(sender, BaseSiteSetting):
        return  # created empty on the first page view; nothing visible changed
    label = sender._meta.label_lower
    if sender._meta.app_label in CONTENT_APPS and label not in IGNORED_MODELS:
        invalidate()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    post_save.connect(invalidate_on_content_change, dispatch_uid="page-cache-save")
    post_delete.connect(invalidate_on_content_change, dispatch_uid="page-cache-delete")


def cache_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{generation()}:{request.method}:{digest}"


def is_cacheable_request(request):
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(("/admin/", "/documents/", "/comments/")):
        return False
    # No session cookie means no logged-in user (this runs before the auth middleware).
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not getattr(request, "is_preview", False)


def is_cacheable_response(response):
    if response.status_code != 200 or response.cookies or getattr(response, "streaming", False):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


