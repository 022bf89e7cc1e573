"""Give back the memory of layout once it is no longer needed, so long briefs stay small.

A laid-out WeasyPrint 70 document is a tree of boxes per page, each with its computed style,
and it is the largest thing a PDF run holds: some 0.8 MB a page. Two moments bound the peak:

* after layout: WeasyPrint's layout leaves much garbage in reference cycles (styles of page
  and margin boxes, abandoned trial layouts); Python's collector frees it only when the heap
  has grown by a quarter, so the drawing that follows would take fresh memory instead of
  reusing it. :func:`collect_layout_garbage` collects it at once;
* after drawing and tagging, right before pydyf writes the file (WeasyPrint's ``finisher``):
  writing needs only the PDF objects (the structure tree of ``weasyprint/pdf/tags.py`` is built
  by then, and it has emptied the streams' box-to-tag maps), but each ``Page`` still keeps its
  box tree and its links. :func:`release_boxes` drops them, so the boxes are freed before the
  largest allocations of writing (the serialised objects and the compressed streams).

A full collection walks every object of the process (some tens of milliseconds in a warm batch
worker), and freeing a whole box tree at once hands memory back to the system only to ask for
it again while writing; a short brief needs neither: its layout is small. Only documents of
:data:`LONG_DOCUMENT_PAGES` pages or more are treated so.

Between these two moments nothing of the layout is garbage for long: while a PDF is written,
:func:`full_collections_deferred` holds back the collector's automatic full collections (its
oldest generation) and keeps the young ones. CPython 3.11 starts a full collection whenever the
objects moved to the oldest generation reach a quarter of those already there, so a growing
layout is walked again and again: a dozen times for a 400-page brief, finding nothing (some
8 per cent of its CPU time, measured with ``gc.callbacks``); the two collections above then free
what is left. The thresholds are the process's: they are restored when the last PDF being
written in any thread is done.

Nothing written to the PDF changes; the document is not drawn again afterwards.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from typing import Any

from weasyprint import Document

LONG_DOCUMENT_PAGES = 60
NO_FULL_COLLECTION = 1_000_000_000  # full collections owed before one runs: never, in practice


class _Deferral:
    """How many PDFs defer full collections now, and the thresholds to restore after them."""

    lock = threading.Lock()
    writing = 0
    saved = (700, 10, 10)  # CPython's defaults until the thresholds found replace them


@contextlib.contextmanager
def full_collections_deferred() -> Iterator[None]:
    """Within the block (in any thread), no automatic full collection; young ones as before."""
    with _Deferral.lock:
        if _Deferral.writing == 0:
            young, middle, oldest = gc.get_threshold()
            _Deferral.saved = (young, middle, oldest)
            gc.set_threshold(young, middle, NO_FULL_COLLECTION)
        _Deferral.writing += 1
    try:
        yield
    finally:
        with _Deferral.lock:
            _Deferral.writing -= 1
            if _Deferral.writing == 0:
                gc.set_threshold(*_Deferral.saved)


def collect_layout_garbage(document: Document) -> None:
    """Free the cyclic garbage a long document's layout left, before its pages are drawn."""
    if len(document.pages) >= LONG_DOCUMENT_PAGES:
        gc.collect()


def release_boxes(document: Document, pdf: Any) -> None:
    """Let go of the laid-out boxes of a long, drawn and tagged document before its PDF is
    written."""
    if len(document.pages) < LONG_DOCUMENT_PAGES:
        return
    for page in document.pages:
        page._page_box = None
        page.links = []
        page.anchors = {}
    gc.collect()
