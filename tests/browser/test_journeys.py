"""End-to-end journeys through the demo site: real clicks and typing in the browser.

Each journey plays several people, each in a browser context of their own (cookies and
sessions apart), and asserts what they see. The admin runs in Finnish (the users' default
language), so admin controls are found by name attributes, data attributes and the
field labels editors read. The site's admin login is rate-limited (10 per 5 minutes per
address), so each demo user logs in once per run and its later tabs share that session
(`log_in`, tests/browser/conftest.py).
"""

import os
import re
import uuid

import pytest

from tests.browser.conftest import guard_outside_requests, log_in, translate_segment
from tests.browser.site_pages import page_id

expect = pytest.importorskip("playwright.sync_api", reason="No browser: playwright is not installed").expect

# The six required sections of a practice, as the block picker lists them in Finnish.
REQUIRED_SECTIONS = [
    "Toimintaympäristö",
    "Kohderyhmä ja asiakasymmärrys",
    "Ratkaisun perusidea",
    "Toimivuuden ja käyttöönoton ehdot",
    "Vinkit toimintamallin soveltajille",
    "Arvioinnin tulokset tiivistettynä",
]


def new_tab(browser, site_url, **options):
    """A tab in a context of its own; requests leaving this machine fail and are recorded."""
    context = browser.new_context(base_url=site_url, locale="fi-FI", viewport={"width": 1300, "height": 1000}, **options)
    return guard_outside_requests(context.new_page(), site_url)


@pytest.fixture
def tabs(browser, site_url):
    """Open tabs for several people; all their contexts are closed after the test."""
    opened = []

    def open_tab(**options):
        tab = new_tab(browser, site_url, **options)
        opened.append(tab)
        return tab

    yield open_tab
    for tab in opened:
        tab.context.close()


def settle_autosave(tab):
    """Let Wagtail's autosave finish before an action button posts the form.

    The editor autosaves half a second after each change; a submit racing an autosave
    loses (the revision it was loaded with is no longer the latest).
    """
    tab.wait_for_timeout(1200)
    tab.wait_for_function(
        "() => (document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue || 'idle') !== 'saving'"
    )


def admin_edit_url(tab, title):
    """The admin edit URL of the page with this exact title, found with the admin's page search."""
    tab.goto(f"/admin/pages/search/?q={title}")
    link = tab.locator("a[href$='/edit/']", has_text=re.compile(rf"^\s*{re.escape(title)}\s*$")).first
    return link.get_attribute("href")


def write_practice_and_submit(editor, title):
    """As a logged-in editor, write a new practice with the six required sections and send it to the panel.

    Returns the practice's slug and the collection's page id.
    """
    collection_edit = admin_edit_url(editor, "Hyvät käytännöt")
    collection_id = re.search(r"/admin/pages/(\d+)/", collection_edit).group(1)
    editor.goto(f"/admin/pages/{collection_id}/add_subpage/")
    editor.locator("a[href*='/pages/add/practices/practicemodelpage/']").click()
    editor.wait_for_url("**/admin/pages/add/practices/practicemodelpage/**")
    editor.fill("#id_title", title)
    editor.fill("#id_short_description", "Vapaaehtoiset ohjaavat viikoittaista kielikahvilaa kirjastossa.")
    editor.fill("#id_organisations", "Esimerkkilän kaupunginkirjasto")
    sections = editor.locator("[data-contentpath=sections]").first
    for number, label in enumerate(REQUIRED_SECTIONS):
        sections.locator("button.c-sf-add-button").last.click()
        editor.locator("[data-tippy-root] .w-combobox__field input").fill(label)
        editor.locator("[data-tippy-root] .w-combobox__option", has_text=label).first.click()
        sections.locator(".public-DraftEditor-content").nth(number).click()
        editor.keyboard.type(f"{label}: kirjoitettu selaintestissä.")
    assert sections.locator(".public-DraftEditor-content").count() == len(REQUIRED_SECTIONS)
    slug = editor.locator("#id_slug").input_value()
    assert slug
    settle_autosave(editor)
    editor.locator("footer .w-dropdown__toggle").click()
    submit = editor.locator("button[name=action-submit]")
    assert "Asiantuntijaraadin arviointi" in submit.inner_text()
    submit.click()
    editor.wait_for_url(f"**/admin/pages/{collection_id}/")
    return slug, collection_id


def messages(tab):
    return tab.locator(".messages").inner_text()


def test_editor_submits_a_practice_and_the_panel_recommends_it(tabs):
    title = f"Kielikahvila kirjastossa {uuid.uuid4().hex[:6]}"

    # The editor writes a practice in the collection, with the six required sections.
    editor = tabs()
    log_in(editor, "editor")
    slug, collection_id = write_practice_and_submit(editor, title)
    assert title in messages(editor)

    # Not public yet.
    visitor = tabs()
    response = visitor.goto(f"/hyvat-kaytannot/{slug}/")
    assert response.status == 404

    # A panel member finds the task on the dashboard and records the assessment.
    panel = tabs()
    log_in(panel, "panel")
    row = panel.locator("tr", has_text=title)
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.locator("button[data-workflow-action-url*='/approve/']").click()
    form = panel.locator(".modal form")
    form.locator("input[name=recommendation]").first.wait_for()
    verdicts = form.locator("input[type=radio][name^=verdict_][value=met]")
    justifications = form.locator("textarea[name^=justification_]")
    assert verdicts.count() == 6
    assert justifications.count() == 6
    for number in range(6):
        verdicts.nth(number).check()
        justifications.nth(number).fill(f"Kriteeri {number + 1} täyttyy: perustelu selaintestistä.")
    form.locator("input[name=recommendation][value=recommend]").check()
    form.locator("button[type=submit]").click()
    # The panel member lands on a confirmation that says where the practice now is.
    panel.wait_for_url("**/admin/practices/assessments/*/recorded/")
    assert title in messages(panel)
    panel.goto("/admin/")
    assert panel.locator("tr", has_text=title).count() == 0

    # Published: a visitor sees the good-practice mark and six criteria met.
    visitor.goto(f"/hyvat-kaytannot/{slug}/")
    assert visitor.locator("h1").inner_text().strip() == title
    assert visitor.locator(".good-practice-mark").is_visible()
    assert visitor.locator(".panel-assessment__verdict").count() == 6
    assert visitor.locator(".panel-assessment__verdict--met").count() == 6
    assert "Kriteeri 6 täyttyy" in visitor.locator(".panel-assessment").inner_text()
    assert not visitor.outside_requests


def test_translator_translates_an_updated_lead_into_swedish(tabs):
    new_lead = f"Osaamiskeskus palvelee kuntia ja järjestöjä ({uuid.uuid4().hex[:6]})."
    swedish_lead = "Kompetenscentret betjänar kommuner och organisationer."

    visitor = tabs()
    visitor.goto("/sv/om-oss/")
    assert swedish_lead not in visitor.locator("main").inner_text()

    # The Finnish source changes and is published; its translations are synced but not published.
    admin = tabs()
    log_in(admin, "admin")
    edit_url = admin_edit_url(admin, "Tietoa meistä")
    admin.goto(edit_url)
    admin.fill("#id_lead", new_lead)
    settle_autosave(admin)
    admin.locator("footer .w-dropdown__toggle").click()
    admin.locator("button[name=action-publish]").click()
    admin.wait_for_load_state()
    assert "Tietoa meistä" in messages(admin)
    admin.goto(edit_url)
    admin.locator(".w-slim-header [data-w-dropdown-target=toggle]").first.click()
    admin.locator("a[href*='/admin/localize/update/']").click()
    admin.wait_for_url("**/admin/localize/update/**")
    assert not admin.locator("input[name=publish_translations]").is_checked()
    admin.locator("main input[type=submit]").click()
    admin.wait_for_url(f"**{edit_url}")

    # The translator opens the Swedish page: the new lead waits for a translation.
    translator = tabs()
    log_in(translator, "translator")
    translator.goto(admin_edit_url(translator, "Om oss"))
    translate_segment(translator, translator.locator("li.incomplete", has_text=new_lead).last, swedish_lead)
    translator.get_by_role("button", name=re.compile("Publish in Svenska|Julkaise")).click()
    translator.wait_for_load_state()
    assert "Om oss" in messages(translator)

    # The visitor reloads the Swedish page (the anonymous cache was emptied by the publish).
    visitor.goto("/sv/om-oss/")
    assert visitor.locator("html").get_attribute("lang") == "sv"
    assert swedish_lead in visitor.locator("main").inner_text()
    assert new_lead not in visitor.locator("main").inner_text()
    visitor.goto("/tietoa-meista/")
    assert new_lead in visitor.locator("main").inner_text()


def test_a_translators_swedish_draft_stays_unseen_until_published(tabs):
    """Issue 14: a draft in the wagtail-localize editor never changes what visitors get."""
    marker = uuid.uuid4().hex[:6]
    title, finnish_lead = f"Kotoutumiskurssi {marker}", f"Kurssi esitellään suomeksi ({marker})."
    swedish_title, swedish_lead = f"Integrationskurs {marker}", f"Kursen presenteras på svenska ({marker})."
    database = os.environ["BROWSER_SITE_DATABASE"]

    # An administrator publishes a new Finnish page: wagtail-localize mirrors it as a Swedish alias.
    editor = tabs()
    log_in(editor, "admin")
    home_id = page_id(database, "Kotoutuminen.fi", "fi")
    editor.goto(f"/admin/pages/{home_id}/add_subpage/")
    editor.locator("a[href*='/pages/add/home/standardpage/']").click()
    editor.wait_for_url("**/admin/pages/add/home/standardpage/**")
    editor.fill("#id_title", title)
    editor.fill("#id_lead", finnish_lead)
    editor.wait_for_function("() => document.querySelector('#id_slug').value !== ''")  # made from the title
    slug = editor.locator("#id_slug").input_value()
    settle_autosave(editor)
    editor.locator("footer .w-dropdown__toggle").click()
    editor.locator("button[name=action-publish]").click()
    editor.wait_for_url(f"**/admin/pages/{home_id}/")
    visitor = tabs()
    visitor.goto(f"/sv/{slug}/")
    assert finnish_lead in visitor.locator("main").inner_text()
    assert visitor.locator("main").get_attribute("lang") == "fi"

    # The translator asks for a translation of the alias and types the Swedish text; no publishing.
    translator = tabs()
    log_in(translator, "translator")
    translator.goto(f"/admin/pages/{page_id(database, title, 'sv')}/edit/")
    translator.locator("a[href*='/admin/localize/submit/page/']").first.click()
    translator.wait_for_url("**/admin/localize/submit/page/**")
    translator.locator("main form [type=submit]").last.click()
    translator.locator(".js-translation-editor").wait_for()
    for source, target in ((title, swedish_title), (finnish_lead, swedish_lead)):
        translate_segment(translator, translator.locator("li.incomplete", has_text=source).last, target)

    # The visitor still gets the Finnish page at the Swedish address, marked as Finnish.
    visitor.goto(f"/sv/{slug}/")
    main = visitor.locator("main").inner_text()
    assert finnish_lead in main and swedish_lead not in main and swedish_title not in main
    assert swedish_title not in visitor.title()
    # Still the alias: the text is marked as Finnish, and no Swedish version is claimed.
    assert visitor.locator("main").get_attribute("lang") == "fi"
    assert visitor.locator("link[rel=alternate][hreflang=sv]").count() == 0

    # Published: now the Swedish text.
    translator.get_by_role("button", name=re.compile("Publish in Svenska|Julkaise")).click()
    translator.wait_for_load_state()
    visitor.goto(f"/sv/{slug}/")
    main = visitor.locator("main").inner_text()
    assert swedish_lead in main and swedish_title in main and finnish_lead not in main
    assert visitor.locator("main").get_attribute("lang") is None  # the page's own language, Swedish
    assert not visitor.outside_requests


def count_in(text):
    """The first number in a text such as "(3)" or "9 toimintamallia"."""
    return int(re.search(r"\d+", text).group())


def blog_post_with_comment_form(tab):
    """The path of a blog post whose comment form is open, found by browsing the blog."""
    tab.goto("/blogi/")
    paths = tab.locator("main .cards a[href^='/blogi/']").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for path in dict.fromkeys(paths):
        tab.goto(path)
        if tab.locator(".comments__new form.comment-form").count():
            return path
    pytest.fail("no blog post in the demo site takes comments")


def somali_video_material(tab):
    """The path of a material listed under Somali whose Somali version is a video to play."""
    paths = tab.locator(".material-cards a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for path in dict.fromkeys(paths):
        tab.goto(path)
        if tab.locator("article#so .video__play").count():
            return path
    pytest.fail("no Somali material with a video")


def test_visitor_filters_plays_a_video_searches_and_comments(tabs):
    visitor = tabs()

    # Practices: one theme narrows the list, and the URL says so.
    visitor.goto("/hyvat-kaytannot/")
    heading = visitor.locator(".practice-listing__count")
    total = count_in(heading.inner_text())
    themes = visitor.locator("form.filters input[name=theme]")
    counts = [count_in(themes.nth(i).locator("xpath=..").locator(".filters__count").inner_text()) for i in range(themes.count())]
    chosen = min(range(len(counts)), key=counts.__getitem__)
    assert 0 < counts[chosen] < total
    theme = themes.nth(chosen).get_attribute("value")
    themes.nth(chosen).check()
    visitor.locator("form.filters button[type=submit]").click()
    visitor.wait_for_url(re.compile(rf"[?&]theme={re.escape(theme)}"))
    assert count_in(heading.inner_text()) == counts[chosen]
    assert visitor.locator(".practice-listing .cards > li, section[aria-labelledby=results-heading] .cards > li").count() == counts[chosen]
    assert visitor.locator(f"form.filters input[name=theme][value='{theme}']").is_checked()
    shared_url = visitor.url
    other = tabs()
    other.goto(shared_url)
    assert count_in(other.locator(".practice-listing__count").inner_text()) == counts[chosen]

    # Materials: the Somali ones, and a video that loads only when played.
    visitor.goto("/materiaalit/")
    visitor.locator(".material-filters input[name=language][value=so]").check()
    visitor.locator(".material-filters button[type=submit]").click()
    visitor.wait_for_url(re.compile(r"[?&]language=so"))
    somali_count = count_in(visitor.locator("#material-results-heading").inner_text())
    assert somali_count == visitor.locator(".material-cards > li").count() > 0
    somali_list = visitor.url
    material = somali_video_material(visitor)
    visitor.goto(somali_list)
    visitor.locator(f".material-cards a[href='{material}']").first.click()
    visitor.wait_for_url(f"**{material}")
    visitor.locator(".version-chooser a[href='#so']").click()  # the chooser opens the Somali version
    frame = visitor.locator("#so .video__frame")
    assert frame.locator("iframe").count() == 0
    assert not visitor.outside_requests, visitor.outside_requests
    frame.locator(".video__play").click()
    iframe = frame.locator("iframe")
    iframe.wait_for(state="attached")
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")

    # Site search from the header.
    visitor.goto("/")
    visitor.locator("form.site-search input[name=q]").fill("kotoutuminen")
    visitor.locator("form.site-search button[type=submit]").click()
    visitor.wait_for_url(re.compile(r"[?&]q=kotoutuminen"))
    assert visitor.locator(".search-results li a").count() > 0

    # A comment waits for moderation, then a moderator publishes it.
    post = blog_post_with_comment_form(visitor)
    text = f"Hyvä kirjoitus, kiitos! ({uuid.uuid4().hex[:8]})"
    form = visitor.locator(".comments__new form.comment-form")
    form.locator("input[name=name]").fill("Selma Selaintesti")
    form.locator("input[name=email]").fill("selma@testi.example")
    form.locator("textarea[name=comment]").fill(text)
    form.locator("button[type=submit]").click()
    expect(visitor.locator(".message[role=status]")).to_be_visible()
    assert visitor.locator(f"main a[href^='{post}']").count() == 1  # "Back to the post"
    visitor.goto(post)
    assert text not in visitor.locator("main").inner_text()

    moderator = tabs()
    log_in(moderator, "moderator")
    moderator.locator("a[href='/admin/blog/comments/']").first.click()
    moderator.wait_for_url("**/admin/blog/comments/")
    row = moderator.locator("tr", has_text=text)
    row.locator("button[name=approve_one]").click()
    moderator.wait_for_load_state()
    assert moderator.locator("tr", has_text=text).count() == 0

    anonymous = tabs()
    anonymous.goto(post)
    assert text in anonymous.locator(".comments__list").inner_text()
    visitor.reload()
    assert text in visitor.locator(".comments__list").inner_text()
    assert not anonymous.outside_requests, anonymous.outside_requests


def test_filters_video_and_comment_form_work_with_the_keyboard(tabs):
    visitor = tabs()

    # A filter checkbox toggled with Space; the form sent with Enter.
    visitor.goto("/hyvat-kaytannot/")
    checkbox = visitor.locator("form.filters input[name=recommended]")
    checkbox.focus()
    visitor.keyboard.press("Space")
    assert checkbox.is_checked()
    for _ in range(60):
        visitor.keyboard.press("Tab")
        if visitor.evaluate("document.activeElement.type") == "submit":
            break
    assert visitor.evaluate("document.activeElement.closest('form.filters') !== null")
    visitor.keyboard.press("Enter")
    visitor.wait_for_url(re.compile(r"[?&]recommended=1"))
    assert visitor.locator("form.filters input[name=recommended]").is_checked()

    # The video's click-to-load, from the keyboard.
    visitor.goto("/materiaalit/?language=so")
    material = somali_video_material(visitor)
    visitor.goto("/materiaalit/?language=so")
    visitor.locator(f".material-cards a[href='{material}']").first.focus()
    visitor.keyboard.press("Enter")
    visitor.wait_for_load_state()
    visitor.wait_for_url(f"**{material}")
    visitor.locator(".version-chooser a[href='#so']").focus()
    visitor.keyboard.press("Enter")
    play = visitor.locator("#so .video__play")
    play.focus()
    assert visitor.evaluate("document.activeElement.classList.contains('video__play')")
    visitor.keyboard.press("Enter")
    iframe = visitor.locator("#so .video__frame iframe")
    iframe.wait_for(state="attached")
    assert iframe.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/"
    )

    # The comment form, filled with Tab and typing, sent with Enter.
    blog_post_with_comment_form(visitor)
    form = visitor.locator(".comments__new form.comment-form")
    form.locator("input[name=name]").focus()
    visitor.keyboard.type("Kalle Näppäimistö")
    visitor.keyboard.press("Tab")
    assert visitor.evaluate("document.activeElement.name") == "email"
    visitor.keyboard.type("kalle@testi.example")
    visitor.keyboard.press("Tab")
    assert visitor.evaluate("document.activeElement.name") == "comment"
    visitor.keyboard.type("Kirjoitettu pelkällä näppäimistöllä.")
    visitor.keyboard.press("Tab")
    assert visitor.evaluate("document.activeElement.type") == "submit"
    visitor.keyboard.press("Enter")
    expect(visitor.locator(".message[role=status]")).to_be_visible()
