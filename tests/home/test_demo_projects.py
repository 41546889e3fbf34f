"""The demo's pilot table and generated reports: facts right, texts parallel in all languages."""

import re
from collections import Counter

from cms.demo import T, resolve
from home import demo_projects
from home.choices import CallRound, PilotTheme, Region


def test_twenty_eight_pilots_across_four_calls():
    pilots = demo_projects.PILOTS
    assert len(pilots) == 28
    assert Counter(call_round for call_round, _, _ in pilots) == {1: 7, 2: 7, 3: 7, 4: 7}
    assert {call_round for call_round, _, _ in pilots} <= set(CallRound.values)
    assert {theme for _, theme, _ in pilots} == set(PilotTheme.values)
    assert all(region in Region.values for _, _, (_, region) in pilots)
    titles = [demo_projects.pilot(n, facts, fake_documents())["title"].fi for n, facts in enumerate(pilots)]
    assert len(set(titles)) == 28, "titles (and so slugs) are unique under Hyvä alku"


def strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in strings(item)]
    return []


def test_pilot_texts_have_the_same_structure_in_every_language():
    for number, facts in enumerate(demo_projects.PILOTS):
        spec = demo_projects.pilot(number, facts, fake_documents())
        shapes = {language: len(strings(resolve(spec, language))) for language in ("fi", "sv", "en")}
        assert len(set(shapes.values())) == 1, shapes
        assert isinstance(spec["summary"], T)


def test_generated_pdf_is_well_formed():
    pdf = demo_projects.minimal_pdf("Mallinnusraportti: nivelvaiheen palvelu (2018)")
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) < 1000
    start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[start:].startswith(b"xref")
    for number, offset in enumerate(re.findall(rb"(\d{10}) 00000 n", pdf), start=1):
        assert pdf[int(offset):].startswith(b"%d 0 obj" % number)
    assert b"nivelvaiheen palvelu \\(2018\\)" in pdf


class FakeDocument:
    def __init__(self, pk):
        self.pk = pk


def fake_documents():
    return {
        "modelling": {theme: FakeDocument(index) for index, theme in enumerate(PilotTheme.values, start=1)},
        "evaluation": FakeDocument(10),
        "product_cards": [FakeDocument(20)],
    }
