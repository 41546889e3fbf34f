"""The XML sitemap: every page a visitor may see, in every language, with its translations as alternates.

Wagtail's own sitemap lists pages one by one; search engines also need to know which
pages are translations of each other (`xhtml:link rel="alternate" hreflang`), which
wagtail-localize records as a shared `translation_key`.
"""

from collections import defaultdict

from django.template.response import TemplateResponse
from wagtail.models import Page

from .site_address import page_full_url
from .visibility import visible_pages


def sitemap_entries(request):
    pages = (
        visible_pages(Page.objects.filter(depth__gt=1), aliases=False)
        .select_related("locale")
        .only("id", "url_path", "translation_key", "last_published_at", "locale__language_code", "path", "depth")
        .order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page_full_url(page, request)
        if url is None:
            continue
        entry = {"location": url, "lastmod": page.last_published_at, "language": page.locale.language_code}
        by_key[page.translation_key].append(entry)
        entries.append((page.translation_key, entry))
    for key, entry in entries:
        entry["alternates"] = sorted(
            ((alt["language"], alt["location"]) for alt in by_key[key]), key=lambda pair: pair[0]
        )
    return [entry for _, entry in entries]


def sitemap_view(request):
    return TemplateResponse(
        request,
        "cms/sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )
