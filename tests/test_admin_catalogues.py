"""Every string of the catalogues the admin uses has a Finnish and a Swedish translation.

The msgids are those of the English catalogues shipped by Wagtail, wagtail-localize and
the other apps whose screens editors, translators, the panel and moderators use (the
`django` and `djangojs` domains). A msgid counts as translated when any catalogue Django
merges for the language translates it: the apps' own, Django's, or the project's
(`cms/locale`, `cms/locale_upstream`). Upgrading Wagtail brings new strings: this test
names them, and they go into `cms/locale_upstream`.
"""

import importlib
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ADMIN_APPS = [
    "wagtail",
    "wagtail.admin",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.snippets",
    "wagtail.users",
    "wagtail.search",
    "wagtail.sites",
    "wagtail.embeds",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_comments_xtd",
    "django_comments",
    "taggit",
]
# Catalogues that translate but whose own msgids the admin screens do not show.
EXTRA_TRANSLATORS = ["django", "django.contrib.auth", "django.contrib.admin", "django.contrib.contenttypes"]


def locale_dir(module_name):
    return Path(importlib.import_module(module_name).__file__).parent / ("conf/locale" if module_name == "django" else "locale")


def entries(path):
    return polib.pofile(str(path)) if path.exists() else []


def translated(language, domain):
    dirs = [locale_dir(app) for app in ADMIN_APPS + EXTRA_TRANSLATORS] + [Path(p) for p in settings.LOCALE_PATHS]
    found = set()
    for directory in dirs:
        for entry in entries(directory / language / "LC_MESSAGES" / f"{domain}.po"):
            if entry.translated() and "fuzzy" not in entry.flags and not entry.obsolete:
                found.add((entry.msgctxt, entry.msgid))
    return found


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_admin_string_has_a_translation(language, domain):
    wanted = {
        (entry.msgctxt, entry.msgid)
        for app in ADMIN_APPS
        for entry in entries(locale_dir(app) / "en" / "LC_MESSAGES" / f"{domain}.po")
        if not entry.obsolete
    }
    assert len(wanted) > (800 if domain == "django" else 100)
    missing = sorted(wanted - translated(language, domain), key=str)
    assert not missing, f"{len(missing)} admin strings lack a {language} translation, e.g. {missing[:10]}"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_compiled_upstream_catalogues_are_current(language):
    for domain in ("django", "djangojs"):
        base = Path(settings.LOCALE_PATHS[1]) / language / "LC_MESSAGES" / domain
        po, mo = polib.pofile(f"{base}.po"), polib.mofile(f"{base}.mo")
        compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
        stale = [e.msgid for e in po.translated_entries() if not e.msgid_plural and compiled.get((e.msgctxt, e.msgid)) != e.msgstr]
        assert not stale, f"run `make messages`: {stale[:5]}"


@pytest.mark.parametrize(
    ("language", "strings"),
    [
        ("fi", {"Locales": "Kielet", "Search all pages…": "Hae kaikista sivuista…", "Exploring": "Selataan"}),
        ("sv", {"Locales": "Språk", "Search all pages…": "Sök bland alla sidor…", "Exploring": "Utforskar"}),
    ],
)
def test_the_project_catalogue_wins_over_upstream(language, strings):
    with translation.override(language):
        assert {msgid: translation.gettext(msgid) for msgid in strings} == strings
