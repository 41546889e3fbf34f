"""Template helpers the whole site shares: navigation, languages, documents."""

import os

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from cms.models import Footer, MainMenu

register = template.Library()


def live_translations(page):
    """The page's published, really translated versions (aliases are copies, not translations)."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    pages = (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    return {p.locale.language_code: p for p in pages}


def locale_home_pages(request):
    """The live home page of each locale, for pages that lack a translation."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return {
        p.locale.language_code: p
        for p in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """One link per language: to this page's translation, or else to that language's home page.

    A language with no live translation of this page is shown as such, so the switcher
    never pretends a page exists where it does not.
    """
    request = context.get("request")
    current = translation.get_language()
    translations = live_translations(page) if page else {}
    homes = None
    languages = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is None:
            homes = homes if homes is not None else locale_home_pages(request)
            fallback = homes.get(code)
            url = fallback.url if fallback else f"/{'' if code == settings.LANGUAGE_CODE else code + '/'}"
        else:
            url = target.url
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "translated": target is not None,
            }
        )
    return {"languages": languages, "request": request}


@register.simple_tag
def hreflang_alternates(page):
    """(language code, absolute URL) of every live translation, for <link rel=alternate>."""
    translations = live_translations(page)
    return [(code, p.full_url) for code, p in sorted(translations.items())]


@register.simple_tag
def language_direction(code=None):
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag
def content_language(page):
    """The language the page's content is written in.

    An untranslated page in the Swedish or English tree is an alias that shows the
    Finnish text, so its content must be marked `lang="fi"` for screen readers.
    """
    if isinstance(page, Page) and page.alias_of_id:
        source_locale_id = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
        if source_locale_id and source_locale_id != page.locale_id:
            return Locale.objects.get(pk=source_locale_id).language_code
    return translation.get_language()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    menu = MainMenu.for_locale()
    items = list(menu.items.select_related("page")) if menu else []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    for item in items:
        localized = item.page.localized
        item.url = localized.url
        item.is_current = bool(current_path) and current_path.startswith(localized.path)
    return {"items": items}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    footer = Footer.for_locale()
    links = list(footer.links.select_related("page")) if footer else []
    for link in links:
        link.url = link.page.localized.url
    return {"footer": footer, "links": links, "settings": context.get("settings")}


@register.simple_tag
def organisation_name():
    footer = Footer.for_locale()
    return footer.organisation_name if footer else settings.WAGTAIL_SITE_NAME


@register.filter
def localized_page(page):
    """The active language's live translation of a chosen page, or the page itself."""
    return page.localized if page else page


@register.filter
def file_extension(document):
    return os.path.splitext(document.file.name)[1].lstrip(".").upper()


@register.filter
def file_size(document):
    try:
        return filesizeformat(document.get_file_size() or document.file.size)
    except (OSError, ValueError):
        return ""


@register.simple_tag(takes_context=True)
def home_page_url(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return "/"
    return site.root_page.localized.url or "/"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for shareable filter and page links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()
