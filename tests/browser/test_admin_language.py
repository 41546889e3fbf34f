"""The admin speaks Finnish and Swedish on every screen an editor, translator, panel member or
moderator uses.

Each role walks its screens in a browser whose language is Finnish, then Swedish; the text,
the placeholders, labels and titles must not contain any of the English strings upstream
left untranslated (or that the project's own data used to show). axe on the same screens:
test_admin_accessibility.py."""

import re

import pytest

from tests.browser.admin_screens import (
    fi_practice,
    home_id,
    open_assessment_form,
    page_id,
    send_a_practice_to_the_panel,
    translated_page,
)
from tests.browser.conftest import prefer_language

pytest.importorskip("playwright.sync_api", reason="No browser: playwright is not installed")

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH = re.compile(
    r"Search all pages|Exploring|Search options|hasn't been translated yet|It is mirroring|"
    r"could not be (?:saved|created) due to validation errors|Stop Synced translation|More actions|"
    r"Apply the updates and publish immediately|\bto \w+ translation\b|Expert panel|Comment moderators|"
    r"\bTranslators\b|\bEditors\b|\bModerators\b|Maa-asetus|Translations to update|\bDashboard\b|"
    r"Save draft|Submit to|Translated manually|Record the assessment|Request changes|Locales|"
    rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b|\b(?:{MONTHS}) \d{{1,2}}, \d{{4}}\b"
)
VISIBLE_TEXT = """() => {
    const parts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
        for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
            if (element.hasAttribute(name)) parts.push(element.getAttribute(name));
        }
    }
    return parts.join('\\n');
}"""


def english_found(tab):
    return sorted(set(ENGLISH.findall(tab.evaluate(VISIBLE_TEXT))))


def walk_editor(tab, found):
    practice = fi_practice()
    source = page_id(
        """SELECT s.id FROM wagtail_localize_translationsource s JOIN wagtailcore_page p
           ON p.translation_key = s.object_id AND p.locale_id = s.locale_id WHERE p.id = ?""",
        practice,
    )
    index = page_id("SELECT parent.id FROM wagtailcore_page parent, wagtailcore_page child WHERE child.id = ? AND child.path LIKE parent.path || '%' AND parent.depth = child.depth - 1", practice)
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home_id('fi')}/",
        "/admin/pages/search/?q=kotoutuminen",
        f"/admin/pages/{practice}/history/",
        "/admin/translations-to-update/",
        f"/admin/localize/update/{source}/",
        "/admin/snippets/practices/theme/",
    ):
        tab.goto(path)
        found(path, english_found(tab))
    # A new practice, with the section chooser open.
    tab.goto(f"/admin/pages/add/practices/practicemodelpage/{index}/")
    tab.locator("[data-contentpath=sections] button.c-sf-add-button").last.click()
    tab.locator("[data-tippy-root] .w-combobox__field input").wait_for()
    found("new practice, section chooser", english_found(tab))
    # A practice saved without a title: the validation error.
    tab.goto(f"/admin/pages/{practice}/edit/")
    tab.fill("#id_title", "")
    tab.locator("footer button[type=submit]").first.click()
    tab.wait_for_load_state()
    tab.locator(".messages").wait_for()
    found("practice saved without a title", english_found(tab))


def walk_translator(tab, found, language):
    alias = page_id(
        """SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id
           WHERE p.alias_of_id IS NOT NULL AND p.depth > 2 AND l.language_code = 'sv' ORDER BY p.id LIMIT 1"""
    )
    paths = ["/admin/", "/admin/translations-to-update/", f"/admin/pages/{home_id('sv')}/", f"/admin/pages/{translated_page('sv')}/edit/"]
    if alias:
        paths.append(f"/admin/pages/{alias}/edit/")
    for path in paths:
        tab.goto(path)
        tab.wait_for_timeout(500)  # the translation editor renders after load
        found(path, english_found(tab))


def walk_panel(tab, found):
    tab.goto("/admin/")
    found("/admin/", english_found(tab))
    open_assessment_form(tab)
    found("assessment form", english_found(tab))


def walk_moderator(tab, found):
    for path in ("/admin/", "/admin/blog/comments/"):
        tab.goto(path)
        found(path, english_found(tab))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_role_reads_the_admin_in_its_language(as_role, language):
    failures = {}
    send_a_practice_to_the_panel(as_role("editor"))  # for the panel's form
    for role, walk in (
        ("editor", walk_editor),
        ("translator", lambda tab, found: walk_translator(tab, found, language)),
        ("panel", walk_panel),
        ("moderator", walk_moderator),
    ):
        tab = as_role(role, language)

        def found(screen, english, role=role, tab=tab):
            assert tab.locator("html").get_attribute("lang") == language, (role, screen)
            if english:
                failures[(role, screen)] = english

        walk(tab, found)
    for role in ("editor", "translator", "panel", "moderator"):
        prefer_language(role, "fi")  # back to Finnish for the tests after this one
    assert not failures, failures
