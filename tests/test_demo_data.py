"""The demo's data files and the toolkit that reads them (cms/demo.py), without building the site."""

import io
import re
from collections import Counter, defaultdict

from PIL import Image

from cms.demo import IMAGE_SIZE, LANGUAGES, DemoContext, Ref, data_files, draw_image, is_text, pdf
from cms.vocabulary import Region
from home.choices import CallRound, PilotTheme


def pilot_rows():
    (projects,) = [file for file in data_files() if file.path.name == "projects.yaml"]
    (hyva_alku,) = [page for page in projects.data["pages"][0]["children"] if page["slug"] == "hyva-alku"]
    (pilots,) = hyva_alku["children"]
    return pilots, pilots["for_each"]


def test_twenty_eight_pilots_across_four_calls_with_known_values():
    _template, rows = pilot_rows()
    assert len(rows) == 28
    assert Counter(row["round"] for row in rows) == {1: 7, 2: 7, 3: 7, 4: 7}
    assert {row["round"] for row in rows} <= set(CallRound.values)
    assert {row["theme"] for row in rows} == set(PilotTheme.values)
    assert {row["region"] for row in rows} <= set(Region.values)


def test_pilot_titles_are_unique_in_every_language():
    template, rows = pilot_rows()
    ctx = DemoContext(user=None, progress=None, objects=defaultdict(str))  # documents and images are not made here
    for language in LANGUAGES:
        titles = [ctx.resolve(template["title"], language, row) for row in rows]
        assert len(set(titles)) == 28, language
        assert not any("{" in title for title in titles)


def walk(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def test_every_text_is_given_in_the_three_languages():
    for file in data_files():
        for value in walk(file.data):
            if isinstance(value, dict) and value.keys() & set(LANGUAGES):
                assert value.keys() == set(LANGUAGES), (file.path.name, value)


def test_texts_have_the_same_html_structure_in_every_language():
    """wagtail-localize matches translations to source strings by structure; tags must agree."""
    for file in data_files():
        for value in walk(file.data):
            if is_text(value) and all(isinstance(value[language], str) for language in LANGUAGES):
                tags = {language: re.findall(r"</?\w+", value[language]) for language in LANGUAGES}
                assert tags["fi"] == tags["sv"] == tags["en"], (file.path.name, value["fi"][:60])


def test_every_reference_names_something_the_data_makes():
    made, used = set(), set()
    for file in data_files():
        for kind in ("documents", "images"):
            made |= {f"{kind[:-1]}:{key}" for key in file.data.get(kind, {})}
        for label, entries in {**file.data.get("snippets", {}), **file.data.get("links", {})}.items():
            made |= {f"snippet:{label.split('.')[1].lower()}:{key}" for key in entries}
        for value in walk(file.data.get("pages", [])):
            if isinstance(value, dict) and "model" in value and "slug" in value:
                made.add(f"page:{value['slug']['fi'] if is_text(value['slug']) else value['slug']}")
        used |= {f"{value.kind}:{value.key}" for value in walk(file.data) if isinstance(value, Ref) and value.kind != "alt"}
    assert used - made == set()


def test_generated_pdf_is_well_formed():
    document = pdf("Mallinnusraportti: nivelvaiheen palvelu (2018)")
    assert document.startswith(b"%PDF-1.4") and document.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)", document).group(1))
    assert document[start:].startswith(b"xref")
    for number, offset in enumerate(re.findall(rb"(\d{10}) 00000 n", document), start=1):
        assert document[int(offset) :].startswith(b"%d 0 obj" % number)
    assert b"nivelvaiheen palvelu \\(2018\\)" in document


def test_images_are_small_deterministic_jpegs_that_differ_by_key():
    colours = ["#1d3557", "#e9c46a", "#2a9d8f", "#f4a261"]
    for motif in ("network", "path", "bubbles", "houses", "circles"):
        first = draw_image(f"test-{motif}", motif, colours)
        assert draw_image(f"test-{motif}", motif, colours) == first
        assert draw_image(f"other-{motif}", motif, colours) != first
        picture = Image.open(io.BytesIO(first))
        assert picture.format == "JPEG" and picture.size == IMAGE_SIZE
        assert len(first) < 150_000
        assert len(picture.resize((24, 14)).getcolors(24 * 14)) > 3, f"{motif}: an image, not a flat colour"
