"""What visitors get from the search page when the site searches a real engine (OpenSearch)."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import facets
from tests.factories import translate_page
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory
from tests.factories.practices import PracticeCallPageFactory, PracticeIndexPageFactory, PracticeModelPageFactory
from tests.factories.search import add_plain_page, add_standard_page, make_private, promote
from tests.search.responses import facet_counts, result_count, result_titles

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        # The -inen rule and the Finnish stemmer: the nominative finds the genitive, and back.
        ("fi", "Kotoutumisen tuki kunnissa", "kotoutuminen"),
        ("fi", "Kotoutuminen alkaa ensimmäisestä päivästä", "kotoutumisen"),
        ("fi", "Neuvontaa maahanmuuttajille", "maahanmuuttajien"),
        ("sv", "Integrationen i kommunerna", "kommun"),
        ("sv", "Information för invandrare", "invandrarna"),
        ("en", "Integrated services for immigrants", "integration"),
        ("en", "Mentoring families", "family"),
    ],
)
def test_each_language_is_stemmed_in_its_own_language(client, trees, search_engine, language, text, query):
    add_standard_page(trees[language], text, lead=text)
    search_engine.refresh()
    prefix = "" if language == "fi" else f"/{language}"

    assert result_titles(client.get(f"{prefix}/search/", {"q": query})) == [text]


def test_a_languages_stemming_does_not_apply_to_another_language(client, trees, search_engine):
    add_standard_page(trees["en"], "Integrated services", lead="Kotoutuminen is a Finnish word.")
    add_standard_page(trees["fi"], "Suomenkielinen sivu", lead="Kotoutuminen on tärkeää.")
    search_engine.refresh()

    # English text is analysed as English: the Finnish -inen rule does not reach it...
    assert result_titles(client.get("/en/search/", {"q": "kotoutumisen"})) == []
    assert result_titles(client.get("/en/search/", {"q": "kotoutuminen"})) == ["Integrated services"]
    # ...while the same query in Finnish finds the Finnish page, with Finnish stemming.
    assert result_titles(client.get("/search/", {"q": "kotoutumisen"})) == ["Suomenkielinen sivu"]


def test_only_live_public_real_pages_of_the_active_locale(client, trees, search_engine, django_capture_on_commit_callbacks):
    add_standard_page(trees["fi"], "Mentorointi julkinen", lead="mentorointi ryhmissä")
    add_standard_page(trees["fi"], "Mentorointi luonnos", lead="mentorointi", live=False)
    private = add_standard_page(trees["fi"], "Mentorointi salainen", lead="mentorointi")
    add_standard_page(private, "Mentorointi salaisen alasivu", lead="mentorointi")
    make_private(private)
    untranslated = add_standard_page(trees["fi"], "Mentorointi vain suomeksi", lead="mentorointi")
    untranslated.create_alias(parent=trees["sv"], update_slug="mentorointi-alias")
    translated = add_standard_page(trees["fi"], "Mentorointi käännetty", lead="mentorointi")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(translated, "sv", {"title": "Mentorskap översatt", "lead": "mentorskap"})
    add_standard_page(trees["sv"], "Mentorointi på svenska", lead="mentorointi")
    search_engine.refresh()

    finnish = client.get("/search/", {"q": "mentorointi"})
    assert sorted(result_titles(finnish)) == ["Mentorointi julkinen", "Mentorointi käännetty", "Mentorointi vain suomeksi"]
    assert sum(facet_counts(finnish).values()) == result_count(finnish) == 3

    # The Swedish tree: its own page only; neither the alias of the untranslated page nor the
    # Finnish text of any page.
    swedish = client.get("/sv/search/", {"q": "mentorointi"})
    assert result_titles(swedish) == ["Mentorointi på svenska"]
    assert sum(facet_counts(swedish).values()) == result_count(swedish) == 1
    assert result_titles(client.get("/sv/search/", {"q": "mentorskap"})) == ["Mentorskap översatt"]
    assert result_titles(client.get("/en/search/", {"q": "mentorointi"})) == []


@pytest.fixture
def one_page_of_every_type(trees, search_engine):
    """Twelve page types (more than an engine's default ten facet buckets), each with the word "yhteistyö"."""
    home = trees["fi"]
    word = "Yhteistyö"
    project = ProjectPageFactory(parent=home, title=f"{word} hanke")
    PilotReportPageFactory(parent=project, title=f"{word} pilotti")
    practices = PracticeIndexPageFactory(parent=home, title=f"{word} käytännöt")
    PracticeModelPageFactory(parent=practices, title=f"{word} malli")
    PracticeCallPageFactory(parent=practices, title=f"{word} haku")
    materials = MaterialIndexPageFactory(parent=home, title=f"{word} materiaalit")
    MaterialPageFactory(parent=materials, title=f"{word} video")
    blog = BlogIndexPageFactory(parent=home, title=f"{word} blogi")
    BlogPageFactory(parent=blog, title=f"{word} kirjoitus")
    add_standard_page(home, f"{word} sivu")
    add_plain_page(home, f"{word} perussivu")
    page_types = {page.content_type_id for page in Page.objects.filter(title__startswith=word)}
    assert len(page_types) == 11  # with the home page's type: twelve in the index
    return trees


def test_facet_counts_equal_the_results(client, one_page_of_every_type, search_engine):
    search_engine.refresh()
    response = client.get("/search/", {"q": "yhteistyö"})
    counts = facet_counts(response)

    assert counts == {"practice": 2, "pilot_report": 1, "material": 1, "blog_post": 1, "event": 0, "page": 6}
    assert sum(counts.values()) == result_count(response) == 11
    second_page = client.get("/search/", {"q": "yhteistyö", "page": "2"})
    assert len(result_titles(response)) + len(result_titles(second_page)) == 11
    for key, count in counts.items():
        filtered = client.get("/search/", {"q": "yhteistyö", "type": key})
        assert len(result_titles(filtered)) == result_count(filtered) == count, key
        assert facet_counts(filtered) == counts  # counts describe the query, not the filter
    both = client.get("/search/?q=yhteistyö&type=practice&type=blog_post")
    assert result_count(both) == 3


def test_promoted_results_come_first_and_only_if_visible(client, trees, search_engine):
    plain = add_standard_page(trees["fi"], "Tulkkaus arjessa", lead="tulkkaus")
    promoted = add_standard_page(trees["fi"], "Tulkkauspalvelut", lead="palvelut ilman hakusanaa")
    draft = add_standard_page(trees["fi"], "Tulkkausluonnos", lead="tulkkaus", live=False)
    promote("Tulkkaus", page=promoted, description="Editors' choice")
    promote("tulkkaus", page=draft)
    search_engine.refresh()

    html = client.get("/search/", {"q": "tulkkaus"}).content.decode()

    promoted_section = html.split('class="search-promoted"', 1)[1].split("</section>", 1)[0]
    assert "Tulkkauspalvelut" in promoted_section
    assert "Tulkkausluonnos" not in html
    assert html.index("search-promoted") < html.index('class="search-results"')
    assert result_titles(client.get("/search/", {"q": "tulkkaus"})) == [plain.title]


def test_pagination(client, trees, search_engine, monkeypatch):
    for number in range(23):
        add_standard_page(trees["fi"], f"Kielikoulutus {number:02d}", lead="kielikoulutus")
    search_engine.refresh()

    pages = [result_titles(client.get("/search/", {"q": "kielikoulutus", "page": str(n)})) for n in (1, 2, 3)]

    assert [len(titles) for titles in pages] == [10, 10, 3]
    seen = [title for titles in pages for title in titles]
    assert sorted(seen) == [f"Kielikoulutus {number:02d}" for number in range(23)]  # no page twice, none missing
    assert result_titles(client.get("/search/", {"q": "kielikoulutus", "page": "99"})) == pages[2]


def test_update_index_rebuilds_into_a_new_index_behind_the_alias(client, trees, search_engine):
    alias = search_engine.page_alias()
    before = search_engine.indices_behind(alias)
    page = add_standard_page(trees["fi"], "Vertaistuki", lead="vertaistuki ryhmissä")
    search_engine.refresh()
    assert result_titles(client.get("/search/", {"q": "vertaistuki"})) == ["Vertaistuki"]

    # A change the signals did not index (a bulk update), then the rebuild.
    Page.objects.filter(pk=page.pk).update(title="Vertaistuki uusittu")
    call_command("update_index", verbosity=0)
    search_engine.refresh()

    after = search_engine.indices_behind(alias)
    assert len(before) == len(after) == 1
    assert before != after  # a new index took the alias...
    assert not search_engine.backend.es.indices.exists(index=before[0])  # ...and the old one is gone
    assert result_titles(client.get("/search/", {"q": "vertaistuki"})) == ["Vertaistuki uusittu"]


def test_publishing_unpublishing_and_deleting_change_the_results(client, trees, search_engine):
    page = add_standard_page(trees["fi"], "Työnhaku", lead="työnhaku", live=False)
    search_engine.refresh()
    assert result_titles(client.get("/search/", {"q": "työnhaku"})) == []

    page.save_revision().publish()
    search_engine.refresh()
    assert result_titles(client.get("/search/", {"q": "työnhaku"})) == ["Työnhaku"]

    page.refresh_from_db()
    page.title = "Työnhaku ja ohjaus"
    page.save_revision().publish()
    search_engine.refresh()
    assert result_titles(client.get("/search/", {"q": "ohjaus"})) == ["Työnhaku ja ohjaus"]

    page.unpublish()
    search_engine.refresh()
    assert result_titles(client.get("/search/", {"q": "työnhaku"})) == []

    page.save_revision().publish()
    search_engine.refresh()
    assert result_titles(client.get("/search/", {"q": "työnhaku"})) == ["Työnhaku ja ohjaus"]

    page.delete()
    search_engine.refresh()
    response = client.get("/search/", {"q": "työnhaku"})
    assert response.status_code == 200
    assert result_titles(response) == []
    assert result_count(response) == 0


def test_facet_mapping_of_the_search_page_is_used(client, trees, search_engine, monkeypatch):
    """The type filter narrows the engine's query, it does not filter a page of results afterwards."""
    monkeypatch.setitem(facets.CONTENT_TYPE_FACETS, "home.standardpage", "practice")
    for number in range(12):
        add_standard_page(trees["fi"], f"Opinto-ohjaus {number}", lead="opinto-ohjaus")
    add_plain_page(trees["fi"], "Opinto-ohjaus yleissivu")
    search_engine.refresh()

    response = client.get("/search/", {"q": "opinto-ohjaus", "type": "page"})
    assert result_titles(response) == ["Opinto-ohjaus yleissivu"]
    assert result_count(client.get("/search/", {"q": "opinto-ohjaus", "type": "practice"})) == 12
