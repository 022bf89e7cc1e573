"""Generated 40- and 120-page briefs: every note on the page of its call, in one layout.

Each page is checked twice: from WeasyPrint's laid-out box tree, and independently from the
PDF with ``pdftotext -layout``, one page at a time. The generated brief writes ``cueNx`` just
before the call of note N and starts note N with "Note N source".
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from weasyprint import Document

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers.pdf import footnotes, write
from briefexport.writers.pdf.layout import Layout, read_layout
from support.briefs import long_brief

CUE = re.compile(r"cue(\d+)x")
NOTE = re.compile(r"Note\s+(\d+)\s+source")
SIZES = {"40 pages": (40, 80), "120 pages": (120, 240)}


@dataclass
class Printed:
    brief: Brief
    data: bytes
    layout: Layout
    """The final layout, read when placed (the writer lets the boxes go once drawn)."""
    pages: int
    layouts: int


def print_counting_layouts(brief: Brief) -> Printed:
    placed: list[Layout] = []
    pages: list[int] = []
    layouts: list[int] = []
    place = footnotes.FootnotePlacer.place

    def keep(self: footnotes.FootnotePlacer) -> Document:
        render = self.render

        def counted(tree: object) -> Document:
            layouts.append(1)
            return render(tree)  # type: ignore[arg-type]

        self.render = counted
        document = place(self)
        placed.append(read_layout(document))
        pages.append(len(document.pages))
        return document

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(footnotes.FootnotePlacer, "place", keep)
        data = write(brief, default_options(brief, pdf_standard="none"))
    return Printed(brief, data, placed[-1], pages[-1], len(layouts))


@pytest.fixture(scope="module", params=list(SIZES), ids=list(SIZES))
def printed(request: pytest.FixtureRequest) -> Printed:
    pages, notes = SIZES[request.param]
    return print_counting_layouts(long_brief(pages=pages, notes=notes))


def pdftotext_pages(data: bytes, folder: Path) -> list[str]:
    path = folder / "brief.pdf"
    path.write_bytes(data)
    with pikepdf.open(path) as pdf:
        count = len(pdf.pages)
    texts = []
    for number in range(1, count + 1):
        command = ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(path), "-"]
        texts.append(subprocess.run(command, capture_output=True, check=True).stdout.decode())
    return texts


def pages_of(texts: list[str], pattern: re.Pattern[str]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for number, text in enumerate(texts, start=1):
        for match in pattern.finditer(text):
            found.setdefault(int(match[1]), []).append(number)
    return found


@pytest.mark.slow
def test_laid_out_document_has_every_note_on_its_call_page(printed: Printed) -> None:
    layout = printed.layout
    expected = {f"fn-{note.number}" for note in printed.brief.footnotes}
    assert set(layout.calls) == expected
    assert set(layout.notes) == expected
    assert layout.misplaced() == []


@pytest.mark.slow
def test_one_layout_is_enough(printed: Printed) -> None:
    assert printed.layouts == 1


@pytest.mark.slow
def test_pdftotext_finds_every_note_on_its_call_page(printed: Printed, tmp_path: Path) -> None:
    texts = pdftotext_pages(printed.data, tmp_path)
    calls, notes = pages_of(texts, CUE), pages_of(texts, NOTE)
    numbers = [note.number for note in printed.brief.footnotes]
    assert sorted(calls) == numbers
    assert sorted(notes) == numbers
    assert all(len(pages) == 1 for pages in notes.values()), "each note printed once"
    assert {key: calls[key][0] for key in numbers} == {key: notes[key][0] for key in numbers}


@pytest.mark.slow
def test_brief_has_the_generated_length(printed: Printed) -> None:
    pages = printed.pages
    wanted = len(printed.brief.footnotes) // 2
    assert 0.85 * wanted <= pages <= 1.15 * wanted
