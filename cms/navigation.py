"""The site frame's data (main menu, footer, settings, home page) for one language, built once.

Every page shows the same header and footer, so they are built with a handful of
queries, kept in the cache per language and cache generation (emptied by any content
change, see `page_cache`), and reused by every request after the first.
"""

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from . import page_cache
from .models import Footer, MainMenu, SiteSettings

FRAME_SECONDS = 60 * 60


def localized_map(pages, locale):
    """{page id: its live translation in `locale`, or the page itself}, in one query."""
    pages = [page for page in pages if page is not None]
    keys = {page.translation_key for page in pages}
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(translation_key__in=keys, locale=locale).only(
            "id", "title", "url_path", "translation_key", "path", "depth", "locale_id"
        )
    }
    return {page.pk: translations.get(page.translation_key, page) for page in pages}


def link(page, title=""):
    return {"title": title or page.title, "url": page.url, "path": page.path}


def build_frame(site, locale):
    menu = MainMenu.for_locale(locale)
    footer = Footer.for_locale(locale)
    menu_items = list(menu.items.select_related("page")) if menu else []
    footer_links = list(footer.links.select_related("page")) if footer else []
    settings = SiteSettings.for_site(site) if site else None
    special = [settings.accessibility_statement_page, settings.comment_policy_page, settings.privacy_page] if settings else []
    localized = localized_map(
        [item.page for item in menu_items + footer_links] + special + [site.root_page if site else None], locale
    )
    statement = localized.get(settings.accessibility_statement_page_id) if settings else None
    policy = localized.get(settings.comment_policy_page_id) if settings else None
    privacy = localized.get(settings.privacy_page_id) if settings else None
    return {
        "menu": [link(localized[item.page_id], item.title) for item in menu_items],
        "footer": {
            "organisation_name": footer.organisation_name if footer else "",
            "description": footer.description if footer else "",
            "links": [link(localized[item.page_id], item.title) for item in footer_links],
        },
        "contact_email": settings.contact_email if settings else "",
        "social_links": [dict(block.value) for block in settings.social_links] if settings else [],
        "accessibility_statement": link(statement) if statement else None,
        "comment_policy": link(policy) if policy else None,
        "privacy_notice": link(privacy) if privacy else None,
        "home_url": localized[site.root_page_id].url if site else "/",
    }


def site_frame(request):
    """The frame data for this request's site and language (memoised on the request)."""
    if hasattr(request, "_site_frame"):
        return request._site_frame
    language = translation.get_language()
    site = Site.find_for_request(request)
    key = f"site-frame:{page_cache.generation()}:{site.pk if site else 0}:{language}"
    frame = cache.get(key)
    if frame is None:
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        frame = build_frame(site, locale)
        cache.set(key, frame, FRAME_SECONDS)
    request._site_frame = frame
    return frame
