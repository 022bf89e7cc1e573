"""A call of the reference list ("[1]") stands on the line in the web page and the e-book, as in
print, not raised as a note's call is (common.css; laid out by WeasyPrint from the written
files)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import weasyprint

import briefexport
from support.paths import TOUR
from support.pdf import WordBox, baseline_boxes


def laid_out(fmt: str, folder: Path) -> list[WordBox]:
    """The feature tour's page (HTML) or its text document (EPUB), as WeasyPrint lays it out
    with the format's own style sheet."""
    brief = briefexport.load(TOUR)
    if fmt == "html":
        page = briefexport.export(brief, "html", folder / "tour.html")
    else:
        with zipfile.ZipFile(briefexport.export(brief, "epub", folder / "tour.epub")) as book:
            book.extractall(folder / "book")
        page = folder / "book" / "EPUB" / "brief.xhtml"
    return baseline_boxes(weasyprint.HTML(filename=page).write_pdf())


def word_after(boxes: list[WordBox], before: str) -> tuple[WordBox, WordBox]:
    index = next(i for i, box in enumerate(boxes) if box.text == before)
    return boxes[index], boxes[index + 1]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["html", "epub"])
def test_a_reference_call_stands_on_the_line(fmt: str, tmp_path: Path) -> None:
    boxes = laid_out(fmt, tmp_path)
    word, reference = word_after(boxes, "inland")  # "... a kilometre inland [1]."
    assert reference.text == "[1]."
    assert reference.bottom == pytest.approx(word.bottom, abs=0.1)
