"""What a visitor can follow: new pages of four kinds, each filtered by its own theme vocabulary.

Good practices, thematic calls and events share the practices' themes (`practices.Theme`);
materials have the registry's own (`materials.MaterialTheme`). A subscription and a feed
name the themes by slug, which is the same in every language. No theme chosen means every
page of the kind.

The e-mail digest and the Atom feeds read the same pages (`kind_pages`): visible by the
one rule, written in the subscriber's language (aliases, the untranslated copies in the
Swedish and English trees, are left out, as in every feed), newest first.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cms.visibility import visible_pages
from materials.models import MaterialPage, MaterialTheme
from practices.models import PracticeCallPage, PracticeModelPage, Theme
from trainings.models import EventPage

MAX_VALUES = 30  # theme values read from one request; more are ignored


@dataclass(frozen=True)
class Vocabulary:
    name: str  # the subscription's field and the form's field holding the chosen slugs
    model: type
    label: str


@dataclass(frozen=True)
class Kind:
    key: str  # in feed addresses (/feeds/<key>.atom) and stored in subscriptions
    label: str
    model: type
    theme_field: str  # the page's relation to its themes (many-to-many or a foreign key)
    vocabulary: Vocabulary


THEMES = Vocabulary("themes", Theme, _("Themes of practices, calls and events"))
MATERIAL_THEMES = Vocabulary("material_themes", MaterialTheme, _("Themes of materials"))
VOCABULARIES = (THEMES, MATERIAL_THEMES)

KINDS = {
    kind.key: kind
    for kind in (
        Kind("practices", _("Good practices"), PracticeModelPage, "themes", THEMES),
        Kind("calls", _("Thematic calls"), PracticeCallPage, "theme", THEMES),
        Kind("events", _("Events and trainings"), EventPage, "themes", THEMES),
        Kind("materials", _("Materials"), MaterialPage, "themes", MATERIAL_THEMES),
    )
}


def kind_pages(kind, language, theme_slugs=()):
    """The visible pages of `kind` written in `language`, with one of the themes if any are given, newest first."""
    pages = visible_pages(kind.model.objects.filter(locale__language_code=language), aliases=False)
    if theme_slugs:
        with_theme = kind.model.objects.filter(**{f"{kind.theme_field}__slug__in": list(theme_slugs)})
        pages = pages.filter(pk__in=with_theme.values("pk"))
    return pages.order_by("-first_published_at", "-pk")


def known_slugs(vocabulary, values):
    """The values that are slugs of the vocabulary, in their order, each once; anything else is dropped."""
    known = set(vocabulary.model.objects.values_list("slug", flat=True))
    return [value for value in dict.fromkeys(values[:MAX_VALUES]) if value in known]


def terms(vocabulary, locale):
    """The vocabulary's terms in a language, by name: (slug, name) pairs for a form or a feed title."""
    return list(vocabulary.model.objects.filter(locale=locale).order_by("name").values_list("slug", "name"))
