"""axe finds nothing serious (WCAG 2.1 A and AA) on the admin's editing screens: every page type's
edit form, the translation editor and the panel's assessment form."""

import pytest

from tests.browser.admin_screens import open_assessment_form, page_types, send_a_practice_to_the_panel, translated_page
from tests.browser.conftest import AXE_OPTIONS

pytest.importorskip("playwright.sync_api", reason="No browser: playwright is not installed")


def serious(axe, tab):
    results = axe.run(tab, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_nothing_serious_on_the_editing_screens(as_role):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    report = {}
    editor = as_role("editor")
    types = page_types()
    assert len(types) >= 9
    for page_type, pk in types:
        editor.goto(f"/admin/pages/{pk}/edit/")
        editor.wait_for_timeout(500)
        report[f"edit {page_type}"] = serious(axe, editor)
    translator = as_role("translator")
    translator.goto(f"/admin/pages/{translated_page('sv')}/edit/")
    translator.locator(".js-translation-editor li").first.wait_for()
    report["translation editor"] = serious(axe, translator)
    send_a_practice_to_the_panel(editor)  # for the panel's form
    panel = as_role("panel")
    open_assessment_form(panel)
    report["panel assessment form"] = serious(axe, panel)
    print("\naxe serious/critical violations on admin screens")
    for screen, found in sorted(report.items()):
        print(f"  {screen:50} {len(found)}")
    failures = {screen: found for screen, found in report.items() if found}
    assert not failures, failures
