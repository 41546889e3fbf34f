"""What only the engine has: its index lifecycle and its facet buckets.

The rules of the search page (visibility, languages, ranking, pagination, bad input) are
tested on every backend, the engine included, by the tests that take the `search` fixture
(tests/search/test_search_page.py, test_languages.py).
"""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import facets
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory
from tests.factories.practices import PracticeCallPageFactory, PracticeIndexPageFactory, PracticeModelPageFactory
from tests.factories.search import add_plain_page, add_standard_page
from tests.search.responses import facet_counts, result_count, result_titles

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


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

    assert counts == {"practice": 2, "pilot_report": 1, "material": 1, "blog_post": 1, "page": 6}
    assert sum(counts.values()) == result_count(response) == 11
    second_page = client.get("/search/", {"q": "yhteistyö", "page": "2"})
    assert len(result_titles(response)) + len(result_titles(second_page)) == 11
    for key, count in counts.items():
        filtered = client.get("/search/", {"q": "yhteistyö", "type": key})
        assert len(result_titles(filtered)) == result_count(filtered) == count, key
        assert facet_counts(filtered) == counts  # counts describe the query, not the filter
    both = client.get("/search/?q=yhteistyö&type=practice&type=blog_post")
    assert result_count(both) == 3


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
