"""The languages a material can exist in: far more than the site's own three.

A curated list, not a table in the database: the codes are BCP 47 language tags built
from ISO 639 (two-letter 639-1 where it exists, otherwise three-letter 639-3, e.g.
`prs` Dari, `ckb` Sorani, `kmr` Kurmanji, `fse` Finnish Sign Language), so they go
straight into `lang` attributes. Each language knows its own name (endonym), its
English name (translated for visitors through gettext) and its script direction, so a
screen reader reads an Arabic title as Arabic and the browser renders it right to left.

Adding a language is a one-line change here; the choices of `MaterialVersion.language`
follow (Django records choices in migrations, so run `makemigrations materials`).
"""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    endonym: str
    name: str  # English name, lazily translated into the active site language
    direction: str = "ltr"

    @property
    def is_rtl(self):
        return self.direction == "rtl"

    @property
    def label(self):
        """'Arabic – العربية' (the English part in the active site language)."""
        return format_lazy("{} – {}", self.name, self.endonym)


LANGUAGES = [
    # The 14 languages of the "Ymmärrä Suomea" video series first.
    Language("fi", "Suomi", _("Finnish")),
    Language("sv", "Svenska", _("Swedish")),
    Language("ar", "العربية", _("Arabic"), "rtl"),
    Language("so", "Soomaali", _("Somali")),
    Language("en", "English", _("English")),
    Language("ru", "Русский", _("Russian")),
    Language("kmr", "Kurmancî", _("Kurdish (Kurmanji)")),
    Language("prs", "دری", _("Dari"), "rtl"),
    Language("ckb", "کوردی", _("Kurdish (Sorani)"), "rtl"),
    Language("et", "Eesti", _("Estonian")),
    Language("fr", "Français", _("French")),
    Language("ti", "ትግርኛ", _("Tigrinya")),
    Language("th", "ไทย", _("Thai")),
    Language("zh", "中文", _("Chinese")),
    # Other languages spoken by people moving to Finland, and Finland's own.
    Language("fa", "فارسی", _("Persian (Farsi)"), "rtl"),
    Language("ps", "پښتو", _("Pashto"), "rtl"),
    Language("ur", "اردو", _("Urdu"), "rtl"),
    Language("he", "עברית", _("Hebrew"), "rtl"),
    Language("uk", "Українська", _("Ukrainian")),
    Language("es", "Español", _("Spanish")),
    Language("pt", "Português", _("Portuguese")),
    Language("de", "Deutsch", _("German")),
    Language("it", "Italiano", _("Italian")),
    Language("tr", "Türkçe", _("Turkish")),
    Language("vi", "Tiếng Việt", _("Vietnamese")),
    Language("am", "አማርኛ", _("Amharic")),
    Language("om", "Afaan Oromoo", _("Oromo")),
    Language("sw", "Kiswahili", _("Swahili")),
    Language("yo", "Yorùbá", _("Yoruba")),
    Language("ro", "Română", _("Romanian")),
    Language("pl", "Polski", _("Polish")),
    Language("bg", "Български", _("Bulgarian")),
    Language("lt", "Lietuvių", _("Lithuanian")),
    Language("lv", "Latviešu", _("Latvian")),
    Language("sq", "Shqip", _("Albanian")),
    Language("bs", "Bosanski", _("Bosnian")),
    Language("hr", "Hrvatski", _("Croatian")),
    Language("sr", "Српски", _("Serbian")),
    Language("el", "Ελληνικά", _("Greek")),
    Language("hu", "Magyar", _("Hungarian")),
    Language("hi", "हिन्दी", _("Hindi")),
    Language("bn", "বাংলা", _("Bengali")),
    Language("ne", "नेपाली", _("Nepali")),
    Language("ta", "தமிழ்", _("Tamil")),
    Language("my", "မြန်မာ", _("Burmese")),
    Language("tl", "Tagalog", _("Tagalog")),
    Language("uz", "Oʻzbekcha", _("Uzbek")),
    Language("ja", "日本語", _("Japanese")),
    Language("ko", "한국어", _("Korean")),
    Language("se", "Davvisámegiella", _("Northern Sami")),
    Language("smn", "Anarâškielâ", _("Inari Sami")),
    Language("rmf", "Kaalengo tšimb", _("Finnish Romani")),
    Language("fse", "Suomalainen viittomakieli", _("Finnish Sign Language")),
]

LANGUAGES_BY_CODE = {language.code: language for language in LANGUAGES}

# Stored values are the codes; the labels are what editors pick from.
LANGUAGE_CHOICES = [(language.code, language.label) for language in LANGUAGES]


def get_language(code):
    """The `Language` for a code, or None for a code not (or no longer) in the list."""
    return LANGUAGES_BY_CODE.get(code)
