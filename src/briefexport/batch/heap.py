"""A worker's memory over a long run: the imported heap frozen, each laid-out brief's garbage
freed when the brief is done.

CPython 3.11's collector (``gc``) runs a full collection only once the objects moved to its
oldest generation since the last one number a quarter of those that survived it. A worker
starts with the heap of the process it was forked from (WeasyPrint, lxml, fontTools and the
writers: hundreds of thousands of objects), so that quarter is large; a PDF's layout, though,
leaves few objects in reference cycles (some 16,000 for a 4-page brief: styles, boxes, Pango
layouts, PDF dictionaries) that hold much memory outside them (Pango's line layouts, drawn
streams). A local worker converting 50 short PDF briefs grew from 85 to 344 MB, with no full
collection in between; with the two steps below it stayed between 69 and 85 MB.

* :func:`freeze_inherited` moves every object the worker holds when it starts into the
  collector's permanent generation (:func:`gc.freeze`): no collection traces them again, and
  their memory pages stay shared with the fork server (tracing them writes to each object).
  A Dask worker, which has run other work before, is collected first, so that no garbage of
  that work is frozen with it;
* :func:`free_brief_garbage` runs a full collection after a brief whose formats lay out pages,
  which then walks only what the worker made itself: about 15 ms after a brief of some 650 ms.

Briefs of the other formats leave little garbage, which the collector's own young collections
take; they are not collected after each brief (a JATS brief takes about 10 ms).
"""

from __future__ import annotations

import gc

from ..formats import FORMATS


def freeze_inherited(collect_first: bool = False) -> None:
    """Leave the objects this worker holds now out of every later collection (after a full
    collection if ``collect_first``)."""
    if collect_first:
        gc.collect()
    gc.freeze()


def free_brief_garbage(formats: tuple[str, ...]) -> None:
    """After a brief written to ``formats``: free its garbage now if it laid out pages."""
    if any(FORMATS[fmt].lays_out_pages for fmt in formats):
        gc.collect()
