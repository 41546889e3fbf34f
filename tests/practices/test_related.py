"""Related practices and pilot reports on a practice page (issue 20): the editors' choice first,
then the most shared themes and target groups; the pilots that name the practice; visible only."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from practices.related import pilot_reports, related_practices
from tests.factories import translate_page
from tests.factories.home import PilotReportPageFactory, ProjectPageFactory
from tests.factories.practices import (
    PracticeIndexPageFactory,
    PracticeModelPageFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(home):
    index = PracticeIndexPageFactory(parent=home)
    mentoring, language, work = ThemeFactory(), ThemeFactory(), ThemeFactory()
    youth = TargetGroupFactory()

    def practice(slug, themes=(), groups=(), **extra):
        return PracticeModelPageFactory(
            parent=index, slug=slug, title=slug.capitalize(), themes=list(themes), target_groups=list(groups), **extra
        )

    subject = practice("aihe", [mentoring, language], [youth])
    return {
        "index": index,
        "subject": subject,
        "three": practice("kolme", [mentoring, language], [youth]),  # shares three terms
        "two": practice("kaksi", [mentoring, language]),
        "one": practice("yksi", [language]),
        "none": practice("ei-mitaan", [work]),
        "chosen": practice("valittu", [work]),
        "chosen_too": practice("valittu-myos", [work]),
        "draft": practice("luonnos", [mentoring, language], [youth], live=False),
    }


def choose(page, *chosen):
    page.related_practices = [("practice", other) for other in chosen]
    page.save_revision().publish()


def slugs(pages):
    return [page.slug for page in pages]


def test_the_editors_choice_comes_first_in_their_order_then_the_most_shared_terms(practices):
    subject = practices["subject"]
    assert slugs(related_practices(subject)) == ["kolme", "kaksi", "yksi"]
    choose(subject, practices["chosen_too"], practices["chosen"])
    assert slugs(related_practices(subject)) == ["valittu-myos", "valittu", "kolme", "kaksi"]
    assert slugs(related_practices(subject, limit=1)) == ["valittu-myos", "valittu"]  # the editors' choice is kept whole


def test_unpublished_practices_are_never_related_even_when_chosen(practices):
    subject = practices["subject"]
    choose(subject, practices["draft"], practices["chosen"])
    practices["two"].unpublish()
    shown = slugs(related_practices(subject))
    assert "luonnos" not in shown and "kaksi" not in shown
    assert shown == ["valittu", "kolme", "yksi"]
    page = Client().get(subject.url).content.decode()
    assert "Luonnos" not in page and "/luonnos/" not in page


def test_the_swedish_page_relates_the_swedish_versions(practices, django_capture_on_commit_callbacks):
    subject, three = practices["subject"], practices["three"]
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(practices["index"], "sv", {"title": "Goda praxis", "slug": "goda-praxis"})
        swedish_subject = translate_page(subject, "sv", {"title": "Ämne", "slug": "amne"})
        swedish_three = translate_page(three, "sv", {"title": "Tre", "slug": "tre"})
    related = related_practices(swedish_subject)
    assert swedish_three.pk in [page.pk for page in related]
    assert all(page.locale_id == swedish_subject.locale_id for page in related)


def test_the_practice_page_links_back_to_the_visible_pilots_that_produced_it(home, practices):
    subject = practices["subject"]
    project = ProjectPageFactory(parent=home)
    producing = PilotReportPageFactory(parent=project, title="Tuottava pilotti")
    producing.practice_models = [("practice_model", subject)]
    producing.save_revision().publish()
    other = PilotReportPageFactory(parent=project, title="Muu pilotti")
    other.practice_models = [("practice_model", practices["one"])]
    other.save_revision().publish()
    hidden = PilotReportPageFactory(parent=project, title="Piilotettu pilotti")
    hidden.practice_models = [("practice_model", subject)]
    hidden.save_revision().publish()
    hidden.unpublish()
    # A draft that names the practice is not what visitors see: no link from a draft either.
    other.practice_models = [("practice_model", subject)]
    other.save_revision()

    assert [pilot.pk for pilot in pilot_reports(subject)] == [producing.pk]
    html = BeautifulSoup(Client().get(subject.url).content, "html.parser")
    section = html.find(id="pilots-heading").parent
    assert [a["href"] for a in section.find_all("a")] == [producing.url]
    assert "Piilotettu" not in html.text and "Muu pilotti" not in html.text
    related = html.find(id="related-heading").parent
    assert [a.text for a in related.find_all("a")] == ["Kolme", "Kaksi", "Yksi"]


def test_a_draft_choice_shows_in_its_preview_while_the_kept_public_answer_stays(practices):
    subject = practices["subject"]
    assert slugs(related_practices(subject)) == ["kolme", "kaksi", "yksi"]  # kept for the public page
    draft = type(subject).objects.get(pk=subject.pk)
    draft.related_practices = [("practice", practices["chosen"])]  # an unsaved edit, as a preview renders it
    assert slugs(related_practices(draft))[0] == "valittu"
    assert slugs(related_practices(subject)) == ["kolme", "kaksi", "yksi"]
