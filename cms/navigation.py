"""The site frame's data (main menu, footer, settings, home page) for one language, built once.

Every page shows the same header and footer, so they are built with a handful of
queries, kept in the cache per language and cache generation (emptied by any change of
what visitors see, see `page_cache`), and reused by every request after the first.
"""

from django.utils import translation
from wagtail.models import Locale, Site

from . import page_cache
from .models import Footer, MainMenu, SiteSettings
from .visibility import visible_localized

FRAME_SECONDS = 60 * 60


def link(page, title=""):
    return {"title": title or page.title, "url": page.url, "path": page.path}


def build_frame(site, locale):
    menu = MainMenu.for_locale(locale)
    footer = Footer.for_locale(locale)
    menu_items = list(menu.items.select_related("page")) if menu else []
    footer_links = list(footer.links.select_related("page")) if footer else []
    settings = SiteSettings.for_site(site) if site else None
    special = [settings.accessibility_statement_page, settings.comment_policy_page, settings.privacy_page] if settings else []
    # Links to pages a visitor may not see (drafts, private, scheduled) are left out.
    localized = visible_localized(
        [item.page for item in menu_items + footer_links] + special + [site.root_page if site else None], locale
    )
    statement = localized.get(settings.accessibility_statement_page_id) if settings else None
    policy = localized.get(settings.comment_policy_page_id) if settings else None
    privacy = localized.get(settings.privacy_page_id) if settings else None
    home = localized.get(site.root_page_id) if site else None
    return {
        "menu": [link(localized[item.page_id], item.title) for item in menu_items if item.page_id in localized],
        "footer": {
            "organisation_name": footer.organisation_name if footer else "",
            "description": footer.description if footer else "",
            "links": [link(localized[item.page_id], item.title) for item in footer_links if item.page_id in localized],
        },
        "contact_email": settings.contact_email if settings else "",
        "social_links": [dict(block.value) for block in settings.social_links] if settings else [],
        "accessibility_statement": link(statement) if statement else None,
        "comment_policy": link(policy) if policy else None,
        "privacy_notice": link(privacy) if privacy else None,
        "home_url": home.url if home else "/",
    }


def site_frame(request):
    """The frame data for this request's site and language (memoised on the request).

    Kept in the cache only when every worker shares it (see `page_cache`), never past the
    next scheduled change of what visitors may see.
    """
    if hasattr(request, "_site_frame"):
        return request._site_frame
    language = translation.get_language()
    site = Site.find_for_request(request)
    shared = page_cache.cache_is_shared()
    key = f"site-frame:{page_cache.generation()}:{site.pk if site else 0}:{language}" if shared else None
    frame = page_cache.kept(key) if shared else None
    if frame is None:
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        frame = build_frame(site, locale)
        seconds = page_cache.timeout(FRAME_SECONDS) if shared else 0
        if seconds > 0:
            page_cache.keep(key, frame, seconds)
    request._site_frame = frame
    return frame
