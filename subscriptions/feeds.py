"""Atom feeds of the same choices as the e-mail subscription: /feeds/<kind>.atom?theme=<slug>&theme=<slug>.

One kind per feed, any number of its themes (slugs; several mean any of them), in the
language of the address (/feeds/…, /sv/feeds/…, /en/feeds/…). Unknown themes are ignored.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from wagtail.models import Locale

from .kinds import KINDS, kind_pages, known_slugs

FEED_LENGTH = 20


def feed_title(kind, slugs):
    title = f"{settings.WAGTAIL_SITE_NAME}: {kind.label}"
    if slugs:
        names = dict(
            kind.vocabulary.model.objects.filter(locale=Locale.get_active(), slug__in=slugs).values_list("slug", "name")
        )
        title += " – " + ", ".join(names.get(slug, slug) for slug in slugs)
    return title


def atom_feed(request, kind):
    kind = KINDS.get(kind)
    if kind is None:
        raise Http404
    language = translation.get_language()
    slugs = known_slugs(kind.vocabulary, request.GET.getlist("theme"))
    url = request.build_absolute_uri(request.path)
    if slugs:
        url += "?" + "&".join(f"theme={slug}" for slug in slugs)
    feed = Atom1Feed(
        title=feed_title(kind, slugs),
        link=request.build_absolute_uri("/" if language == settings.LANGUAGE_CODE else f"/{language}/"),
        description="",
        language=language,
        feed_url=url,
        feed_guid=url,
    )
    for page in kind_pages(kind, language, slugs).defer_streamfields()[:FEED_LENGTH]:
        link = page.get_full_url(request)
        feed.add_item(
            title=page.title,
            link=link,
            description=strip_tags(page.card_summary or ""),
            unique_id=link,
            unique_id_is_permalink=True,
            pubdate=page.first_published_at,
            updateddate=page.last_published_at or page.first_published_at,
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
