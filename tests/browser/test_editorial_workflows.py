"""The editorial journeys of issue 18, in Chromium: the panel re-reviews a changed practice from
its last verdicts, what it judged goes live, the translator syncs and translates the one
changed string, and a practice the panel does not recommend stays unpublished."""

import re
import uuid

import pytest

from tests.browser.conftest import site_query, translate_segment
from tests.browser.test_journeys import messages, settle_autosave, write_practice_and_submit

pytest.importorskip("playwright.sync_api", reason="No browser: playwright is not installed")


def recommended_practice_with_swedish():
    """(fi id, fi path, sv id, sv path) of a live, recommended practice with a live Swedish translation."""
    rows = site_query(
        """
        SELECT fi.id, fi.url_path, sv.id, sv.url_path
        FROM wagtailcore_page fi
        JOIN practices_practicemodelpage pm ON pm.page_ptr_id = fi.id
        JOIN wagtailcore_locale lfi ON lfi.id = fi.locale_id AND lfi.language_code = 'fi'
        JOIN wagtailcore_page sv ON sv.translation_key = fi.translation_key AND sv.alias_of_id IS NULL AND sv.live
        JOIN wagtailcore_locale lsv ON lsv.id = sv.locale_id AND lsv.language_code = 'sv'
        WHERE fi.live AND fi.alias_of_id IS NULL
          AND (SELECT recommendation FROM practices_panelassessment a WHERE a.page_id = fi.id
               ORDER BY a.created_at DESC, a.id DESC LIMIT 1) = 'recommend'
        ORDER BY fi.id LIMIT 1
        """
    )
    assert rows, "the demo site has no recommended practice translated into Swedish"
    fi_id, fi_url, sv_id, sv_url = rows[0]
    public = lambda url, prefix: prefix + "/" + url.strip("/").partition("/")[2] + "/"  # noqa: E731
    return fi_id, public(fi_url, ""), sv_id, public(sv_url, "/sv")


def main_lines(tab, path):
    """The lines of the page's main content, but the panel's statement: it carries the date of the
    panel's last judgement, a new day when a run crosses midnight in Helsinki."""
    tab.goto(path)
    tab.evaluate("document.querySelectorAll('#panel-assessment > p:first-of-type').forEach(p => p.remove())")
    return [line.strip() for line in tab.locator("main").inner_text().splitlines() if line.strip()]


def test_changed_practice_goes_through_the_panel_and_the_translator_updates_one_string(as_role, page):
    fi_id, fi_path, sv_id, sv_path = recommended_practice_with_swedish()
    sentence = f"Uusi lause selaintestistä {uuid.uuid4().hex[:6]}."
    swedish = f"En ny mening från webbläsartestet {uuid.uuid4().hex[:6]}."
    visitor = page
    swedish_before = main_lines(visitor, sv_path)

    # The editor adds a sentence to the first section and sends the practice to the panel.
    editor = as_role("editor")
    editor.goto(f"/admin/pages/{fi_id}/edit/")
    first_section = editor.locator("[data-contentpath=sections] .public-DraftEditor-content").first
    first_section.click()
    editor.keyboard.press("Control+End")
    editor.keyboard.type(" " + sentence)
    settle_autosave(editor)
    editor.locator("footer .w-dropdown__toggle").click()
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_load_state()
    visitor.goto(fi_path)
    assert sentence not in visitor.locator("main").inner_text()

    # The panel member opens the task: the last verdicts are there, with a comparison.
    panel = as_role("panel")
    panel.goto("/admin/")
    title = site_query("SELECT title FROM wagtailcore_page WHERE id = ?", fi_id)[0][0]
    row = panel.locator("tr", has_text=title).first
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.locator("button[data-workflow-action-url*='/approve/']").click()
    form = panel.locator(".modal form")
    form.locator("input[name=recommendation]").first.wait_for()
    assert form.locator("fieldset legend").count() == 7  # six criteria and the recommendation
    assert form.locator("input[type=radio][name^=verdict_]:checked").count() == 6
    justifications = form.locator("textarea[name^=justification_]")
    assert all(justifications.nth(i).input_value().strip() for i in range(6))
    assert form.locator("input[name=recommendation][value=recommend]").is_checked()
    compare = panel.locator(".modal a[href*='/compare/']").get_attribute("href")
    comparison = panel.request.get(compare)
    assert comparison.status == 200 and sentence in comparison.text()
    judged = int(form.locator("input[name=revision]").input_value())
    form.locator("button[type=submit]").click()
    panel.wait_for_url("**/admin/practices/assessments/*/recorded/")
    assert title in messages(panel)

    # Live with the mark, and the live revision is the one the panel judged.
    visitor.goto(fi_path)
    assert sentence in visitor.locator("main").inner_text()
    assert visitor.locator(".good-practice-mark").is_visible()
    live_revision, assessed = site_query(
        """SELECT p.live_revision_id, (SELECT revision_id FROM practices_panelassessment a WHERE a.page_id = p.id
           ORDER BY a.created_at DESC, a.id DESC LIMIT 1) FROM wagtailcore_page p WHERE p.id = ?""",
        fi_id,
    )[0]
    assert live_revision == assessed == judged

    # The translator finds the Swedish practice among the translations to update and syncs it.
    translator = as_role("translator")
    translator.goto("/admin/translations-to-update/?locale=sv")
    sv_title = site_query("SELECT title FROM wagtailcore_page WHERE id = ?", sv_id)[0][0]
    row = translator.locator("tr.translation-update", has_text=sv_title)
    assert sentence in row.inner_text()
    row.locator("form button[type=submit]").click()
    translator.wait_for_load_state()
    row = translator.locator("tr.translation-update", has_text=sv_title)
    assert row.locator("td").nth(2).inner_text().strip() == "1"
    row.locator("a.button", has_text=re.compile("Käännä")).click()
    translator.wait_for_url(f"**/admin/pages/{sv_id}/edit/")
    assert translator.locator("li.incomplete").count() == 1
    translate_segment(translator, translator.locator("li.incomplete", has_text=sentence), swedish)
    translator.get_by_role("button", name=re.compile("Julkaise kielellä Svenska")).click()
    translator.wait_for_load_state()

    # The Swedish page has the new text; every other string is as it was.
    swedish_after = main_lines(visitor, sv_path)
    assert swedish in " ".join(swedish_after)
    changed = set(swedish_before) - set(swedish_after)
    assert len(changed) == 1, changed
    assert not editor.outside_requests and not panel.outside_requests and not translator.outside_requests


def test_a_practice_the_panel_does_not_recommend_stays_unpublished(as_role, page):
    title = f"Ei suositeltava käytäntö {uuid.uuid4().hex[:6]}"
    editor = as_role("editor")
    slug, _collection = write_practice_and_submit(editor, title)

    panel = as_role("panel")
    panel.goto("/admin/")
    row = panel.locator("tr", has_text=title).first
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.locator("button[data-workflow-action-url*='/approve/']").click()
    form = panel.locator(".modal form")
    form.locator("input[name=recommendation]").first.wait_for()
    assert form.locator("input[type=radio]:checked").count() == 0  # never assessed: nothing pre-filled
    verdicts = form.locator("input[type=radio][name^=verdict_][value=not_met]")
    justifications = form.locator("textarea[name^=justification_]")
    for number in range(6):
        verdicts.nth(number).check()
        justifications.nth(number).fill(f"Kriteeri {number + 1} ei täyty.")
    form.locator("input[name=recommendation][value=do_not_recommend]").check()
    form.locator("button[type=submit]").click()
    panel.wait_for_url("**/admin/practices/assessments/*/recorded/")
    assert title in messages(panel)

    assert page.goto(f"/hyvat-kaytannot/{slug}/").status == 404
    assert site_query("SELECT live FROM wagtailcore_page WHERE title = ? AND alias_of_id IS NULL", title) == [(0,)]
