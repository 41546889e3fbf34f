"""RSS 2.0 and Atom 1.0 feeds of a blog index: the live posts of its locale, newest first.

Aliases (untranslated copies of Finnish posts in the Swedish and English trees) are left
out: a feed declares one language and carries only posts written in it.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language

from cms.site_address import page_full_url

FEED_LENGTH = 20
FEED_CLASSES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def feed_posts(index):
    return (
        index.live_posts()
        .filter(alias_of__isnull=True)
        .defer_streamfields()
        .prefetch_related("authors__person", "tags")[:FEED_LENGTH]
    )


def publication_datetime(post):
    """The post's date at noon in the site's time zone (the date is what editors set)."""
    return timezone.make_aware(datetime.datetime.combine(post.date, datetime.time(12)))


def feed_response(index, request, kind):
    feed_class = FEED_CLASSES[kind]
    index_url = page_full_url(index, request)
    feed_url = index_url + index.reverse_subpage(f"feed_{kind}")
    feed = feed_class(
        title=index.title,
        link=index_url,
        description=index.lead or index.search_description or index.title,
        language=index.locale.language_code or get_language(),
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for post in feed_posts(index):
        url = page_full_url(post, request)
        # Names are the same in every language (synchronised), so no per-person look-up.
        names = [author.person.name for author in post.authors.all()]
        feed.add_item(
            title=post.title,
            link=url,
            description=post.lead or post.search_description or "",
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=publication_datetime(post),
            updateddate=post.last_published_at or publication_datetime(post),
            author_name=", ".join(names) or None,
            categories=[tag.name for tag in post.tags.all()],
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response
