"""A visitor reports that their organisation took a practice into use; a moderator approves; everyone sees it."""

import re
import uuid

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_journeys import count_in, tabs  # noqa: F401 - fixture

expect = pytest.importorskip("playwright.sync_api", reason="No browser: playwright is not installed").expect

PRACTICE = "/hyvat-kaytannot/monialaisen-yhteistyon-aloittaminen/"


def adopted_filter_count(tab):
    """The count beside "Adopted elsewhere" in the practice index's filters (0 when not offered)."""
    tab.goto("/hyvat-kaytannot/")
    option = tab.locator("form.filters input[name=adopted][value='1']")
    if not option.count():
        return 0
    return count_in(option.locator("xpath=..").locator(".filters__count").inner_text())


def municipality_count(tab):
    count = tab.locator(".practice-adoption__count")
    return count_in(count.inner_text()) if count.count() else 0


def test_visitor_reports_an_adoption_a_moderator_approves_and_the_filter_finds_it(tabs):  # noqa: F811
    organisation = f"Selainkylän kunta {uuid.uuid4().hex[:6]}"
    municipality = f"Selainkylä {uuid.uuid4().hex[:6]}"
    visitor = tabs()
    adopted_before = adopted_filter_count(visitor)
    visitor.goto(PRACTICE)
    practice_title = visitor.locator("h1").inner_text()
    listed_before = visitor.locator(".practice-adoption__reports > li").count()
    count_before = municipality_count(visitor)

    # The visitor finds the form from the practice page and sends it.
    visitor.locator("#adoption a", has_text="Otimme tämän käyttöön").click()
    visitor.wait_for_url(re.compile(r"/adoption/\d+/$"))
    form = visitor.locator("form.adoption-report-form")
    form.locator("input[name=organisation]").fill(organisation)
    form.locator("input[name=municipality]").fill(municipality)
    form.locator("select[name=region]").select_option("pirkanmaa")
    form.locator("input[name=adopted_on]").fill("2024-03")
    form.locator("textarea[name=adapted]").fill("Ryhmät kokoontuvat kirjastossa.")
    form.locator("textarea[name=experiences]").fill("Yhteistyö alkoi nopeasti, kun vastuut sovittiin heti.")
    form.locator("input[name=contact_name]").fill("Selma Selaintesti")
    form.locator("input[name=contact_email]").fill("selma@testi.example")
    form.locator("button[type=submit]").click()
    expect(visitor.locator(".message[role=status]")).to_be_visible()
    visitor.goto(PRACTICE)
    assert organisation not in visitor.locator("main").inner_text()  # held

    # A moderator approves it in the admin.
    moderator = tabs()
    log_in(moderator, "moderator")
    moderator.locator("a[href='/admin/practices/adoption-reports/']").first.click()
    moderator.wait_for_url("**/admin/practices/adoption-reports/")
    row = moderator.locator("tr", has_text=organisation)
    assert practice_title in row.inner_text()
    row.locator("button[name=approve_one]").click()
    moderator.wait_for_load_state()
    assert moderator.locator("tr", has_text=organisation).count() == 0

    # Everyone now sees the report and the new count; the contact stays private.
    anonymous = tabs()
    anonymous.goto(PRACTICE)
    section = anonymous.locator("#adoption")
    assert organisation in section.inner_text()
    assert anonymous.locator(".practice-adoption__reports > li").count() == listed_before + 1
    assert municipality_count(anonymous) == count_before + 1
    assert "Otettu käyttöön" in anonymous.locator(".practice-adoption__count").inner_text()
    assert "selma@testi.example" not in anonymous.content()

    # The index's "adopted elsewhere" filter finds the practice.
    anonymous.goto("/hyvat-kaytannot/")
    anonymous.locator("form.filters input[name=adopted][value='1']").check()
    anonymous.locator("form.filters button[type=submit]").click()
    anonymous.wait_for_url(re.compile(r"[?&]adopted=1"))
    assert anonymous.locator(".card__title a", has_text=practice_title).count() == 1
    assert adopted_filter_count(anonymous) == adopted_before + (0 if count_before else 1)
    assert not anonymous.outside_requests, anonymous.outside_requests
