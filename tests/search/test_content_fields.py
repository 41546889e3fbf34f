"""What each page type offers to search: materials by their versions, posts by their writers."""

import pytest
from bs4 import BeautifulSoup

from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, PersonFactory
from tests.factories.materials import MaterialIndexPageFactory, MaterialPageFactory, version_for

pytestmark = pytest.mark.django_db


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    results = BeautifulSoup(response.content, "html.parser").find("ol", class_="search-results")
    return [link.get_text(strip=True) for link in results.select("h2 a")] if results else []


def test_material_is_found_by_the_words_of_its_transcript(client, home):
    material = create_material(home)
    material.save_revision().publish()  # as an editor publishes: the versions exist by then
    assert result_titles(client, "Asuminen") == ["Asuminen Suomessa"], "indexed at all"
    assert result_titles(client, "järjestyssäännöt") == ["Asuminen Suomessa"]


def create_material(home):
    registry = MaterialIndexPageFactory(parent=home, title="Materiaalit", slug="materiaalit")
    return MaterialPageFactory(
        parent=registry,
        title="Asuminen Suomessa",
        languages=(),
        versions=[version_for("fi", transcript="<p>Vuokrasopimus ja taloyhtiön järjestyssäännöt.</p>")],
    )


def test_post_is_found_by_its_writer(client, home):
    blog = BlogIndexPageFactory(parent=home, title="Blogi", slug="blogi")
    post = BlogPageFactory(parent=blog, title="Koko kunta mukana", authors=[PersonFactory(name="Saara Kirjoittaja")])
    post.save_revision().publish()
    assert "Koko kunta mukana" in result_titles(client, "Kirjoittaja")
