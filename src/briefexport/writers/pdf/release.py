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

Nothing written to the PDF changes; the document is not drawn again afterwards.
"""

from __future__ import annotations

import gc
from typing import Any

from weasyprint import Document

LONG_DOCUMENT_PAGES = 60


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
