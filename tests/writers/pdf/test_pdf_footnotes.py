"""Page-bottom footnotes: every note on the page of its call, read back with pdftotext.

The generated brief writes ``cueNx`` just before the call of note N and starts note N with
"Note N source", so the page of a call and the page of its note can both be found in the text.
"""

from __future__ import annotations

import io
import logging
import re

import pikepdf
import pytest

from briefexport.model import Brief, Footnote, FootnoteRef, Inline, Link, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers.pdf import footnotes, notes_stay, write
from support.briefs import LONG_URL, brief_with_blocks, long_brief, note, sentence
from support.pdf import page_texts

CUE = re.compile(r"cue(\d+)x")
NOTE = re.compile(r"Note (\d+) source")


def first_pages(pages: list[str], pattern: re.Pattern[str]) -> dict[int, int]:
    found: dict[int, int] = {}
    for number, text in enumerate(pages, start=1):
        for match in pattern.finditer(text):
            found.setdefault(int(match[1]), number)
    return found


def strays(pages: list[str]) -> dict[int, tuple[int | None, int | None]]:
    calls, notes = first_pages(pages, CUE), first_pages(pages, NOTE)
    keys = set(calls) | set(notes)
    return {
        key: (calls.get(key), notes.get(key)) for key in keys if calls.get(key) != notes.get(key)
    }


def test_long_brief_numbers_notes_in_call_order() -> None:
    brief = long_brief(pages=4, notes=8)
    numbers = [note.number for note in brief.footnotes]
    assert numbers == list(range(1, 9))


@pytest.fixture(scope="module")
def long() -> Brief:
    return long_brief(pages=40, notes=80)


@pytest.fixture(scope="module")
def long_pages(long: Brief) -> list[str]:
    data = write(long, default_options(long, pdf_standard="none"))
    return page_texts(data)


@pytest.mark.slow
def test_long_brief_is_about_forty_pages(long_pages: list[str]) -> None:
    assert 36 <= len(long_pages) <= 48


@pytest.mark.slow
def test_every_note_on_the_page_of_its_call(long_pages: list[str]) -> None:
    assert len(first_pages(long_pages, CUE)) == 80
    assert len(first_pages(long_pages, NOTE)) == 80
    assert strays(long_pages) == {}


@pytest.mark.slow
def test_every_note_printed_once(long_pages: list[str]) -> None:
    counts = [len(NOTE.findall(text)) for text in long_pages]
    assert sum(counts) == 80


@pytest.mark.slow
def test_weasyprint_alone_misplaces_some_notes(
    long: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the in-layout correction and the check after layout the same brief has stray
    # notes: the checks above can fail.
    monkeypatch.setattr(notes_stay, "install", lambda: False)
    monkeypatch.setattr(footnotes.FootnotePlacer, "place", lambda self: self.render(self.tree))
    data = write(long, default_options(long, pdf_standard="none"))
    assert strays(page_texts(data))


@pytest.mark.slow
def test_one_layout_places_every_note(long: Brief, monkeypatch: pytest.MonkeyPatch) -> None:
    # The in-layout correction alone: no check after layout, no second layout.
    monkeypatch.setattr(footnotes.FootnotePlacer, "place", lambda self: self.render(self.tree))
    data = write(long, default_options(long, pdf_standard="none"))
    pages = page_texts(data)
    assert len(first_pages(pages, NOTE)) == 80
    assert strays(pages) == {}


@pytest.mark.slow
def test_check_after_layout_alone_places_every_note(
    long: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What another WeasyPrint version gets: corrections after layout, one page at a time.
    monkeypatch.setattr(notes_stay, "install", lambda: False)
    data = write(long, default_options(long, pdf_standard="none"))
    pages = page_texts(data)
    assert len(first_pages(pages, NOTE)) == 80
    assert strays(pages) == {}


def test_note_called_twice_keeps_its_number() -> None:
    shared = note(1, "shared source.")
    other = note(2, "other source.")
    blocks = (
        Paragraph((Text("First call cue1x"), FootnoteRef(shared), Text(" and on."))),
        Paragraph((Text("Second note cue2x"), FootnoteRef(other), Text(" here."))),
        Paragraph((Text("Again the first"), FootnoteRef(shared), Text(" called."))),
    )
    brief = brief_with_blocks(blocks, (shared, other))
    pages = page_texts(write(brief, default_options(brief, pdf_standard="none")))
    text = "".join(pages)
    assert text.count("Note 1 source") == 1
    assert "Again the first1 called" in " ".join(text.split())
    assert strays(pages) == {}


def test_long_urls_stay_clickable_and_inside_the_page() -> None:
    url = LONG_URL + "/" + "segment-" * 12 + "end"
    notes = (Footnote("n1", 1, (Paragraph((Text("Note 1 source: "), *_link(url))),)),)
    brief = brief_with_blocks((Paragraph((Text("Text cue1x"), FootnoteRef(notes[0]))),), notes)
    data = write(brief, default_options(brief, pdf_standard="none"))
    document = pikepdf.open(io.BytesIO(data))
    page = document.pages[0]
    width = float(page.MediaBox[2])
    links = [a for a in page.get("/Annots", []) if a.get("/A") and a.A.get("/URI") == url]
    assert links, "the URL is a link annotation"
    for annotation in links:
        left, _, right, _ = (float(value) for value in annotation.Rect)
        assert 0 <= left < right <= width


def _link(url: str) -> tuple[Inline, ...]:
    return (Link(url, (Text(url),)),)


def test_very_long_note_becomes_an_endnote_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    import random

    rng = random.Random(3)
    huge = note(1, " ".join(sentence(rng, 14) for _ in range(120)))
    small = note(2, "small.")
    filler = [Paragraph((Text(" ".join(sentence(rng, 12) for _ in range(5))),)) for _ in range(3)]
    calls = (Text("Huge cue1x"), FootnoteRef(huge), Text(" then cue2x"), FootnoteRef(small))
    blocks = (*filler, Paragraph(calls))
    brief = brief_with_blocks(blocks, (huge, small))
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        data = write(brief, default_options(brief, pdf_standard="none"))
    moved = "PDF: footnote 'n1' printed as an endnote"  # the brief's id, not the PDF's fn-1
    assert any(r.getMessage().startswith(moved) for r in caplog.records)
    pages = page_texts(data)
    text = " ".join("".join(pages).split())
    assert text.index("Notes 1. Note 1 source") > text.index("Huge cue1x")
    assert first_pages(pages, NOTE)[2] == first_pages(pages, CUE)[2]
    assert first_pages(pages, CUE)[1] == 1, "no needless page break before the calling line"
    assert text.count("Note 1 source") == 1
