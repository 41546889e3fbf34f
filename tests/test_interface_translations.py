"""Every interface string has its Finnish and Swedish translation, compiled.

The msgids are English, so the English catalog needs no translations; Finnish (the
default language) and Swedish must translate every string the code and templates use.
The strings are extracted afresh from the source with makemessages, so a new string
without a translation fails this test.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PROJECT = Path(__file__).resolve().parent.parent
APPS = ["cms", "home", "practices", "materials", "blog", "trainings", "subscriptions", "search", "opendata"]
TRANSLATED = ["fi", "sv"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    if not shutil.which("xgettext"):
        pytest.skip("gettext is not installed: cannot extract interface strings (Debian package 'gettext')")
    copy = tmp_path_factory.mktemp("source")
    shutil.copy(PROJECT / "manage.py", copy)
    for app in APPS:
        shutil.copytree(
            PROJECT / app, copy / app, ignore=shutil.ignore_patterns("locale", "__pycache__", "migrations")
        )
    (copy / "cms" / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fi", "--no-location", "--no-obsolete"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(copy)},
    )
    assert result.returncode == 0, result.stderr
    return {entry.msgid for entry in polib.pofile(str(copy / "cms/locale/fi/LC_MESSAGES/django.po"))}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_interface_string_is_translated(extracted, language):
    catalog = polib.pofile(str(PROJECT / f"cms/locale/{language}/LC_MESSAGES/django.po"))
    translated = {entry.msgid for entry in catalog.translated_entries() if "fuzzy" not in entry.flags}
    missing = sorted(extracted - translated)
    assert not missing, f"{len(missing)} strings lack a {language} translation, e.g. {missing[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_matches_the_translations(language):
    po = polib.pofile(str(PROJECT / f"cms/locale/{language}/LC_MESSAGES/django.po"))
    mo = polib.mofile(str(PROJECT / f"cms/locale/{language}/LC_MESSAGES/django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if not entry.msgid_plural and compiled.get((entry.msgctxt, entry.msgid)) != entry.msgstr
    ]
    assert not stale, f"run `make messages`: the .mo file is older than the .po for {stale[:5]}"
