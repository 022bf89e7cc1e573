"""The real seed brief, imported from its text, printed as PDF: house style and page notes."""

from __future__ import annotations

import pytest
from weasyprint import Document

from briefexport.inlines import plain_text
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.typeset import typeset
from briefexport.writers.pdf import footnotes, write
from briefexport.writers.pdf.layout import Layout, read_layout
from support.pdf import page_texts


@pytest.fixture(scope="module")
def rendered(seed_brief: Brief) -> tuple[bytes, Layout]:
    """The PDF and its final layout, read when placed (the writer lets the boxes go once
    drawn)."""
    placed: list[Layout] = []
    place = footnotes.FootnotePlacer.place

    def keep(self: footnotes.FootnotePlacer) -> Document:
        document = place(self)
        placed.append(read_layout(document))
        return document

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(footnotes.FootnotePlacer, "place", keep)
        data = write(seed_brief, default_options(seed_brief))
    return data, placed[-1]


@pytest.fixture(scope="module")
def pages(rendered: tuple[bytes, Layout]) -> list[str]:
    return [" ".join(page.split()) for page in page_texts(rendered[0])]


def test_every_note_on_the_page_of_its_call(rendered: tuple[bytes, Layout]) -> None:
    layout = rendered[1]
    assert len(layout.calls) == len(layout.notes) > 0
    assert layout.misplaced() == []


def test_each_note_printed_once_in_number_order(seed_brief: Brief, pages: list[str]) -> None:
    text = " ".join(pages)
    positions = []
    for note in typeset(seed_brief).footnotes:  # printed with typographic quotes
        start = plain_text(note.paragraphs[0].children)[:30]
        assert text.count(start) == 1, start
        positions.append(text.index(start))
    assert positions == sorted(positions)


def test_first_page_reads_like_the_house_style(seed_brief: Brief, pages: list[str]) -> None:
    first = pages[0]
    order = [
        plain_text(seed_brief.meta.title).upper()[:20],
        "By",
        seed_brief.meta.authors[0].name.display,
        "Edited by",
        "June 14, 2024",
    ]
    at = [first.upper().index(item.upper()) for item in order]
    assert at == sorted(at)
