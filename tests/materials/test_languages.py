"""The curated language list: enough languages, the series' fourteen, right-to-left scripts marked."""

from materials.languages import LANGUAGE_CHOICES, LANGUAGES, LANGUAGES_BY_CODE

SERIES_LANGUAGES = {"fi", "sv", "ar", "so", "en", "ru", "kmr", "prs", "ckb", "et", "fr", "ti", "th", "zh"}


def test_at_least_forty_distinct_languages_with_endonyms():
    assert len(LANGUAGES) >= 40
    assert len(LANGUAGES_BY_CODE) == len(LANGUAGES) == len(LANGUAGE_CHOICES)
    assert all(language.endonym and language.direction in ("ltr", "rtl") for language in LANGUAGES)


def test_the_ymmarra_suomea_languages_are_all_there():
    assert SERIES_LANGUAGES <= set(LANGUAGES_BY_CODE)
    assert LANGUAGES_BY_CODE["ti"].endonym == "ትግርኛ"
    assert LANGUAGES_BY_CODE["prs"].endonym == "دری"


def test_right_to_left_scripts():
    rtl = {language.code for language in LANGUAGES if language.is_rtl}
    assert {"ar", "prs", "ckb", "fa", "ps", "ur", "he"} <= rtl
    assert not {"fi", "so", "kmr", "ti", "th", "zh"} & rtl
