"""The public search page: what it finds, what it never shows, and how it answers bad input."""

import pytest
from django.db import connection
from wagtail.models import Page

from search import facets
from search.views import clean_query
from tests.factories.search import add_plain_page, add_standard_page, make_private, promote
from tests.search.responses import facet_counts, result_titles

pytestmark = pytest.mark.django_db


def test_only_live_public_pages_of_the_active_locale(client, trees):
    add_standard_page(trees["fi"], "Mentorointi julkinen", lead="mentorointi ryhmissä")
    add_standard_page(trees["fi"], "Mentorointi luonnos", lead="mentorointi", live=False)
    private = add_standard_page(trees["fi"], "Mentorointi salainen", lead="mentorointi")
    add_standard_page(private, "Mentorointi salaisen alasivu", lead="mentorointi")
    make_private(private)
    add_standard_page(trees["sv"], "Mentorointi på svenska", lead="mentorointi")

    response = client.get("/search/", {"q": "mentorointi"})

    assert response.status_code == 200
    assert result_titles(response) == ["Mentorointi julkinen"]
    assert sum(facet_counts(response).values()) == 1
    assert "1 result" in response.content.decode() or "1 tulos" in response.content.decode()

    swedish = client.get("/sv/search/", {"q": "mentorointi"})
    assert result_titles(swedish) == ["Mentorointi på svenska"]
    assert sum(facet_counts(swedish).values()) == 1
    assert result_titles(client.get("/en/search/", {"q": "mentorointi"})) == []


def test_aliases_of_untranslated_pages_are_not_results_in_other_languages(client, trees):
    page = add_standard_page(trees["fi"], "Työllistyminen", lead="työllistyminen")
    page.create_alias(parent=trees["sv"], update_slug="arbete")

    assert result_titles(client.get("/search/", {"q": "työllistyminen"})) == ["Työllistyminen"]
    assert result_titles(client.get("/sv/search/", {"q": "työllistyminen"})) == []


@pytest.fixture
def typed_pages(trees, monkeypatch):
    """Three "practices" (StandardPages mapped to that facet for the test) and two other pages."""
    monkeypatch.setitem(facets.CONTENT_TYPE_FACETS, "home.standardpage", "practice")
    for number in range(3):
        add_standard_page(trees["fi"], f"Opinto-ohjaus {number}", lead="opinto-ohjaus kunnissa")
    add_plain_page(trees["fi"], "Opinto-ohjaus yleissivu")
    add_plain_page(trees["fi"], "Opinto-ohjaus toinen sivu")
    return trees


def test_facet_counts_equal_the_filtered_results(client, typed_pages):
    response = client.get("/search/", {"q": "opinto-ohjaus"})
    counts = facet_counts(response)

    assert counts == {"practice": 3, "pilot_report": 0, "material": 0, "blog_post": 0, "event": 0, "page": 2}
    assert len(result_titles(response)) == 5
    for key, count in counts.items():
        filtered = client.get("/search/", {"q": "opinto-ohjaus", "type": key})
        assert len(result_titles(filtered)) == count, key
        assert facet_counts(filtered) == counts  # counts describe the query, not the filter
    both = client.get("/search/?q=opinto-ohjaus&type=practice&type=page")
    assert len(result_titles(both)) == 5
    practice_and_blog = client.get("/search/?q=opinto-ohjaus&type=practice&type=blog_post")
    assert len(result_titles(practice_and_blog)) == 3


def test_unknown_type_is_ignored(client, typed_pages):
    response = client.get("/search/", {"q": "opinto-ohjaus", "type": "zzz"})
    assert response.status_code == 200
    assert len(result_titles(response)) == 5


def test_pagination_keeps_query_and_filter_and_clamps_bad_numbers(client, trees):
    for number in range(23):
        add_standard_page(trees["fi"], f"Kielikoulutus {number:02d}", lead="kielikoulutus")

    first = client.get("/search/", {"q": "kielikoulutus"})
    assert len(result_titles(first)) == 10
    html = first.content.decode()
    assert 'href="?q=kielikoulutus&amp;page=2"' in html

    last = client.get("/search/", {"q": "kielikoulutus", "page": "3"})
    assert len(result_titles(last)) == 3
    assert result_titles(client.get("/search/", {"q": "kielikoulutus", "page": "99999"})) == result_titles(last)
    assert result_titles(client.get("/search/", {"q": "kielikoulutus", "page": "abc"})) == result_titles(first)
    assert result_titles(client.get("/search/", {"q": "kielikoulutus", "page": "-1"})) == result_titles(last)


def test_query_count_does_not_grow_with_results(client, trees, django_assert_max_num_queries):
    for number in range(3):
        add_standard_page(trees["fi"], f"Ohjaus {number}", lead="ohjaus")
    with django_assert_max_num_queries(40) as few:
        client.get("/search/", {"q": "ohjaus"})
    for number in range(3, 30):
        add_standard_page(trees["fi"], f"Ohjaus {number}", lead="ohjaus")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/search/", {"q": "ohjaus"})
    assert len(result_titles(response)) == 10


@pytest.mark.parametrize(
    "query",
    [
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
    ],
)
def test_bad_input_gets_a_clean_answer(client, trees, query):
    add_standard_page(trees["fi"], "Kotoutuminen", lead="kotoutuminen")
    response = client.get("/search/", {"q": query, "page": "abc", "type": "zzz"})
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


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


def test_promoted_results_come_first_and_only_if_visible(client, trees):
    plain = add_standard_page(trees["fi"], "Tulkkaus arjessa", lead="tulkkaus")
    promoted = add_standard_page(trees["fi"], "Tulkkauspalvelut", lead="palvelut ilman hakusanaa")
    draft = add_standard_page(trees["fi"], "Tulkkausluonnos", lead="tulkkaus", live=False)
    promote("Tulkkaus", page=promoted, description="Editors' choice")
    promote("tulkkaus", page=draft)
    promote("tulkkaus", url="https://tulkkaus.example/", link_text="Tulkkauskeskus")

    response = client.get("/search/", {"q": "tulkkaus"})
    html = response.content.decode()

    promoted_section = html.split('class="search-promoted"', 1)[1].split("</section>", 1)[0]
    assert promoted_section.index("Tulkkauspalvelut") < promoted_section.index("Tulkkauskeskus")
    assert "Tulkkausluonnos" not in html
    assert html.index("search-promoted") < html.index('class="search-results"')
    assert result_titles(response) == [plain.title]


def test_promoted_page_is_shown_in_the_active_language(client, trees, django_capture_on_commit_callbacks):
    from tests.factories import translate_page

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

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert type(backend).__module__ == "search.backends.postgres"
    else:
        assert Page.objects.none().search("x") is not None
