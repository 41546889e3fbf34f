"""The public search page: what it finds, what it never shows, and how it answers bad input.

Tests that take the `search` fixture run on the database backend of the run and, marked
`search_engine`, on the search engine (tests/search/conftest.py): one set of rules for every
backend.
"""

import pytest
from django.db import connection, reset_queries

from search import facets
from search.views import clean_query
from tests.factories import translate_page
from tests.factories.search import add_plain_page, add_standard_page, make_private, promote
from tests.search.responses import facet_counts, result_count, result_titles

pytestmark = pytest.mark.django_db


def test_only_visible_pages_of_the_active_locale(search, trees, django_capture_on_commit_callbacks):
    add_standard_page(trees["fi"], "Mentorointi julkinen", lead="mentorointi ryhmissä")
    add_standard_page(trees["fi"], "Mentorointi luonnos", lead="mentorointi", live=False)
    private = add_standard_page(trees["fi"], "Mentorointi salainen", lead="mentorointi")
    add_standard_page(private, "Mentorointi salaisen alasivu", lead="mentorointi")
    make_private(private)
    translated = add_standard_page(trees["fi"], "Mentorointi käännetty", lead="mentorointi")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(translated, "sv", {"title": "Mentorskap översatt", "lead": "mentorskap"})
    add_standard_page(trees["sv"], "Mentorointi på svenska", lead="mentorointi")

    response = search("mentorointi")

    assert response.status_code == 200
    assert sorted(result_titles(response)) == ["Mentorointi julkinen", "Mentorointi käännetty"]
    assert sum(facet_counts(response).values()) == result_count(response) == 2

    # The Swedish tree: its own pages only, never the Finnish text of any page.
    swedish = search("mentorointi", "sv")
    assert result_titles(swedish) == ["Mentorointi på svenska"]
    assert sum(facet_counts(swedish).values()) == result_count(swedish) == 1
    assert result_titles(search("mentorskap", "sv")) == ["Mentorskap översatt"]
    assert result_titles(search("mentorointi", "en")) == []


def test_pages_outside_their_publishing_window_are_not_found(search, trees):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    add_standard_page(trees["fi"], "Tulkkaus nyt", lead="tulkkaus")
    add_standard_page(trees["fi"], "Tulkkaus myöhemmin", lead="tulkkaus", go_live_at=now + timedelta(days=1))
    add_standard_page(trees["fi"], "Tulkkaus päättynyt", lead="tulkkaus", expire_at=now - timedelta(days=1))

    response = search("tulkkaus")
    assert result_titles(response) == ["Tulkkaus nyt"]
    assert result_count(response) == sum(facet_counts(response).values()) == 1


def test_aliases_of_untranslated_pages_are_not_results_in_other_languages(search, trees):
    page = add_standard_page(trees["fi"], "Työllistyminen", lead="työllistyminen")
    page.create_alias(parent=trees["sv"], update_slug="arbete")

    assert result_titles(search("työllistyminen")) == ["Työllistyminen"]
    assert result_titles(search("työllistyminen", "sv")) == []


@pytest.fixture
def typed_pages(trees, monkeypatch):
    """Three "practices" (StandardPages mapped to that facet for the test) and two other pages."""
    monkeypatch.setitem(facets.CONTENT_TYPE_FACETS, "home.standardpage", "practice")
    for number in range(3):
        add_standard_page(trees["fi"], f"Opinto-ohjaus {number}", lead="opinto-ohjaus kunnissa")
    add_plain_page(trees["fi"], "Opinto-ohjaus yleissivu")
    add_plain_page(trees["fi"], "Opinto-ohjaus toinen sivu")
    return trees


def test_facet_counts_equal_the_filtered_results(search, typed_pages):
    response = search("opinto-ohjaus")
    counts = facet_counts(response)

    assert counts == {"practice": 3, "page": 2}  # types with no results are not offered
    assert len(result_titles(response)) == result_count(response) == 5
    for key, count in counts.items():
        filtered = search("opinto-ohjaus", type=key)
        assert len(result_titles(filtered)) == result_count(filtered) == count, key
        assert facet_counts(filtered) == counts  # counts describe the query, not the filter
    both = search("opinto-ohjaus", type=["practice", "page"])
    assert len(result_titles(both)) == result_count(both) == 5
    practice_and_blog = search("opinto-ohjaus", type=["practice", "blog_post"])
    assert len(result_titles(practice_and_blog)) == result_count(practice_and_blog) == 3


def test_pagination_keeps_query_and_filter_and_clamps_bad_numbers(search, trees):
    for number in range(23):
        add_standard_page(trees["fi"], f"Kielikoulutus {number:02d}", lead="kielikoulutus")

    first = search("kielikoulutus")
    assert len(result_titles(first)) == 10
    assert 'href="?q=kielikoulutus&amp;page=2"' in first.content.decode()

    pages = [result_titles(search("kielikoulutus", page=str(number))) for number in (1, 2, 3)]
    assert [len(titles) for titles in pages] == [10, 10, 3]
    seen = [title for titles in pages for title in titles]
    assert sorted(seen) == [f"Kielikoulutus {number:02d}" for number in range(23)]  # none twice, none missing
    assert result_titles(search("kielikoulutus", page="99999")) == pages[2]
    assert result_titles(search("kielikoulutus", page="abc")) == pages[0]
    assert result_titles(search("kielikoulutus", page="-1")) == pages[2]


# The search page's own queries for a page of results of one type (each further type of page
# among the results adds one), caches warm: 14; the site's chrome (main menu, footer, site
# settings) adds up to 6 when its cache is cold.
SEARCH_PAGE_QUERIES = 14 + 6


def test_query_count_does_not_grow_with_results(search, trees, django_assert_max_num_queries):
    for number in range(3):
        add_standard_page(trees["fi"], f"Ohjaus {number}", lead="ohjaus")
    search("ohjaus")  # warm-up: content types, the site's root paths
    reset_queries()  # (the connection keeps the last 9 000 queries; counts need a log with room)
    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES) as few:
        response = search("ohjaus")
    first = len(few.captured_queries)
    assert len(result_titles(response)) == 3
    for number in range(3, 30):
        add_standard_page(trees["fi"], f"Ohjaus {number}", lead="ohjaus")
    search("ohjaus")  # warm-up again: publishing pages empties the chrome's cache
    reset_queries()
    with django_assert_max_num_queries(first):
        response = search("ohjaus")
    assert len(result_titles(response)) == 10


BAD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "kotoutuminen " * 2_000,
    '"',
    '"kotoutuminen',
    "*",
    "&|!:",
    "foo AND (bar OR",
    "NEAR(a b)",
    "kotou*",
    "title:foo",
    "'; DROP TABLE wagtailcore_page; --",
    "\\",
    "a-",
    "-kotoutuminen",
    "!kotoutuminen",
    "<script>alert(1)</script>",
    "\x00",
    "ääkköset ÅÄÖ",
    "kotoutuminen " + "\x01\x02\x1b\x7f",
    "العربية",
    "ትግርኛ",
    "ไทย ภาษา",
    "中文 搜索",
    "Русский язык",
    "😀 🇫🇮",
    '"kotoutuminen" OR -työ NEAR/2 *',
    "kotoutuminen:* & !työ | (a <-> b)",
    "{title body} : kotoutuminen",
    '{"query": {"match_all": {}}}',
    "a" * 10_000,
    " ".join(f"sana{number}" for number in range(500)),
]


def test_any_query_in_any_script_is_answered(search, trees):
    """Never a 5xx, never a backend syntax error: the page answers normally, on every backend.

    (One test for the whole list: each request is cheap, the set-up is not.)
    """
    add_standard_page(trees["fi"], "Kotoutuminen", lead="kotoutuminen ja työ")
    for query in BAD_QUERIES:
        response = search(query, page="abc", type="zzz")
        html = response.content.decode()
        assert response.status_code == 200, repr(query[:40])
        assert "The search could not be completed" not in html and "Hakua ei voitu" not in html, repr(query[:40])
        assert "<script>alert(1)</script>" not in html


def test_query_is_echoed_escaped(client, trees):
    response = client.get("/search/", {"q": '<b>"kotoutuminen"</b>'})
    html = response.content.decode()
    assert "<b>" not in html.split("<main", 1)[1]
    assert "&lt;b&gt;&quot;kotoutuminen&quot;&lt;/b&gt;" in html


def test_operators_in_the_query_are_words_not_syntax():
    assert clean_query('foo AND (bar OR "baz*')[1] == "foo AND bar OR baz"
    assert clean_query("&|!:")[1] == ""
    assert len(clean_query("sana " * 5000)[0]) == 200


def test_empty_state_offers_help(client, trees):
    response = client.get("/search/", {"q": "olematonsana"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="message search-empty"' in html
    assert 'href="/sv/search/?q=olematonsana"' in html
    assert 'href="/en/search/?q=olematonsana"' in html


def test_no_query_shows_the_form_only(client, trees):
    response = client.get("/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert result_titles(response) == []


def test_promoted_results_come_first_and_only_if_visible(search, trees):
    plain = add_standard_page(trees["fi"], "Tulkkaus arjessa", lead="tulkkaus")
    promoted = add_standard_page(trees["fi"], "Asioinnin tuki", lead="palvelut ilman hakusanaa")
    draft = add_standard_page(trees["fi"], "Tulkkausluonnos", lead="tulkkaus", live=False)
    promote("Tulkkaus", page=promoted, description="Editors' choice")
    promote("tulkkaus", page=draft)
    promote("tulkkaus", url="https://tulkkaus.example/", link_text="Tulkkauskeskus")

    response = search("tulkkaus")
    html = response.content.decode()

    promoted_section = html.split('class="search-promoted"', 1)[1].split("</section>", 1)[0]
    assert promoted_section.index("Asioinnin tuki") < promoted_section.index("Tulkkauskeskus")
    assert "Tulkkausluonnos" not in html
    assert html.index("search-promoted") < html.index('class="search-results"')
    assert result_titles(response) == [plain.title]


def test_promoted_page_is_shown_in_the_active_language(client, trees, django_capture_on_commit_callbacks):
    page = add_standard_page(trees["fi"], "Kotoutumiskoulutus", lead="koulutus")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(page, "sv", {"title": "Integrationsutbildning"})
    promote("utbildning", page=page)

    html = client.get("/sv/search/", {"q": "utbildning"}).content.decode()
    section = html.split('class="search-promoted"', 1)[1].split("</section>", 1)[0]
    assert "Integrationsutbildning" in section
    assert "Kotoutumiskoulutus" not in section


def test_searches_are_logged_for_editors(client, trees):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/search/", {"q": "Tulkkaus"})
    client.get("/search/", {"q": "tulkkaus", "page": "2"})
    assert Query.get("tulkkaus").hits == 1


def test_search_backend_matches_the_database():
    from wagtail.search.backends import get_search_backend

    module = type(get_search_backend()).__module__
    assert module == ("search.backends.postgres" if connection.vendor == "postgresql" else "search.backends.sqlite")


def test_result_shows_type_summary_and_a_marked_snippet(search, trees):
    add_standard_page(
        trees["fi"],
        "Ohjausta arkeen",
        lead="Alkuvaiheen neuvonta.",
        body=[("paragraph", "<p>Neuvonta auttaa. Kotoutumiskoulutuksen jälkeen ohjaus jatkuu työhön.</p>")],
    )

    html = search("koulutus").content.decode()
    result = html.split('class="search-results"', 1)[1].split("</li>", 1)[0]

    assert 'class="search-type"' in result
    assert '<p class="search-summary">Alkuvaiheen neuvonta.' in result  # no listing summary: the opening
    assert "<mark>Kotoutumiskoulutuksen</mark>" in result


@pytest.mark.parametrize(
    "payload",
    ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "<mark>väärennös</mark>", "&lt;b&gt;"],
)
def test_snippets_and_query_are_escaped(search, trees, payload):
    add_standard_page(trees["fi"], "Turvallisuus", lead=f"kotoutuminen {payload} kotoutuminen")

    def search_area(query):
        response = search(query)
        assert response.status_code == 200
        return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]

    results = search_area("kotoutuminen")
    assert payload not in results
    assert "<script" not in results and "<img" not in results and "<mark>väärennös" not in results
    assert "<mark>kotoutuminen</mark>" in results
    echoed = search_area(payload)
    assert "<script" not in echoed and "<img" not in echoed
    assert payload not in echoed.replace("<mark>väärennös</mark>", "")  # the query's own word is marked


def test_a_typo_finds_the_word_and_suggests_it(search, trees):
    add_standard_page(trees["fi"], "Vertaismentorointi nuorille", lead="mentorointi tukee nuoria")

    response = search("mentorionti")
    html = response.content.decode()

    assert result_titles(response) == ["Vertaismentorointi nuorille"]
    assert 'class="search-suggestion"' in html
    assert 'href="?q=mentorointi"' in html


def test_pages_with_some_of_the_words_when_none_has_all(search, trees):
    add_standard_page(trees["fi"], "Asuminen", lead="vuokrasopimus ja naapurit")
    add_standard_page(trees["fi"], "Työ", lead="työsopimus ja palkka")
    add_standard_page(trees["fi"], "Muuta", lead="ei kumpaakaan")

    response = search("vuokrasopimus palkka")

    assert sorted(result_titles(response)) == ["Asuminen", "Työ"]
    assert 'class="notice search-any-word"' in response.content.decode()
    assert sum(facet_counts(response).values()) == result_count(response) == 2


def test_title_matches_rank_above_body_matches(search, trees):
    for number in range(3):
        add_standard_page(trees["fi"], f"Sivu {number}", lead="tulkkaus " * (number + 3))
    add_standard_page(trees["fi"], "Tulkkaus", lead="Yksi maininta.")

    assert result_titles(search("tulkkauksen"))[0] == "Tulkkaus"


def test_pages_of_equal_score_come_in_a_fixed_order(search, trees):
    """Ties are broken by the page's path (its place in the tree), the same on every backend."""
    for title in ("Ohje C", "Ohje A", "Ohje B"):
        add_standard_page(trees["fi"], title, lead="yhdenvertaisuus")

    first = result_titles(search("yhdenvertaisuus"))
    assert first == ["Ohje C", "Ohje A", "Ohje B"]  # the order they were added in: tree order
    assert result_titles(search("yhdenvertaisuus")) == first


def test_a_section_page_without_summary_ranks_below_the_pages_it_lists(search, trees):
    section = add_standard_page(trees["fi"], "Neuvonta", lead="")
    add_standard_page(section, "Neuvonta omalla kielellä", lead="Neuvonta somaliksi ja arabiaksi.", listing_summary="Neuvontaa.")
    section.refresh_from_db()
    section.save_revision().publish()  # re-indexed now that it has a child

    assert result_titles(search("neuvonta")) == ["Neuvonta omalla kielellä", "Neuvonta"]


def test_language_switcher_keeps_the_query(client, trees):
    html = client.get("/search/", {"q": "kotoutuminen & työ"}).content.decode()
    switcher = html.split('class="language-switcher"', 1)[1].split("</ul>", 1)[0]

    assert 'href="/sv/search/?q=kotoutuminen+%26+ty%C3%B6"' in switcher
    assert 'href="/en/search/?q=kotoutuminen+%26+ty%C3%B6"' in switcher
    assert "(front page)" not in switcher and "etusivu" not in switcher.lower()


def test_a_very_long_page_is_indexed_and_found(search, trees):
    """More analysed text than PostgreSQL takes in one tsvector (1 MB) is cut, not refused."""
    words = " ".join(f"kotoutuminen{number % 7} työllistyminen{number}" for number in range(60_000))
    add_standard_page(trees["fi"], "Pitkä sivu", body=[("paragraph", f"<p>{words}</p>")])

    assert result_titles(search("pitkä")) == ["Pitkä sivu"]
