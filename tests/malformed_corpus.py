"""Malformed input for every public parameter and form field: what an outside tester sends.

Each entry is a query-string fragment template with `{name}` where the parameter name
goes, already percent-encoded, so that byte sequences no UTF-8 text can produce (a lone
`%FF`, an overlong `/`, a surrogate) and shapes (repeated keys, PHP-style arrays) are
part of the corpus as well as odd text. The same fragment is sent as a query string for
GET parameters and as an `application/x-www-form-urlencoded` body for form fields.
"""

from dataclasses import dataclass
from urllib.parse import quote, unquote_to_bytes


@dataclass(frozen=True)
class Malformed:
    label: str
    template: str

    def fragment(self, name):
        return self.template.replace("{name}", quote(name, safe=""))

    def header(self):
        """The first value as a WSGI server passes a header on: its bytes read as Latin-1."""
        first = self.template.split("&")[0].partition("=")[2]
        return unquote_to_bytes(first).decode("latin-1")


def text_value(label, text):
    return Malformed(label, "{name}=" + quote(text, safe=""))


def raw_value(label, encoded):
    return Malformed(label, "{name}=" + encoded)


CONTROL_CHARACTERS = [text_value(f"control U+{code:04X}", f"a{chr(code)}b") for code in [*range(0x20), 0x7F]]
C1_AND_FORMAT_CHARACTERS = [
    text_value(f"U+{ord(char):04X}", f"a{char}b")
    for char in (
        "\x80", "\x85", "\x9f",  # C1 controls, NEL
        "\u00ad",  # soft hyphen
        "\u200b", "\u200c", "\u200d",  # zero width space, non-joiner, joiner
        "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",  # direction marks and overrides
        "\u2028", "\u2029",  # line and paragraph separators
        "\ufeff", "\ufffd", "\ufffe", "\uffff",  # BOM, replacement character, noncharacters
        "\ue000", "\U000f0000", "\U0010ffff",  # private use, the last code point
        "\U000e0041",  # a tag character
    )
]

# A few letters of every script in Unicode's basic and supplementary planes that the
# site's materials and visitors may use, and then some.
SCRIPTS = {
    "Latin Extended": 0x0100, "IPA": 0x0250, "Greek": 0x03B1, "Cyrillic": 0x0430, "Armenian": 0x0561,
    "Hebrew": 0x05D0, "Arabic": 0x0627, "Syriac": 0x0710, "Thaana": 0x0780, "NKo": 0x07CA,
    "Samaritan": 0x0800, "Devanagari": 0x0915, "Bengali": 0x0995, "Gurmukhi": 0x0A15, "Gujarati": 0x0A95,
    "Oriya": 0x0B15, "Tamil": 0x0B95, "Telugu": 0x0C15, "Kannada": 0x0C95, "Malayalam": 0x0D15,
    "Sinhala": 0x0D9A, "Thai": 0x0E01, "Lao": 0x0E81, "Tibetan": 0x0F40, "Myanmar": 0x1000,
    "Georgian": 0x10D0, "Hangul Jamo": 0x1100, "Ethiopic (Tigrinya)": 0x1200, "Cherokee": 0x13A0,
    "Canadian Syllabics": 0x1401, "Ogham": 0x1681, "Runic": 0x16A0, "Tagalog": 0x1700, "Khmer": 0x1780,
    "Mongolian": 0x1820, "Limbu": 0x1900, "Tai Le": 0x1950, "Buginese": 0x1A00, "Balinese": 0x1B05,
    "Sundanese": 0x1B83, "Lepcha": 0x1C00, "Ol Chiki": 0x1C5A, "Glagolitic": 0x2C00, "Coptic": 0x2C80,
    "Tifinagh": 0x2D30, "Hiragana": 0x3041, "Katakana": 0x30A1, "Bopomofo": 0x3105, "CJK": 0x4E00,
    "Yi": 0xA000, "Vai": 0xA500, "Bamum": 0xA6A0, "Hangul": 0xAC00, "Gothic": 0x10330,
    "Deseret": 0x10400, "Cuneiform": 0x12000, "Egyptian Hieroglyphs": 0x13000,
    "Mathematical Alphanumerics": 0x1D400, "Adlam": 0x1E900, "CJK Extension B": 0x20000,
    "Braille": 0x2801, "Box Drawing": 0x2500,
}
SCRIPT_SAMPLES = [
    text_value(f"script {script}", "".join(chr(start + offset) for offset in range(6)))
    for script, start in SCRIPTS.items()
]
UNICODE_TEXT = [
    text_value("Finnish", "kotoutuminen äöå ÄÖÅ"),
    text_value("Somali", "Soo dhawoow"),
    text_value("Sorani", "بەخێربێن"),
    text_value("Dari", "خوش آمدید"),
    text_value("Chinese", "欢迎来到芬兰"),
    text_value("emoji", "😀"),
    text_value("emoji family (ZWJ sequence)", "👩\u200d👩\u200d👧\u200d👦"),
    text_value("emoji flag", "🇫🇮"),
    text_value("emoji rainbow flag", "🏳️\u200d🌈"),
    text_value("mixed directions", "abc\u202eאבג\u202c123"),
    text_value("combining marks, 500", "a" + "\u0301" * 500),
    text_value("Zalgo", "k̷̛̖o̸̡͍t̶̰̾o̵̼͘"),
    text_value("decomposed Finnish", "a\u0308o\u0308"),
    text_value("fullwidth", "ｋｏｔｏｕｔｕｍｉｎｅｎ"),
    text_value("ligature", "ﬁ ﬂ ß ẞ"),
    text_value("Turkish dotless i", "İı"),
]

NUMBERS = [
    text_value(f"number {text}", text)
    for text in (
        "0", "-0", "-1", "1", "01", "00000000000000000001", "+1", " 1", "1 ", "1.0", "1,5", "1e3",
        "2147483647", "2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "999999999999999999999", "-999999999999999999999", "9" * 400,
        "1e308", "1e309", "-1e309", "1e-400", "inf", "-inf", "Infinity", "NaN", "nan",
        "0x10", "0o17", "0b101", "1_000", "١٢٣", "۱۲۳", "१२३", "１２３", "²", "Ⅻ", "½", "𝟗",
    )
]

OVERLONG = [
    text_value("2 000 ×a", "a" * 2000),
    text_value("100 000 ×a", "a" * 100_000),
    text_value("5 000 ×ä", "ä" * 5000),
    text_value("2 000 emoji", "😀" * 2000),
    text_value("1 000 ×-", "-" * 1000),
    text_value("1 000 spaces", " " * 1000),
    text_value("1 000 ×%", "%" * 1000),
    text_value("1 000 slug parts", "a-" * 1000),
    text_value("10 000 words", "sana " * 10_000),
    text_value("3 001 characters", "x" * 3001),
]

SYNTAX = [
    text_value(f"syntax {text!r}", text)
    for text in (
        "", " ", "\u00a0", "\u3000", "\t\n", "'", '"', "`", "\\", "/", "//", "../../../../etc/passwd",
        "' OR '1'='1", "'; DROP TABLE wagtailcore_page;--", ";--", "1; SELECT pg_sleep(1)", "%", "_", "%_%",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "&lt;&gt;",
        "{{ 7|add:7 }}", "{% debug %}", "%s", "%(title)s", "{0}", "${jndi:ldap://x}", "#{1+1}",
        "*", "**", "?", ":", "a:*", "a & b", "a | b", "!a", "a <-> b", "(", ")", "()", "[", "]",
        "a AND", "OR", "NOT", "NEAR(a b)", '"unclosed', "a^2", "-a", "+a", "~a", "a*b*c*",
        "None", "null", "undefined", "true", "false", "[]", "{}", "__proto__", "constructor",
        "\\u0000", "\\x00", "=", "&", "?a=b", "#frag", "a\r\nSet-Cookie: x=1", "a\r\nBcc: x@example.com",
        "http://example.com/", "//example.com", "mailto:x@example.com", "data:text/html,x",
    )
]

INVALID_UTF8 = [
    raw_value(f"bytes {encoded}", encoded)
    for encoded in (
        "%FF", "%FE%FF", "%C3%28", "%A0%A1", "%E2%28%A1", "%E2%82%28", "%F0%28%8C%BC", "%F0%90%28%BC",
        "%F8%A1%A1%A1%A1", "%FC%A1%A1%A1%A1%A1", "%C0%AF", "%C0%80", "%E0%80%AF", "%F0%80%80%AF",
        "%ED%A0%80", "%ED%BF%BF", "%ED%A0%BD%ED%B8%80", "%F4%90%80%80", "%E4", "k%E4ytt%F6", "%80", "%9F",
        "a%00", "%FF%FEa%00", "%FE%FF%00a", "%EF%BB%BF", "%", "%%", "%G0", "%2", "%u00e4", "%25FF",
        "%2525", "%00", "+", "%2B", "a%0D%0Ab", "a%0A%0Db",
    )
]

SHAPES = [
    Malformed("repeated key ×2", "{name}=a&{name}=b"),
    Malformed("repeated key ×100", "&".join(["{name}=a"] * 100)),
    Malformed("repeated key ×3 000, distinct", "&".join(f"{{name}}=v{n}" for n in range(3000))),
    Malformed("more fields than allowed", "&".join(["{name}=a"] * 10_001)),
    Malformed("repeated key, one huge number", "{name}=1&{name}=999999999999999999999"),
    Malformed("array []", "{name}[]=a"),
    Malformed("array [] ×2", "{name}[]=a&{name}[]=b"),
    Malformed("array [0]", "{name}[0]=a"),
    Malformed("nested array", "{name}[a][b]=c"),
    Malformed("comma list", "{name}=a,b,c"),
    Malformed("key without =", "{name}"),
    Malformed("empty value twice", "{name}=&{name}="),
    Malformed("value with =", "{name}==a=b"),
    Malformed("empty pairs around", "&&{name}=a&&"),
    Malformed("semicolon separator", "{name}=a;b=c"),
    Malformed("dotted key", "{name}.x=1"),
    Malformed("upper-case key", "{name}=1&" + "{name}".upper() + "=2"),
    Malformed("JSON value", "{name}=" + quote('{"a": [1, 2]}')),
    Malformed("key with a NUL", "{name}%00=1"),
    Malformed("key in invalid UTF-8", "{name}%FF=1"),
]

CORPUS = [
    *CONTROL_CHARACTERS,
    *C1_AND_FORMAT_CHARACTERS,
    *SCRIPT_SAMPLES,
    *UNICODE_TEXT,
    *NUMBERS,
    *OVERLONG,
    *SYNTAX,
    *INVALID_UTF8,
    *SHAPES,
]

# For a parameter whose value is looked up among known ones (a facet's slugs, a page number, an
# id, a language code, a signed or hidden field), letters of one more script or one more control
# character are one more "no such value": of those three families a few of each kind stay (first
# and last, right-to-left, combining, outside the basic plane; NUL, tab, line ends, escape, DEL;
# C1, BOM, direction override, noncharacters, the last code point, a tag), every other family
# whole. Free text (stored, searched, shown again) gets the whole CORPUS.
LOOKUP_KEPT = {
    "script Latin Extended", "script Hebrew", "script Arabic", "script Devanagari", "script Thai", "script CJK",
    "script Hangul", "script Gothic", "script Egyptian Hieroglyphs", "script CJK Extension B",
    "script Mathematical Alphanumerics", "script Box Drawing",
    "control U+0000", "control U+0009", "control U+000A", "control U+000D", "control U+001B", "control U+001F",
    "control U+007F", "U+0080", "U+0085", "U+200B", "U+202E", "U+2028", "U+FEFF", "U+FFFF", "U+10FFFF", "U+E0041",
}
THINNED = {*SCRIPT_SAMPLES, *CONTROL_CHARACTERS, *C1_AND_FORMAT_CHARACTERS}
LOOKUP_CORPUS = [value for value in CORPUS if value not in THINNED or value.label in LOOKUP_KEPT]

