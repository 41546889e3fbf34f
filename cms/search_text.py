"""Text that search indexes beside a page's own fields: what visitors search for by name.

A page's type, region or call round is a choice, and its themes and series are snippets:
the words people search for ("podcast", "webinaari", "Uusimaa", "somali") are labels, not
page text. A page type's `search_facts()` returns them, every label in every site
language (a Finnish visitor may well type "podcast" or "webinar"), and declares
`index.SearchField("search_facts")`.
"""

from django.conf import settings
from django.utils import translation


def every_language(*labels):
    """Each (lazily translated) label in every site language, once each."""
    texts = []
    for label in labels:
        if not label:
            continue
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                texts.append(str(label))
    return " ".join(dict.fromkeys(texts))


def every_translation(objects, field="name"):
    """The `field` of every locale's version of translatable objects (themes, series), once each."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return ""
    model = type(objects[0])
    values = model.objects.filter(translation_key__in={obj.translation_key for obj in objects}).values_list(
        field, flat=True
    )
    return " ".join(dict.fromkeys(values))


def join(*texts):
    return "\n".join(text for text in texts if text)
