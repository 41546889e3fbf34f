"""The snippet under each result: the passage of its text with the most query words, marked.

Built from the text as written (`IndexedText`, one query for a page of results) with the
same analysis as the search, so every word that made the page match is marked, whatever
its inflection ("kotoutumisen" marks *kotoutuminen* and *kotoutumiskoulutus*). Every piece
of text is escaped; only the `<mark>` elements are markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import analysis
from search.models import IndexedText

SNIPPET_LENGTH = 240
SUMMARY_LENGTH = 200
LEAD_IN = 60  # characters shown before the first marked word
WORD = re.compile(r"\w+")


def texts_for(objects):
    """{(content type id, object id as text): IndexedText} of objects, in one query."""
    ids = {str(obj.pk) for obj in objects}
    if not ids:
        return {}
    return {(text.content_type_id, text.object_id): text for text in IndexedText.objects.filter(object_id__in=ids)}


def best_window(text, matched):
    """(start, end) of the SNIPPET_LENGTH characters of `text` with the most distinct matched words."""
    hits = [(m.start(), m.group().lower()) for m in WORD.finditer(text) if m.group().lower() in matched]
    if not hits:
        return None
    best, best_count = 0, -1
    for index, (position, _word) in enumerate(hits):
        window_end = position + SNIPPET_LENGTH - LEAD_IN
        count = len({word for pos, word in hits[index:] if pos < window_end})
        if count > best_count:
            best, best_count = index, count
    start = max(0, hits[best][0] - LEAD_IN)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < hits[best][0] else start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > hits[best][0] else end
    return start, end


def highlight(text, matched):
    """Escaped text with the matched words in <mark>."""
    pieces = []
    last = 0
    for match in WORD.finditer(text):
        if match.group().lower() in matched:
            pieces.append(escape(text[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(text, groups, language):
    """The marked passage of `text` for a query's term groups, or '' if no word of it matches."""
    if not text or not groups:
        return ""
    text = " ".join(text.split())
    matched = analysis.matched_words(text, groups, language)
    window = best_window(text, matched)
    if window is None:
        return ""
    start, end = window
    marked = highlight(text[start:end], matched)
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))  # noqa: S308


def opening(text, length=SUMMARY_LENGTH):
    """The first words of a text, up to about `length` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > 0 else length] + " …"


def add_snippets(objects, groups, language):
    """Set `search_snippet` (matched words marked) and `search_summary` on each result.

    The summary is the page's own card summary, or else the opening of its text, so no
    result is a bare title.
    """
    texts = texts_for(objects)
    for obj in objects:
        indexed = texts.get((getattr(obj, "content_type_id", None), str(obj.pk)))
        body = indexed.body if indexed else ""
        summary = getattr(obj, "card_summary", "") or opening(body)
        obj.search_summary = summary
        found = snippet(body, groups, language)
        # A snippet that repeats the summary's opening adds nothing.
        obj.search_snippet = found if not summary or summary[:40] not in str(found) else ""
