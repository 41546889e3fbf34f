"""schema.org JSON-LD and OpenGraph tags of a page: one mechanism for every page type.

Each page type answers `json_ld(self, request)` with a list of schema.org objects (the
default in `cms.models.BasePage`: an `Article`; the home page: the `Organization`; a
material: a `VideoObject` per language version with `inLanguage`). The base template
writes them with `{% structured_data page %}` (cms_tags) into one
`<script type="application/ld+json">`, and the OpenGraph `<meta property="og:…">` tags
from the same page facts (`open_graph`), so the two cannot disagree.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.duration import duration_iso_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .site_address import page_full_url

CONTEXT = "https://schema.org"
IMAGE_FILTER = "fill-1200x630"  # OpenGraph's and schema.org's recommended sharing size
HEADLINE_MAX = 110  # schema.org Article headline, as search engines read it
OPEN_GRAPH_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}


def absolute(request, url):
    """`url` on the address the site was reached at (as `cms.site_address`, for page URLs)."""
    return request.build_absolute_uri(url) if url else None


def image_url(page, request):
    image = getattr(page, "listing_image", None)
    return absolute(request, image.get_rendition(IMAGE_FILTER).url) if image else None


def description(page):
    summary = getattr(page, "card_summary", None)
    return (summary() if callable(summary) else summary) or page.search_description or ""


def organization(request):
    from .templatetags.cms_tags import organisation_name

    return {"@type": "Organization", "name": organisation_name({"request": request}), "url": absolute(request, "/")}


def language_code(page):
    """The page's language, without reading its locale again when it is the active one (it mostly is)."""
    from wagtail.models import Locale

    active = Locale.get_active()
    return active.language_code if active.pk == page.locale_id else page.locale.language_code


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def article(page, request, **extra):
    """A schema.org Article: the default for a page with its own text."""
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "Article",
            "headline": page.title[:HEADLINE_MAX],
            "description": description(page),
            "inLanguage": language_code(page),
            "url": page_full_url(page, request),
            "image": image_url(page, request),
            "datePublished": page.first_published_at,
            "dateModified": page.last_published_at,
            "publisher": organization(request),
            "author": organization(request),
            **extra,
        }
    )


def home(page, request):
    """The home page: the Organization that publishes the site, and the site in this language."""
    return [
        {"@context": CONTEXT, **organization(request)},
        without_empty(
            {
                "@context": CONTEXT,
                "@type": "WebSite",
                "name": organization(request)["name"],
                "url": page_full_url(page, request),
                "inLanguage": language_code(page),
                "description": description(page),
            }
        ),
    ]


def videos(material, request, versions):
    """A VideoObject per language version that is a recording (`inLanguage`: the version's language)."""
    objects = []
    shared = None  # what every version shares, read once
    for version in versions:
        if version.video_url:
            content_url = version.video_url
        elif version.media_kind == "video":
            content_url = absolute(request, version.media_file.url)
        else:
            continue
        if shared is None:
            shared = {"thumbnailUrl": image_url(material, request), "url": page_full_url(material, request),
                      "publisher": organization(request), "description": description(material) or material.title}
        objects.append(
            without_empty(
                {
                    "@context": CONTEXT,
                    "@type": "VideoObject",
                    "name": version.title or material.title,
                    "description": shared["description"],
                    "inLanguage": version.language,
                    "uploadDate": material.first_published_at,
                    "thumbnailUrl": shared["thumbnailUrl"],
                    "contentUrl": content_url,
                    "embedUrl": version.embed_url,
                    "duration": duration_iso_string(version.duration) if version.duration else None,
                    "url": shared["url"],
                    "publisher": shared["publisher"],
                }
            )
        )
    return objects


def open_graph(page, request):
    """(property, content) pairs of the page's OpenGraph tags."""
    language = language_code(page)
    items = [
        ("og:type", "website" if page.depth <= 2 else "article"),
        ("og:title", page.seo_title or page.title),
        ("og:description", description(page)),
        ("og:url", page_full_url(page, request)),
        ("og:locale", OPEN_GRAPH_LOCALES.get(language, language)),
        ("og:site_name", organization(request)["name"]),
        ("og:image", image_url(page, request)),
    ]
    return [(name, value) for name, value in items if value]


def script(objects):
    """The objects in one `<script type="application/ld+json">`, escaped for HTML."""
    if not objects:
        return ""
    data = objects[0] if len(objects) == 1 else {"@context": CONTEXT, "@graph": objects}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 (escaped above)


def head_tags(page, request):
    """The JSON-LD script and the OpenGraph tags of a page, for the base template."""
    json_ld = getattr(page, "json_ld", None)
    objects = json_ld(request) if json_ld else []
    tags = format_html_join("\n    ", '<meta property="{}" content="{}">', open_graph(page, request))
    return format_html("{}\n    {}", script(objects), tags)
