"""The layout's memory given back before writing (writers/pdf/release.py): same bytes, no boxes,
no full collection while a PDF is written."""

from __future__ import annotations

import contextlib
import gc
import io
from types import SimpleNamespace
from typing import Any

import pikepdf
import pytest

from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import release
from support.briefs import long_brief
from support.written_pdfs import written_pdf


def test_released_boxes_change_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    brief = long_brief(pages=3, notes=6)
    # shorter than a long document, the brief keeps its boxes and is not collected: the PDF
    # written with the defaults (once per process, as the test below does too) is the kept one
    kept = written_pdf(brief)
    with pikepdf.open(io.BytesIO(kept)) as document:
        assert len(document.pages) < release.LONG_DOCUMENT_PAGES
    monkeypatch.setattr(release, "LONG_DOCUMENT_PAGES", 2)  # collected as a long brief would be
    released = pdf.write(brief, default_options(brief))
    assert released == kept


def test_only_long_documents_are_collected(monkeypatch: pytest.MonkeyPatch) -> None:
    collections: list[int] = []

    def counted_collect() -> int:
        collections.append(1)
        return 0

    monkeypatch.setattr(gc, "collect", counted_collect)
    short = SimpleNamespace(pages=[SimpleNamespace()] * (release.LONG_DOCUMENT_PAGES - 1))
    long = SimpleNamespace(pages=[SimpleNamespace()] * release.LONG_DOCUMENT_PAGES)
    release.collect_layout_garbage(short)
    assert not collections
    release.collect_layout_garbage(long)
    assert collections == [1]


def test_a_short_document_keeps_its_boxes() -> None:
    pages = [SimpleNamespace(_page_box="boxes", links=["link"], anchors={})]
    short = SimpleNamespace(pages=pages * (release.LONG_DOCUMENT_PAGES - 1))
    release.release_boxes(short, None)
    assert pages[0]._page_box == "boxes"
    assert pages[0].links == ["link"]


def test_boxes_are_let_go_before_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    original = release.release_boxes

    def watching(document: Any, written: Any) -> None:
        assert all(page._page_box is not None for page in document.pages)
        original(document, written)
        seen.append(document)

    monkeypatch.setattr(release, "release_boxes", watching)
    monkeypatch.setattr(release, "LONG_DOCUMENT_PAGES", 2)  # as long briefs are
    brief = long_brief(pages=2, notes=2)
    pdf.write(brief, default_options(brief))
    assert all(page._page_box is None and not page.links for page in seen[0].pages)


def test_no_full_collection_while_a_pdf_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    thresholds: list[tuple[int, int, int]] = []
    monkeypatch.setattr(release, "LONG_DOCUMENT_PAGES", 2)

    def recorded_collect() -> int:
        thresholds.append(gc.get_threshold())
        return 0

    monkeypatch.setattr(gc, "collect", recorded_collect)
    before = gc.get_threshold()
    brief = long_brief(pages=2, notes=2)
    pdf.write(brief, default_options(brief))
    assert len(thresholds) == 2  # after layout, before writing
    assert all(found == (*before[:2], release.NO_FULL_COLLECTION) for found in thresholds)
    assert gc.get_threshold() == before


def test_thresholds_come_back_when_the_last_writer_is_done() -> None:
    before = gc.get_threshold()
    with release.full_collections_deferred():
        with release.full_collections_deferred():
            assert gc.get_threshold()[2] == release.NO_FULL_COLLECTION
        assert gc.get_threshold()[2] == release.NO_FULL_COLLECTION
    assert gc.get_threshold() == before


def test_deferred_collections_change_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    brief = long_brief(pages=3, notes=6)
    deferred = written_pdf(brief)
    monkeypatch.setattr(release, "full_collections_deferred", contextlib.nullcontext)
    assert pdf.write(brief, default_options(brief)) == deferred
