"""The demo site's admin screens the browser tests visit: pages found in its database, and the panel's form."""

from tests.browser.conftest import site_query


def page_id(sql, *params):
    rows = site_query(sql, *params)
    return rows[0][0] if rows else None


def fi_practice():
    return page_id(
        """SELECT p.id FROM wagtailcore_page p JOIN practices_practicemodelpage m ON m.page_ptr_id = p.id
           JOIN wagtailcore_locale l ON l.id = p.locale_id
           WHERE l.language_code = 'fi' AND p.alias_of_id IS NULL AND p.live ORDER BY p.id LIMIT 1"""
    )


def translated_page(language):
    return page_id(
        """SELECT p.id FROM wagtailcore_page p JOIN practices_practicemodelpage m ON m.page_ptr_id = p.id
           JOIN wagtailcore_locale l ON l.id = p.locale_id
           WHERE l.language_code = ? AND p.alias_of_id IS NULL ORDER BY p.id LIMIT 1""",
        language,
    )


def home_id(language):
    return page_id(
        "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE p.depth = 2 AND l.language_code = ?",
        language,
    )


def last_fi_practice():
    return page_id(
        """SELECT p.id FROM wagtailcore_page p JOIN practices_practicemodelpage m ON m.page_ptr_id = p.id
           JOIN wagtailcore_locale l ON l.id = p.locale_id
           WHERE l.language_code = 'fi' AND p.alias_of_id IS NULL AND p.live ORDER BY p.id DESC LIMIT 1"""
    )


def send_a_practice_to_the_panel(editor):
    """The editor sends the last Finnish practice to the panel, unless it already waits for it."""
    editor.goto(f"/admin/pages/{last_fi_practice()}/edit/")
    editor.locator("footer .w-dropdown__toggle").click()
    if editor.locator("button[name=action-submit]").count():
        editor.locator("button[name=action-submit]").click()
        editor.wait_for_load_state()


def open_assessment_form(tab):
    """The panel's dashboard, then the assessment form of the first practice waiting for it."""
    tab.goto("/admin/")
    approve = tab.locator("button[data-workflow-action-url*='/approve/']")
    assert approve.count(), "no practice waits for the panel"
    tab.locator("tr", has=approve.first).locator("[data-w-dropdown-target=toggle]").click()
    approve.first.click()
    tab.locator(".modal form input[name=recommendation]").first.wait_for()


def page_types():
    return site_query(
        """SELECT ct.app_label || '.' || ct.model, MIN(p.id) FROM wagtailcore_page p
           JOIN django_content_type ct ON ct.id = p.content_type_id
           JOIN wagtailcore_locale l ON l.id = p.locale_id
           WHERE p.depth > 1 AND p.alias_of_id IS NULL AND l.language_code = 'fi' GROUP BY 1 ORDER BY 1"""
    )
