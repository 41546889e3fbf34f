"""Which language a locale is, and PostgreSQL's analysis of it (the engines': `analysis.py`)."""

import re

from .documents import has_locale  # noqa: F401 - the engine backend imports it from here

# Language code (Locale.language_code, first part) -> PostgreSQL text search configuration.
POSTGRES_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
# Used for objects and locales without a known language, and for models without a locale.
DEFAULT_POSTGRES_CONFIG = "simple"

# Finnish nouns and adjectives in -inen (kotoutuminen, suomalainen, nainen) change their stem
# to -ise- in every other form (kotoutumisen, kotoutumiseen, kotoutumiset). The Snowball
# stemmer leaves the two apart ('kotoutumin' / 'kotoutumis'), so the nominative is rewritten
# to the genitive before stemming, on both the indexed text and the query.
_FINNISH_INEN = re.compile(r"\b(\w{2,}i)nen\b", re.IGNORECASE)


def language_of(language_code):
    """'fi-FI' -> 'fi'; None stays None."""
    if not language_code:
        return None
    return language_code.split("-")[0].split("_")[0].lower()


def postgres_config_for(language_code):
    return POSTGRES_CONFIGS.get(language_of(language_code), DEFAULT_POSTGRES_CONFIG)


def normalise_finnish(text):
    return _FINNISH_INEN.sub(r"\1sen", text)


def normalise_for_config(text, config):
    """Language-specific rewriting done before PostgreSQL's own stemming."""
    if config == "finnish" and text:
        return normalise_finnish(text)
    return text
