"""The one language analysis of search, for every backend (SQLite, PostgreSQL, OpenSearch).

Text is analysed here, in Python, both when it is indexed and when it is searched for, and
the backends only match the resulting terms (SQLite FTS5 and PostgreSQL's 'simple'
configuration index them as they are; the engine gets them in a pre-analysed field). So a
word is found the same way on every backend, and what a backend can do with its own
analysers no longer decides what a visitor finds.

For Finnish, Swedish and English each word becomes:

* its base form: the dictionary lemma (simplemma, pure Python, fi/sv/en dictionaries), taken
  to a fixed point so that *kotoutumisen* → *kotoutuminen* → *kotoutua* meets *kotoutuminen*
  → *kotoutua*, then the Snowball stem of that lemma (PyStemmer), so that words the
  dictionary relates differently still meet (*integration*, *integrated* → *integr*);
* the stem of the word as written, if the dictionary does not know the word (an unknown
  inflected form then still meets its other forms where Snowball can);
* for Finnish and Swedish compounds, the base forms of their parts as well
  (*vertaismentoroinnin* → *vertainen* + *mentorointi*; *språkutbildningen* → *språk* +
  *utbildning*), split with simplemma's dictionary as the word list: a compound is found
  by its last part (the head) and its first ones.

A query word is analysed the same way except that it is not split: "mentorointi" finds a
page about *vertaismentorointi*, but "vertaismentorointi" does not find every page about
mentoring. Common function words are dropped from queries unless nothing else is left.
Other languages (and models without a locale) get the 'simple' analysis: lower case only.

Evidence for the choice (see search/relevance/README.md): Snowball alone separates
*kotoutuminen*/*kotoutumisen* and *mentorointi*/*mentoroinnin* (consonant gradation) and
splits no compounds; Voikko (Debian's libvoikko) knows neither *mentorointi* nor
*vertaismentorointi* and is not pip-installable; simplemma knows both and installs with pip.
Its low-memory dictionary reader costs ~70 MB and ~4 s to load once per process, instead of
~400 MB for the in-memory dictionary.
"""

import re
import threading
from functools import lru_cache

WORD = re.compile(r"\w+")
# Words longer than this are not analysed (no dictionary word is); they are kept as they are.
MAX_ANALYSED_LENGTH = 40
# Terms longer than this are cut: nobody types them, and PostgreSQL rejects very long lexemes.
MAX_TERM_LENGTH = 100
ANALYSED_LANGUAGES = ("fi", "sv", "en")
SIMPLE = None  # the analysis of other languages: lower case only

SNOWBALL = {"fi": "finnish", "sv": "swedish", "en": "english"}
COMPOUNDING = {"fi", "sv"}
MIN_HEAD = 3  # shortest first part of a compound ("työ", "språk")
MIN_TAIL = 4  # shortest last part ("kurssi", "plan" )

# Function words dropped from queries ("miten haen kotoutumiskoulutukseen" searches for
# "haen kotoutumiskoulutukseen"); the index keeps them, so a query of only such words works.
STOP_WORDS = {
    "fi": set(
        "ja tai sekä on ovat oli olla ole ei en et emme ette eivät se ne tämä nämä tuo nuo että "
        "kuin kun jos niin mutta myös vain jo joka jotka mikä mitkä mitä miten miksi missä mistä "
        "mihin milloin kuka ketkä minä sinä hän me te he minun sinun hänen sen sitä siitä siinä "
        "siihen niiden niitä näitä tässä tästä tähän kanssa mukaan voi voin voiko onko onks saa "
        "saako pitää kaikki kaikkia hyvä paljon löydän löydä löytää löytyy löytyykö etsin etsiä".split()
    ),
    "sv": set(
        "och eller samt är var vara varit inte ej det den de dem denna detta dessa att som när om "
        "men också bara redan vilken vilket vilka vad hur varför var vart när vem jag du han hon "
        "vi ni min din hans hennes deras med för på i av till från hos kan kunna får ska skall "
        "finns alla mycket en ett hittar hitta hittas söker".split()
    ),
    "en": set(
        "a an and or the is are was were be been being not no it its this that these those as "
        "when if but also only already which what how why where who whom i you he she we they "
        "my your his her our their with for on in at of to from by about can could do does did "
        "there any all some find get".split()
    ),
}

_lock = threading.Lock()
_lemmatizer = None


def language_of(language_code):
    """'fi-FI' -> 'fi'; a language this module analyses, or SIMPLE."""
    if not language_code:
        return SIMPLE
    language = language_code.split("-")[0].split("_")[0].lower()
    return language if language in ANALYSED_LANGUAGES else SIMPLE


def _simplemma():
    """(lemmatizer, dictionary getter), loaded once per process on first use."""
    global _lemmatizer
    if _lemmatizer is None:
        with _lock:
            if _lemmatizer is None:
                from simplemma import Lemmatizer
                from simplemma.strategies import DefaultStrategy
                from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

                _lemmatizer = (
                    Lemmatizer(lemmatization_strategy=DefaultStrategy(low_memory=True)),
                    LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary,
                )
    return _lemmatizer


@lru_cache(maxsize=4)
def _stemmer(language):
    import Stemmer

    return Stemmer.Stemmer(SNOWBALL[language])


def warm_up(languages=ANALYSED_LANGUAGES):
    """Load the dictionaries now (a process's first search would otherwise wait for them)."""
    for language in languages:
        base_form("hei", language)


@lru_cache(maxsize=200_000)
def lemma(word, language):
    """The dictionary base form of a lower-case word, or the word itself if unknown."""
    lemmatizer, _dictionary = _simplemma()
    current = word
    for _ in range(3):
        try:
            following = lemmatizer.lemmatize(current, language).lower()
        except ValueError:
            return current
        if following == current or not following:
            break
        current = following
    return current


@lru_cache(maxsize=200_000)
def known(word, language):
    """The base form of a word the dictionary knows (in any inflected form), else None."""
    _lemmatizer, dictionary = _simplemma()
    if dictionary(language).get(word) is None:
        return None
    return lemma(word, language)


def stem(word, language):
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=200_000)
def base_form(word, language):
    """The term a word is indexed and searched as: the stem of its lemma."""
    return stem(lemma(word, language), language)[:MAX_TERM_LENGTH]


def _head_base(head, language):
    """The base form of a compound's first part, in the forms such parts take, or None."""
    found = known(head, language)
    if found:
        return [found]
    if language == "fi" and head.endswith("s"):
        # kotoutumis- (kotoutuminen), vertais- (vertainen), ihmis- (ihminen)
        found = known(head[:-1] + "nen", language)
        if found:
            return [found]
    if language == "sv" and head.endswith("s") and len(head) > MIN_HEAD + 1:
        # integrations|plan, arbets|marknad: the linking -s-
        found = known(head[:-1], language)
        if found:
            return [found]
    parts = compound_parts(head, language)
    return parts or None


@lru_cache(maxsize=200_000)
def compound_parts(word, language):
    """The base forms of a compound's parts, [] if the word is not one the dictionary can split.

    The longest known last part wins (its first part must be known too), so
    *kotoutumiskoulutuksen* is *kotoutumis* + *koulutuksen*, not *kotoutumiskoulu* + ...
    """
    if language not in COMPOUNDING or len(word) < MIN_HEAD + MIN_TAIL or not word.isalpha():
        return ()
    for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        tail = known(word[cut:], language)
        if not tail:
            continue
        heads = _head_base(word[:cut], language)
        if heads:
            return tuple(heads) + (tail,)
    return ()


@lru_cache(maxsize=200_000)
def word_terms(word, language):
    """Every term one (lower-case) word is indexed under, the base form first."""
    if language is SIMPLE or len(word) > MAX_ANALYSED_LENGTH:
        return (word[:MAX_TERM_LENGTH],)
    terms = [base_form(word, language)]
    surface = stem(word, language)
    if surface not in terms:
        terms.append(surface)
    if language == "fi" and word.endswith("n") and len(word) > 4:
        # A genitive the dictionary reads as another word (proper names: Vantaan is not
        # vannas): the stem of the word without its -n meets the nominative's stem.
        genitive_base = stem(word[:-1], language)
        if genitive_base not in terms:
            terms.append(genitive_base)
    for part in compound_parts(word, language):
        term = stem(part, language)
        if term not in terms:
            terms.append(term)
    return tuple(terms)


@lru_cache(maxsize=100_000)
def query_word_terms(word, language):
    """The terms a query word matches (any of them): its base form, and for a word the
    dictionary does not know, also its stem as written.

    A known word is searched by its base form only: adding the stem as written would rank
    pages with the very form typed far above pages with other forms of the same word.
    """
    if language is SIMPLE or len(word) > MAX_ANALYSED_LENGTH:
        return (word[:MAX_TERM_LENGTH],)
    terms = [base_form(word, language)]
    if known(word, language) is None:
        surface = stem(word, language)
        if surface not in terms:
            terms.append(surface)
    return tuple(terms)


def words(text):
    """The lower-case words of a text, in order."""
    return WORD.findall(text.lower()) if text else []


def index_terms(text, language):
    """The text as the space-separated terms a backend indexes."""
    language = language_of(language)
    return " ".join(term for word in words(text) for term in word_terms(word, language))


def query_words(text, language):
    """The words of a query that are searched for: function words dropped unless nothing else is left."""
    found = words(text)
    stop = STOP_WORDS.get(language_of(language), set())
    return list(dict.fromkeys([word for word in found if word not in stop] or found))


def query_terms(text, language, corrections=None):
    """[(alternative terms of one query word), ...]: what a query asks for.

    `corrections` ({word: known word}) adds the terms of a misspelt word's correction to
    its group, so "mentorionti" also finds *mentorointi*.
    """
    language = language_of(language)
    corrections = corrections or {}
    groups = []
    for word in query_words(text, language):
        terms = query_word_terms(word, language)
        if word in corrections:
            terms = tuple(dict.fromkeys(terms + query_word_terms(corrections[word], language)))
        if terms not in groups:
            groups.append(terms)
    return groups


def multilingual_query_terms(text, languages=ANALYSED_LANGUAGES):
    """A query whose language is unknown (the admin searches every locale): each word's terms in every language."""
    groups = []
    for word in dict.fromkeys(words(text)):
        merged = tuple(dict.fromkeys(term for language in languages for term in query_word_terms(word, language)))
        if merged not in groups:
            groups.append(merged)
    return groups


def matched_words(text, groups, language):
    """The set of lower-case words of `text` that match any of the query's term groups (for highlighting)."""
    language = language_of(language)
    wanted = {term for terms in groups for term in terms}
    return {word for word in set(words(text)) if wanted.intersection(word_terms(word, language))}
