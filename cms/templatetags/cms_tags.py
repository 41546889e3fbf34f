"""Template helpers the whole site shares: navigation, languages, documents."""

import os

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from cms.navigation import site_frame
from cms.site_address import canonical_url, page_full_url
from cms.visibility import kept_for_the_public, visible_of_read, visible_pages

register = template.Library()


def live_translations(page, request=None):
    """The page's translations a visitor may see, aliases left out (they are copies, not translations)."""
    if not isinstance(page, Page) or not page.pk:
        return {}
    memo = getattr(request, "_live_translations", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    def read():
        pages = visible_pages(page.get_translations(inclusive=True), aliases=False).select_related("locale")
        return {p.locale.language_code: p for p in pages}

    found = kept_for_the_public("live-translations", page.pk, read)
    if request is not None:
        request._live_translations = {**(memo or {}), page.pk: found}
    return found


def locale_home_urls(request):
    """{language code: the URL of that locale's visible home page}, for pages that lack a
    translation; kept until what the public sees changes."""
    site = Site.find_for_request(request)
    if site is None:
        return {}

    def read():
        homes = visible_pages(site.root_page.get_translations(inclusive=True)).select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    return kept_for_the_public("locale-home-urls", site.pk, read)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """One link per language: to this page's translation, or else to that language's home page.

    A language with no live translation of this page is shown as such, so the switcher
    never pretends a page exists where it does not. A view that is not a page (search) gives
    its own address in every language as `language_urls` ({code: url}).
    """
    request = context.get("request")
    current = translation.get_language()
    translations = live_translations(page, request) if page else {}
    view_urls = context.get("language_urls") or {}
    homes = None
    languages = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if code in view_urls:
            target, url = True, view_urls[code]
        elif target is None:
            homes = homes if homes is not None else locale_home_urls(request)
            url = homes.get(code) or f"/{'' if code == settings.LANGUAGE_CODE else code + '/'}"
        else:
            url = target.get_url(request)  # with the request: the site's root paths are read once per request
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


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page):
    """(language code, absolute URL) of every live translation, for <link rel=alternate>."""
    request = context.get("request")
    translations = live_translations(page, request)
    return [(code, page_full_url(p, request)) for code, p in sorted(translations.items())]


@register.simple_tag(takes_context=True)
def canonical_link(context):
    """The absolute canonical URL of this response (cms.site_address.canonical_url)."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    page_obj = context.get("page_obj") if isinstance(page, Page) else None  # a listing's page of results
    return canonical_url(request, page if isinstance(page, Page) else None, getattr(page_obj, "number", 1))


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the root that a visitor may see, top down.

    A page found by `cms.routing` knows them already (`route_chain`, from the root page of
    its language down); otherwise, or when one of them is an alias, they are read.
    """
    chain = getattr(page, "route_chain", None)
    if chain and chain[0].depth == 2 and chain[-1].pk == page.pk:
        shown = visible_of_read(chain[:-1])
        if shown is not None:
            return shown
    return list(visible_pages(page.get_ancestors().filter(depth__gt=1)))


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
    items = site_frame(context["request"])["menu"]
    current_path = getattr(context.get("page"), "path", "")
    return {
        "items": [
            {**item, "is_current": bool(current_path) and current_path.startswith(item["path"])} for item in items
        ]
    }


@register.simple_tag(takes_context=True)
def has_main_menu(context):
    """Whether the header needs the phone's menu button (the menu has items)."""
    return bool(site_frame(context["request"])["menu"])


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    return {"frame": site_frame(context["request"])}


@register.inclusion_tag("includes/privacy_notice_link.html", takes_context=True)
def privacy_notice_link(context):
    """A link to the site's privacy notice (site settings), for beside the forms that collect personal data."""
    request = context.get("request")
    return {"link": site_frame(request)["privacy_notice"] if request else None}


@register.simple_tag(takes_context=True)
def organisation_name(context):
    request = context.get("request")
    name = site_frame(request)["footer"]["organisation_name"] if request else ""
    return name or settings.WAGTAIL_SITE_NAME


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
    return site_frame(request)["home_url"] if request else "/"


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


@register.simple_tag
def accessible_widget(field):
    """The field's widget tied to its help text and its errors, so screen readers read both."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org JSON-LD and OpenGraph tags (`cms.structured_data`); base.html keeps
    them per address the site is reached at (`{% keptfragment %}`)."""
    from cms.structured_data import head_tags

    request = context.get("request")
    if request is None or not getattr(page, "pk", None):
        return ""
    return head_tags(page.specific, request)
