"""Works around Wagtail's uncached locale look-ups (Wagtail 8.0).

`Locale.get_active()` and `Locale.get_default()` query the database on every call, and a
page calls them many times (each `page.localized`, each translated snippet, each block
that lists content in the active language): up to six identical queries per page. The
three locales change only when an administrator adds a language, so the look-up is kept
for the length of one request (emptied when a request starts and whenever a locale is
saved or deleted). Remove this module when Wagtail caches these look-ups itself.
"""

from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

_cache = {}
_uncached_get_for_language = type(Locale.objects).get_for_language


def cached_get_for_language(manager, language_code):
    locale = _cache.get(language_code)
    if locale is None:
        locale = _uncached_get_for_language(manager, language_code)
        _cache[language_code] = locale
    return locale


def clear(**kwargs):
    _cache.clear()


def install():
    type(Locale.objects).get_for_language = cached_get_for_language
    request_started.connect(clear, dispatch_uid="locale-cache-request")
    post_save.connect(clear, sender=Locale, dispatch_uid="locale-cache-save")
    post_delete.connect(clear, sender=Locale, dispatch_uid="locale-cache-delete")
