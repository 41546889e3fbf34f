"""Typo tolerance: the closest words the index knows, for query words it does not know.

The words come from `IndexedWord` (every word of indexed text, per language, with how
often it occurred). A query word the index does not know gets the known word at the
smallest edit distance (a typo of one letter in a short word, two in a longer one; swapped
letters count once), the more frequent one on a tie, and the search page searches for
either ("mentorionti" finds *mentorointi*) and asks "did you mean mentorointi?". The first
letter is taken as typed, which keeps the candidates to one indexed range.
"""

from django.db.models import Q

from search import analysis
from search.models import IndexedWord

MAX_CANDIDATES = 20_000


def max_distance(word):
    return 1 if len(word) <= 5 else 2


def edit_distance(a, b, limit):
    """Optimal string alignment distance (a transposition is one edit), or limit + 1 if above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def corrections(text, language):
    """{query word: the closest known word} for the query's words the index does not know."""
    language = analysis.language_of(language) or ""
    query_words = [word for word in analysis.query_words(text, language) if len(word) >= 4 and word.isalpha()]
    if not query_words:
        return {}
    known = set(IndexedWord.objects.filter(language=language, word__in=query_words).values_list("word", flat=True))
    unknown = [word for word in query_words if word not in known]
    if not unknown:
        return {}
    condition = Q()
    for word in unknown:
        distance = max_distance(word)
        condition |= Q(word__startswith=word[0], length__gte=len(word) - distance, length__lte=len(word) + distance)
    candidates = list(
        IndexedWord.objects.filter(condition, language=language)
        .order_by("-documents")
        .values_list("word", "documents")[:MAX_CANDIDATES]
    )
    replacements = {}
    for word in unknown:
        limit = max_distance(word)
        best = None
        for candidate, documents in candidates:
            if candidate[0] != word[0]:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and (best is None or (distance, -documents) < best[0]):
                best = ((distance, -documents), candidate)
        if best:
            replacements[word] = best[1]
    return replacements


def corrected_text(text, replacements):
    """The query with its corrected words replaced, for "did you mean"."""
    return " ".join(replacements.get(word, word) for word in analysis.words(text))
