"""The public criteria page (issue 20): the six criteria from their data, in each language,
linked from every call and from the assessment on a recommended practice."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale

from practices.models import Criterion
from tests.factories import translate_page
from tests.factories.practices import PracticeCallPageFactory, PracticeIndexPageFactory

pytestmark = pytest.mark.django_db


def soup(url, status=200):
    response = Client().get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def collection(home, django_capture_on_commit_callbacks):
    index = PracticeIndexPageFactory(parent=home, slug="hyvat-kaytannot")
    call = PracticeCallPageFactory(parent=index, slug="haku")
    with django_capture_on_commit_callbacks(execute=True):
        swedish = translate_page(index, "sv", {"title": "Goda praxis", "slug": "goda-praxis"})
    return index, call, swedish


def test_the_criteria_page_lists_every_criterion_from_its_data_in_the_visitors_language(collection):
    index, _, swedish_index = collection
    criteria = list(Criterion.source_criteria())
    assert len(criteria) == 6
    first = criteria[0]
    swedish_first = first.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish_first.name, swedish_first.description = "Behovsbaserad", "Praxisen svarar på ett behov."
    swedish_first.save()
    first.description = "Uusi kuvaus kriteeristä."  # edited data, not template text
    first.save()

    finnish = soup(f"{index.url}kriteerit/")
    items = finnish.select("ol.criteria > li")
    assert [item.h2.text for item in items] == [criterion.name for criterion in criteria]
    assert "Uusi kuvaus kriteeristä." in items[0].text
    assert not any(item.get("lang") for item in items)

    sv = soup(f"{swedish_index.url}kriterier/")
    assert sv.html["lang"] == "sv"
    items = sv.select("ol.criteria > li")
    assert items[0].h2.text == "Behovsbaserad" and items[0].get("lang") is None
    # Not translated yet: shown in Finnish, and marked so for screen readers.
    assert [item.get("lang") for item in items[1:]] == ["fi"] * 5
    alternates = {link["hreflang"]: link["href"] for link in sv.select("link[rel=alternate][hreflang]")}
    assert alternates == {"fi": f"http://testserver{index.url}kriteerit/", "sv": f"http://testserver{swedish_index.url}kriterier/"}
    switcher = {a["href"] for a in sv.select("a[hreflang], a[lang]")}
    assert f"{index.url}kriteerit/" in switcher


def test_each_language_answers_only_at_its_own_address(collection):
    index, _, swedish_index = collection
    soup(f"{index.url}kriterier/", status=404)
    soup(f"{index.url}criteria/", status=404)
    soup(f"{swedish_index.url}kriteerit/", status=404)
    soup(f"{index.url}kriteerit/x/", status=404)


def test_every_call_links_to_the_criteria(collection):
    index, call, _ = collection
    links = [a["href"] for a in soup(call.url).select("main a")]
    assert f"{index.url}kriteerit/" in links
