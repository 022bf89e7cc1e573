"""Urdu set in Nastaliq (a brand's ``urdu_in_print``) takes the taller line heights the print
stylesheet gives it (its ``html.urdu-fonts[lang|="ur"]`` rules) in the Typst engine too: the
sheet reader names those rules, the house files ask for them, and the Typst PDF's lines are that
far apart. Latin words in an Urdu brief are measured (``pdftotext -bbox`` reads their baselines;
it cannot read Nastaliq's): their lines are the Urdu text's line boxes, with its leading."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from briefexport.model import Brief, Footnote, FootnoteRef, Paragraph, Section, Text
from briefexport.options import default_options
from briefexport.shared.brand import load_brand
from briefexport.shared.print_sheet import Css, MissingValueError, PrintSheet
from briefexport.shared.styles import default_style_dir
from briefexport.writers.typst import write
from briefexport.writers.typst.sheet import calls, print_values
from briefexport.writers.typst.style import house_rules
from support.docx import house_sheet
from support.pdf import WordBox, word_boxes
from support.typst import metadata

URDU = 'html.urdu-fonts[lang|="ur"]'
# The elements of each role of the house files' `urdu-heights`, as the sheet groups them: the
# first is the one the house files name.
ROLES = {
    "body": ("",),
    "notes": ("span.footnote", "section.endnotes", "footer.back"),
    "heading": ("h2", "h1", "h3", "h4", "p.series", "p.citation-label", "figcaption", "th"),
    "title": ("h1.title", "p.subtitle"),
}
SIZES = load_brand(default_style_dir()).sizes


def urdu_height(element: str) -> float:
    return house_sheet().number(Css(f"{URDU} {element}".strip(), "line-height"))


def test_the_sheet_reader_names_a_rule_by_a_quoted_attribute_and_its_is_choices() -> None:
    sheet = PrintSheet(
        'a[lang|="ur"] :is(h1, p.x) { line-height: 1.9 }\n'
        'a[lang|="ur"]\n  :is(h1.t, p.x) { line-height: 2.2 }'
    )
    assert sheet.number(Css('a[lang|="ur"] h1', "line-height")) == 1.9
    assert sheet.number(Css('a[lang|="ur"] p.x', "line-height")) == 2.2  # the later rule
    assert sheet.number(Css('a[lang|="ur"] h1.t', "line-height")) == 2.2
    assert sheet.number(Css('a[lang|="ur"] :is(h1, p.x)', "line-height")) == 1.9  # as written
    with pytest.raises(MissingValueError):
        sheet.number(Css('a[lang|="ur"] h2', "line-height"))


def test_a_house_files_call_may_quote_an_attribute_and_nothing_else() -> None:
    rules = r'css("a[lang|=\"ur\"] h2", "line-height") css("a\\b", "top") css("a", "b\"")'
    assert calls(rules) == (('a[lang|="ur"] h2', "line-height"),)


def test_the_urdu_line_heights_typst_gets_are_the_sheets() -> None:
    values = print_values(default_style_dir(), house_rules())
    for role, (named, *others) in ROLES.items():
        height = urdu_height(named)
        selector = f"{URDU} {named}".strip().replace('"', '\\"')
        assert f'"{selector} | line-height": {height:g},' in values, role
        assert [urdu_height(other) for other in others] == [height] * len(others), role


NOTE = "Notewords " + "of the sea wall " * 30
BODY = "Bodywords " + "of the harbour town " * 40
TITLE = "Titlewords of the long harbour and the rain that falls on its many roofs"
HEADING = "Headwords " + "of the sea gates " * 8


def nastaliq_brief() -> Brief:
    note = Footnote("n1", 1, (Paragraph((Text(NOTE),)),))
    body = Paragraph((Text(BODY), FootnoteRef(note)))
    section = Section(None, (Text(HEADING),), (body,))
    return Brief(metadata(TITLE, language="ur"), (section,), (note,))


def typeset(brief: Brief, nastaliq: bool) -> list[WordBox]:
    options = default_options(brief, pdf_engine="typst", pdf_standard="none")
    fonts = dataclasses.replace(options.brand.fonts, urdu_in_print=nastaliq)
    options = dataclasses.replace(options, brand=dataclasses.replace(options.brand, fonts=fonts))
    return word_boxes(write(brief, options))


def pitches(boxes: list[WordBox], text: str) -> set[float]:
    """How far apart (points) the lines of the paragraph ``text`` are, from the baselines of
    its words on the page of its first: from its first, up to the first word of letters not its
    own (a note's number, which poppler reads after its first line, is left out)."""
    words = set(text.split())
    start = next(at for at, box in enumerate(boxes) if box.text == text.split()[0])
    page = [box for box in boxes[start:] if box.page == boxes[start].page]
    run = itertools.takewhile(lambda box: box.text in words or not box.text.isalpha(), page)
    bottoms = sorted({round(box.bottom, 2) for box in run if box.text in words})
    return {round(below - above, 2) for above, below in itertools.pairwise(bottoms)}


@pytest.fixture(scope="module")
def nastaliq() -> list[WordBox]:
    return typeset(nastaliq_brief(), nastaliq=True)


@pytest.mark.parametrize(
    ("text", "element", "size"),
    [
        (BODY, "", "body"),
        (NOTE, "span.footnote", "footnote"),
        (HEADING, "h2", "heading_1"),
        (TITLE, "h1.title", "title"),
    ],
)
def test_urdu_lines_in_nastaliq_are_as_far_apart_as_the_sheet_sets_them(
    nastaliq: list[WordBox], text: str, element: str, size: str
) -> None:
    (pitch,) = pitches(nastaliq, text)  # two lines or more, all as far apart
    assert pitch == pytest.approx(urdu_height(element) * getattr(SIZES, size), abs=0.02)


def test_urdu_not_in_nastaliq_keeps_the_house_line_height() -> None:
    boxes = typeset(nastaliq_brief(), nastaliq=False)
    (pitch,) = pitches(boxes, BODY)
    assert pitch == pytest.approx(SIZES.line_height * SIZES.body, abs=0.02)
