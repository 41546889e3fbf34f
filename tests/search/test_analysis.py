"""The one language analysis: inflected forms meet, compounds are found by their parts, any input is safe."""

import re

import pytest

from search import analysis
from search.suggestions import edit_distance


def matches(query_word, text_word, language):
    """Whether a query word finds a text word (as every backend decides it)."""
    return bool(set(analysis.query_word_terms(query_word, language)) & set(analysis.word_terms(text_word, language)))


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("fi", ["kotoutuminen", "kotoutumisen", "kotoutumiseen", "kotoutumista"]),
        ("fi", ["mentorointi", "mentoroinnin", "mentorointia"]),
        ("fi", ["maahanmuuttaja", "maahanmuuttajien", "maahanmuuttajille"]),
        ("fi", ["koulutus", "koulutuksen", "koulutukseen"]),
        ("fi", ["kirjasto", "kirjastossa", "kirjastoissa"]),
        ("sv", ["integration", "integrationen"]),
        ("sv", ["kommun", "kommunen", "kommunerna"]),
        ("sv", ["utbildning", "utbildningen", "utbildningar"]),
        ("en", ["integration", "integrated", "integrating"]),
        ("en", ["immigrant", "immigrants"]),
        ("en", ["mentoring", "mentored", "mentor"]),
    ],
)
def test_every_inflected_form_finds_every_other(language, forms):
    for query_word in forms:
        for text_word in forms:
            assert matches(query_word, text_word, language), (query_word, text_word)


@pytest.mark.parametrize(
    ("language", "part", "compound"),
    [
        ("fi", "mentorointi", "vertaismentorointi"),
        ("fi", "mentorointi", "vertaismentoroinnin"),
        ("fi", "koulutus", "kotoutumiskoulutus"),
        ("fi", "koulutuksen", "kotoutumiskoulutukseen"),
        ("fi", "kotoutuminen", "kotoutumiskoulutus"),
        ("fi", "kurssi", "verkkokurssilla"),
        ("fi", "palvelut", "maahanmuuttajapalvelut"),
        ("sv", "utbildning", "språkutbildningen"),
        ("sv", "plan", "integrationsplan"),
    ],
)
def test_a_compound_is_found_by_its_parts(language, part, compound):
    assert matches(part, compound, language)


def test_a_query_compound_is_not_split():
    """"vertaismentorointi" asks for peer mentoring, not for every text about mentoring."""
    assert not matches("vertaismentorointi", "mentorointi", "fi")
    assert matches("vertaismentorointi", "vertaismentoroinnin", "fi")


def test_languages_are_analysed_apart():
    assert matches("kotoutumisen", "kotoutuminen", "fi")
    assert not matches("kotoutumisen", "kotoutuminen", None), "other languages: lower case only"
    assert analysis.query_terms("Kotoutuminen", None) == [tuple(analysis.index_terms("KOTOUTUMINEN", None).split())]
    assert analysis.language_of("sv-FI") == "sv"
    assert analysis.language_of("de") is None


def test_function_words_are_dropped_from_queries_unless_nothing_else_is_left():
    assert analysis.query_words("miten löydän videon somaliksi", "fi") == ["videon", "somaliksi"]
    assert analysis.query_words("how do I find a video in Somali", "en") == ["video", "somali"]
    assert analysis.query_words("och eller", "sv") == ["och", "eller"]


def test_a_correction_is_searched_beside_the_typed_word():
    groups = analysis.query_terms("mentorionti", "fi", corrections={"mentorionti": "mentorointi"})
    assert set(analysis.word_terms("mentorointi", "fi")) & set(groups[0])


BAD_INPUT = [
    "",
    "x" * 10_000,
    "\x00\x01\x1f\x7f kotoutuminen",
    '"kotoutuminen" AND (foo OR bar) NEAR(a b) title:x * ^ - ! & | : \' \\',
    "العربية ትግርኛ ไทย 中文 Русский עברית हिन्दी 😀 ẞ ﬁ",
    "kotoutuminen " * 2_000,
]


@pytest.mark.parametrize("text", BAD_INPUT)
@pytest.mark.parametrize("language", ["fi", "sv", "en", None])
def test_any_input_becomes_plain_terms(text, language):
    """Terms are letters, digits and underscores only, so no term is FTS5, tsquery or engine syntax."""
    terms = analysis.index_terms(text, language).split()
    terms += [term for group in analysis.query_terms(text, language) for term in group]
    for term in terms:
        assert re.fullmatch(r"\w+", term), term
        assert len(term) <= analysis.MAX_TERM_LENGTH


def test_edit_distance_counts_a_swap_once():
    assert edit_distance("podcats", "podcast", 2) == 1
    assert edit_distance("mentorionti", "mentorointi", 2) == 1
    assert edit_distance("kissa", "koira", 1) == 2  # above the limit: limit + 1
    assert edit_distance("somali", "somali", 1) == 0
