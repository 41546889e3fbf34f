"""What every backend indexes for an object, and what a query asks for, in analysed terms.

`IndexDocument` reads an object's search fields (as modelsearch declares them), keeps the
text as written and analyses it in the object's language; `analysed_query` turns a
modelsearch query into groups of alternative terms. Both are backend-independent: the
SQLite, PostgreSQL and engine backends only differ in how they store and match terms.
"""

from django.db.models import Manager
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from search import analysis

# A page without a summary (a section page that only lists its children) is a poor first
# result: its score is multiplied by this.
NO_SUMMARY_WEIGHT = 0.5
MAX_TERMS_LENGTH = 500_000  # characters of analysed terms kept per column
# Search fields whose text is searched but never shown as a snippet (see cms.search_text).
FACT_FIELDS = {"search_facts"}

_locale_languages = None


def locale_languages():
    """{locale pk: language code}, cached until a Locale is saved or deleted."""
    global _locale_languages
    if _locale_languages is None:
        from wagtail.models import Locale

        _locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
        _connect_signals()
    return _locale_languages


def clear_locale_languages(**kwargs):
    global _locale_languages
    _locale_languages = None


def _connect_signals():
    from wagtail.models import Locale

    post_save.connect(clear_locale_languages, sender=Locale, dispatch_uid="search_locale_languages_save")
    post_delete.connect(clear_locale_languages, sender=Locale, dispatch_uid="search_locale_languages_delete")


def has_locale(model):
    """Whether a model's rows carry a locale (pages, translatable snippets)."""
    try:
        model._meta.get_field("locale")
    except Exception:  # noqa: BLE001 - FieldDoesNotExist, or not a Django model
        return False
    return True


def object_language(obj):
    """The analysed language of an object ('fi', 'sv', 'en') or None (simple analysis)."""
    locale_pk = getattr(obj, "locale_id", None)
    if locale_pk is None:
        return None
    languages = locale_languages()
    if locale_pk not in languages:
        clear_locale_languages()
        languages = locale_languages()
    return analysis.language_of(languages.get(locale_pk))


def _prepare(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare(item) for item in value.values())
    return force_str(value) if value is not None else ""


def _field_values(obj, field):
    """(field, text) for a search field, following RelatedFields into related objects."""
    if isinstance(field, SearchField | AutocompleteField):
        yield field, _prepare(field.get_value(obj))
    elif isinstance(field, RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        if isinstance(related, Manager):
            related = related.all()
        elif callable(related):
            related = [related()]
        else:
            related = [related]
        for sub_obj in related:
            for sub_field in field.fields:
                yield from _field_values(sub_obj, sub_field)


class IndexDocument:
    """One object's searchable text: as written (for snippets) and analysed (for the index)."""

    def __init__(self, obj):
        self.obj = obj
        self.id = force_str(obj.pk)
        self.language = object_language(obj)
        title, body, facts, autocomplete = [], [], [], []
        # (text, how many times its terms count): a field's declared boost, rounded, at most 3.
        self.weighted_body = []
        for field in obj.get_search_fields():
            for current, text in _field_values(obj, field):
                text = text.strip()
                if not text:
                    continue
                if isinstance(current, AutocompleteField):
                    autocomplete.append(text)
                elif current.field_name == "title":
                    title.append(text)
                else:
                    (facts if current.field_name in FACT_FIELDS else body).append(text)
                    boost = getattr(current, "boost", None) or 1
                    self.weighted_body.append((text, max(1, min(3, round(boost)))))
        self.title_text = " ".join(title)
        # The text shown in snippets; the facts (labels in every language) are searched, not shown.
        self.body_text = "\n".join(body)
        self.facts_text = "\n".join(facts)
        self.autocomplete_text = " ".join(autocomplete)

    @cached_property
    def title_terms(self):
        return analysis.index_terms(self.title_text, self.language)

    @cached_property
    def body_terms(self):
        """The body's terms; a field declared with boost 2 counts twice (its terms are repeated)."""
        parts = []
        for text, times in self.weighted_body:
            terms = analysis.index_terms(text, self.language)
            parts.extend([terms] * times)
        terms = " ".join(part for part in parts if part)
        # PostgreSQL refuses tsvectors over 1 MB; nobody searches a page for its millionth word.
        return terms[:MAX_TERMS_LENGTH].rsplit(" ", 1)[0] if len(terms) > MAX_TERMS_LENGTH else terms

    @property
    def weight(self):
        """Multiplies the object's score: a section page without a summary of its own (one that
        mostly lists its children) ranks below the pages it lists."""
        if getattr(self.obj, "numchild", 0) and hasattr(self.obj, "card_summary") and not self.obj.card_summary:
            return NO_SUMMARY_WEIGHT
        return 1.0

    def vocabulary(self):
        """The distinct words of the text that "did you mean" may suggest."""
        return {
            word
            for word in analysis.words(f"{self.title_text} {self.body_text} {self.facts_text}")
            if 3 <= len(word) <= analysis.MAX_ANALYSED_LENGTH and word.isalpha()
        }


class LanguageQuery(PlainText):
    """Plain words to be analysed in one known language (the public search's active language).

    A plain string query of a model with a locale is analysed in every site language at
    once instead (the admin searches all locales), and one of a model without a locale
    with the simple analysis.
    """

    def __init__(self, query_string, language, operator="and", groups=None):
        super().__init__(query_string, operator=operator)
        self.language = analysis.language_of(language)
        # Already analysed term groups (the search page adds typo corrections to them).
        self.groups = groups


class AnalysedQuery:
    """A query as groups of alternative terms: [("kotoutu", "kotoutumis"), ("koulutus",)]."""

    def __init__(self, groups, operator="and", match_all=False):
        self.groups = groups
        self.operator = operator.lower()
        self.match_all = match_all

    @property
    def is_empty(self):
        return not self.match_all and not self.groups


def _texts(query):
    if isinstance(query, PlainText | Phrase | Fuzzy):
        yield query.query_string
    elif isinstance(query, And | Or):
        for subquery in query.subqueries:
            yield from _texts(subquery)
    elif isinstance(query, Boost):
        yield from _texts(query.subquery)
    elif isinstance(query, Not):
        # Negation is not offered anywhere on this site; a negated part is simply not searched for.
        return


def analysed_query(query, model):
    """The `AnalysedQuery` of a modelsearch query on a model."""
    if isinstance(query, MatchAll):
        return AnalysedQuery([], match_all=True)
    text = " ".join(_texts(query))
    if isinstance(query, PlainText):
        operator = query.operator
    else:
        operator = "or" if isinstance(query, Or) else "and"
    if isinstance(query, LanguageQuery):
        groups = query.groups if query.groups is not None else analysis.query_terms(text, query.language)
    elif has_locale(model):
        groups = analysis.multilingual_query_terms(text)
    else:
        groups = analysis.query_terms(text, None)
    return AnalysedQuery(groups, operator)
