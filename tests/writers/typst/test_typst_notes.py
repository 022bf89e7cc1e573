"""Every note on the page of its call, for the examples, the Urdu brief and the real seed.

Two witnesses that do not share code: Typst's own query gives the page of each note's first
call; poppler's pdftotext gives the page that holds the note's text. They must agree.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import briefexport
from briefexport.importers import import_file
from briefexport.inlines import plain_text
from briefexport.model import Brief
from briefexport.shared.i18n import is_rtl
from briefexport.shared.typeset import typeset as smart_typeset
from briefexport.writers.typst import Typeset, typeset
from support.paths import EXAMPLES, SEED, URDU, require_shared
from support.pdf import page_texts, pdf_text
from support.typst import flat, typst_options

SOURCES = [*sorted(EXAMPLES.glob("*.xml")), URDU, SEED]


def load(path: Path) -> Brief:
    if path.suffix == ".txt":
        return import_file(require_shared(path))
    return briefexport.load(path)


@pytest.fixture(scope="module", params=SOURCES, ids=lambda path: path.name)
def printed(request: pytest.FixtureRequest) -> tuple[Brief, Typeset]:
    brief = load(request.param)
    # the PDF prints the brief with smart typography: compare with the typographic text
    return smart_typeset(brief), typeset(brief, typst_options(brief))


def on_page(brief: Brief, number: int, page: str) -> bool:
    """Whether ``page`` holds the note's first paragraph: a stretch of its letters, or every
    word of it in a right-to-left brief (pdftotext may order such lines differently)."""
    note = next(note for note in brief.footnotes if note.number == number)
    text = plain_text(note.paragraphs[0].children)
    if is_rtl(brief.meta.language):
        return all(word in bare(page) for word in re.findall(r"\w+", bare(text)))
    return flat(text)[:40] in flat(page)


def bare(text: str) -> str:
    """Text without combining marks or format characters, which pdftotext may move."""
    return "".join(char for char in text if unicodedata.category(char)[0] not in "MC")


def test_typst_and_poppler_agree_every_note_is_on_its_calls_page(
    printed: tuple[Brief, Typeset], tmp_path: Path
) -> None:
    brief, result = printed
    pages = page_texts(result.pdf)
    assert result.notes, "the brief has page notes"
    for note in result.notes:
        number = int(note.label.removeprefix("fn-"))
        holding = [index + 1 for index, text in enumerate(pages) if on_page(brief, number, text)]
        assert note.page == note.call_page, f"Typst: note {number} is not on its call's page"
        assert holding == [note.call_page], f"pdftotext: note {number} printed on {holding}"


def test_every_note_is_printed_once_in_number_order(printed: tuple[Brief, Typeset]) -> None:
    brief, result = printed
    expected = [
        note.number for note in brief.footnotes if note.number not in result.layout.endnotes
    ]
    assert [int(note.label.removeprefix("fn-")) for note in result.notes] == expected


def test_calls_side_by_side_are_separated() -> None:
    seed = load(SEED)
    text = pdf_text(typeset(seed, typst_options(seed)).pdf)
    # "Moscow4,5" in the seed: two notes called one after the other read as 4,5, not 45
    assert "Moscow4,5" in flat(text)
