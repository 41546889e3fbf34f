"""The admin screens an editor, translator, panel member or moderator uses: in Finnish and Swedish,
and with nothing axe finds serious (WCAG 2.1 A and AA).

Each role walks its screens once in a browser whose language is Finnish, then once in Swedish
(the `walks` fixture); the text, the placeholders, labels and titles must not contain any of
the English strings upstream left untranslated (or that the project's own data used to show).
axe runs on every screen of the Finnish walk, which also opens the edit form of every page type."""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.admin_screens import (
    fi_practice,
    home_id,
    open_assessment_form,
    page_id,
    page_types,
    send_a_practice_to_the_panel,
    translated_page,
)
from tests.browser.conftest import AXE_OPTIONS, RoleTabs, prefer_language

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


# Wagtail's block chooser puts each block's preview button inside the list of blocks
# (role=listbox), where only options may be: axe's aria-required-children on that menu, and the
# buttons take the Tab stops the blocks should have. Upstream: https://github.com/wagtail/wagtail/issues/13778
# (open for Wagtail 8.0). Listed, not failed; remove this when the chooser's menu passes.
KNOWN_UPSTREAM = {("aria-required-children", re.compile(r"^#downshift-\d+-menu$"))}


def upstream(violation):
    return any(
        violation["id"] == rule and all(pattern.match(" ".join(map(str, node["target"]))) for node in violation["nodes"])
        for rule, pattern in KNOWN_UPSTREAM
    )


def serious(axe, tab):
    """axe's serious and critical violations on the tab's screen, but for KNOWN_UPSTREAM ones (printed)."""
    # Messages fade in (a half-second transition): axe reads colours mid-way as too faint.
    tab.wait_for_function("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')")
    found = []
    for v in axe.run(tab, options=AXE_OPTIONS).response["violations"]:
        if v["impact"] not in ("serious", "critical"):
            continue
        text = f"{v['id']} ({v['impact']}, {len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        if upstream(v):
            print(f"\nknown upstream, not failed: {tab.url} {text}")
        else:
            found.append(text)
    return found


def walk_editor(tab, found, language):
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
    ):
        tab.goto(path)
        found(path)
    if language == "fi":  # the edit form of every page type, for axe
        types = page_types()
        assert len(types) >= 9
        for page_type, pk in types:
            tab.goto(f"/admin/pages/{pk}/edit/")
            tab.wait_for_timeout(500)
            found(f"edit {page_type}")
    # A new practice, with the section chooser open.
    tab.goto(f"/admin/pages/add/practices/practicemodelpage/{index}/")
    tab.locator("[data-contentpath=sections] button.c-sf-add-button").last.click()
    tab.locator("[data-tippy-root] .w-combobox__field input").wait_for()
    found("new practice, section chooser")
    # A practice saved without a title: the validation error.
    tab.goto(f"/admin/pages/{practice}/edit/")
    tab.fill("#id_title", "")
    tab.locator("footer button[type=submit]").first.click()
    tab.wait_for_load_state()
    tab.locator(".messages").wait_for()
    found("practice saved without a title")


def walk_translator(tab, found, language):
    alias = page_id(
        """SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id
           WHERE p.alias_of_id IS NOT NULL AND p.depth > 2 AND l.language_code = 'sv' ORDER BY p.id LIMIT 1"""
    )
    translation_editor = f"/admin/pages/{translated_page('sv')}/edit/"
    # The snippets are the translators' (editors have no permission on them: they got the dashboard
    # and its "no access" message at this address).
    paths = ["/admin/", "/admin/translations-to-update/", f"/admin/pages/{home_id('sv')}/", translation_editor,
             "/admin/snippets/practices/theme/"]
    if alias:
        paths.append(f"/admin/pages/{alias}/edit/")
    for path in paths:
        tab.goto(path)
        if path == translation_editor:
            tab.locator(".js-translation-editor li").first.wait_for()  # it renders after load
            found("translation editor")
        else:
            tab.wait_for_timeout(500)
            found(path)


def walk_panel(tab, found, language):
    tab.goto("/admin/")
    found("/admin/")
    open_assessment_form(tab)
    found("assessment form")


def walk_moderator(tab, found, language):
    for path in ("/admin/", "/admin/blog/comments/"):
        tab.goto(path)
        found(path)


ROLES = {"editor": walk_editor, "translator": walk_translator, "panel": walk_panel, "moderator": walk_moderator}


@pytest.fixture(scope="module")
def walks(browser, site_url):
    """{language: {(role, screen): (the path shown, the `lang` of <html>, English strings shown, axe's
    serious violations or None)}}: every role's walk in Finnish, then in Swedish; axe in the Finnish one."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    seen = {}
    try:
        for language in ("fi", "sv"):
            tabs = RoleTabs(browser, site_url)
            send_a_practice_to_the_panel(tabs.open("editor"))  # for the panel's form
            screens = seen[language] = {}
            for role, walk in ROLES.items():
                tab = tabs.open(role, language)

                def found(screen, role=role, tab=tab, screens=screens, language=language):
                    screens[(role, screen)] = (
                        urlsplit(tab.url).path,
                        tab.locator("html").get_attribute("lang"),
                        english_found(tab),
                        serious(axe, tab) if language == "fi" else None,
                    )

                walk(tab, found, language)
            tabs.close()
    finally:
        for role in ROLES:
            prefer_language(role, "fi")  # back to Finnish for the tests after these
    return seen


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_role_reads_the_admin_in_its_language(walks, language):
    screens = walks[language]
    assert {role for role, _screen in screens} == set(ROLES)
    # An address the role may not open sends it to the dashboard: that screen was never read.
    elsewhere = {key: path for key, (path, *_rest) in screens.items()
                 if key[1].startswith("/") and path != urlsplit(key[1]).path}
    assert not elsewhere, elsewhere
    other_language = {key: lang for key, (_path, lang, _english, _axe) in screens.items() if lang != language}
    assert not other_language, other_language
    english = {key: found for key, (_path, _lang, found, _axe) in screens.items() if found}
    assert not english, english


def test_axe_finds_nothing_serious_on_the_admin_screens(walks):
    report = {key: found for key, (_path, _lang, _english, found) in walks["fi"].items()}
    assert len([screen for _role, screen in report if screen.startswith("edit ")]) >= 9
    assert {("translator", "translation editor"), ("panel", "assessment form")} <= set(report)
    print("\naxe serious/critical violations on admin screens")
    for (role, screen), found in sorted(report.items()):
        print(f"  {role:10} {screen:50} {len(found)}")
    failures = {key: found for key, found in report.items() if found}
    assert not failures, failures
