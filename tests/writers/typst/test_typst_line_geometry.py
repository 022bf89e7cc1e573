"""The Typst PDF sets its lines where the WeasyPrint PDF, the reference, sets them: each line in
a box as tall as CSS's line box (so the first line of a page starts as low as in CSS), rules
that take room as CSS borders do (the series label's, a table's rows), superscripts and note
calls at the sheet's size and offset, and notes printed away from the page foot numbered as at
the foot. Positions are read back with ``pdftotext -bbox``: a word's ``bottom`` is its
baseline plus the font's descent, the same in both engines for the same font and size."""

from __future__ import annotations

import itertools

import pytest

import briefexport
from briefexport.model import (
    Brief,
    Footnote,
    FootnoteRef,
    Paragraph,
    Styled,
    Text,
    TextStyle,
)
from briefexport.options import PdfEngine
from support.paths import TOUR
from support.pdf import WordBox
from support.typst import metadata

from .test_typst_sheet_layout import typeset

Boxes = dict[PdfEngine, list[WordBox]]
ENGINES = (PdfEngine.WEASYPRINT, PdfEngine.TYPST)
# Words that start a line of the tour's title page, from the series label to the text.
TITLE_PAGE = (
    "POLICY", "Cool", "Planning", "By", "Mireille", "Senior", "Jonas", "Edited", "November",
    "Institute", "Abstract", "Keywords:", "Extreme",
)  # fmt: skip
ROWS = ("District", "Old", "Container", "Hillside", "Riverside")


@pytest.fixture(scope="module")
def tour() -> Boxes:
    brief = briefexport.load(TOUR)
    return {engine: typeset(brief, engine) for engine in ENGINES}


def sample() -> Brief:
    called = Footnote("n1", 1, (Paragraph((Text("Calledwords of the note."),)),))
    uncalled = Footnote("n2", 2, (Paragraph((Text("Uncalledwords " + "of the sea wall " * 9),)),))
    volume = Styled(TextStyle.SUPERSCRIPT, (Text("3"),))
    carbon = Styled(TextStyle.SUBSCRIPT, (Text("2"),))
    body = (
        Paragraph(
            (Text("Cubewords of water: 40 m"), volume, Text(" a day.")),
        ),
        # apart from the words around them, for pdftotext to give them as words of their own
        Paragraph((Text("Gaswords: CO "), carbon, Text(" in the air "), FootnoteRef(called))),
    )
    return Brief(metadata(), body, (called, uncalled))


@pytest.fixture(scope="module")
def small() -> Boxes:
    brief = sample()
    return {engine: typeset(brief, engine) for engine in ENGINES}


def page_words(boxes: list[WordBox], page: int) -> list[WordBox]:
    return [box for box in boxes if box.page == page]


def first(boxes: list[WordBox], word: str, after: str | None = None) -> WordBox:
    start = 0 if after is None else next(i for i, b in enumerate(boxes) if b.text == after)
    return next(box for box in boxes[start:] if box.text == word)


def test_the_title_pages_lines_stand_where_weasyprint_sets_them(tour: Boxes) -> None:
    reference, typst = (page_words(tour[engine], 1) for engine in ENGINES)
    for word in TITLE_PAGE:
        assert first(typst, word).bottom == pytest.approx(first(reference, word).bottom, abs=0.3)


def test_a_tables_rows_are_as_far_apart_as_weasyprints(tour: Boxes) -> None:
    # Each row makes room for half of the rules above and below it (collapsed CSS borders).
    def pitches(boxes: list[WordBox]) -> list[float]:
        bottoms = [first(boxes, word, after="Table").bottom for word in ROWS]
        return [below - above for above, below in itertools.pairwise(bottoms)]

    reference, typst = (pitches(page_words(tour[engine], 2)) for engine in ENGINES)
    assert typst == pytest.approx(reference, abs=0.1)


def raised(boxes: list[WordBox], script: str, word: str) -> tuple[float, float]:
    """The height of the script's box and how far its bottom stands above the word's line."""
    line = first(boxes, word)
    mark = next(box for box in boxes if box.text == script and abs(box.top - line.top) < 8)
    return mark.bottom - mark.top, line.bottom - mark.bottom


@pytest.mark.parametrize(
    ("script", "word"), [("3", "Cubewords"), ("2", "Gaswords:"), ("1", "Gaswords:")]
)
def test_scripts_and_calls_have_the_sheets_size_and_offset(
    small: Boxes, script: str, word: str
) -> None:
    reference, typst = (raised(small[engine], script, word) for engine in ENGINES)
    assert typst == pytest.approx(reference, abs=0.2)


def test_an_uncalled_notes_number_starts_its_line_as_in_weasyprint(small: Boxes) -> None:
    for boxes in small.values():
        number, text = first(boxes, "2."), first(boxes, "Uncalledwords")
        assert number.bottom == pytest.approx(text.bottom, abs=0.1)  # one line: the text runs on
    reference, typst = (first(small[engine], "Uncalledwords") for engine in ENGINES)
    assert typst.bottom == pytest.approx(reference.bottom, abs=0.3)
    assert typst.left == pytest.approx(reference.left, abs=0.3)


def test_a_quotations_attribution_ends_where_weasyprint_ends_it(tour: Boxes) -> None:
    reference, typst = (first(tour[engine], "Council", after="Amina") for engine in ENGINES)
    assert (typst.right, typst.bottom) == pytest.approx(
        (reference.right, reference.bottom), abs=0.3
    )


def test_the_running_head_stands_where_weasyprint_sets_it(tour: Boxes) -> None:
    # its line box in the page's line height, on the margin box's padding (was 0.15 pt low)
    reference, typst = (page_words(tour[engine], 2) for engine in ENGINES)
    for word in ("Cool", "November"):
        assert first(typst, word).bottom == pytest.approx(first(reference, word).bottom, abs=0.03)
