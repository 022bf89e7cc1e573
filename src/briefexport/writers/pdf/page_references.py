"""Page references of a PDF built once per page count, not once per tagged element.

pydyf 0.13's ``PDF.page_references`` is a property that formats the reference of every page
(``b"12 0 R"``) each time it is read. WeasyPrint 70's tagging (``weasyprint/pdf/tags.py``)
reads it for each structure element it makes (``pdf.page_references[page_number]``), and a
tagged brief has tens of elements per page: the PDF of n pages costs some 100 n² reference
formats, about 20 million at 400 pages, and time per page grows with the length.

:func:`install` puts in its place a property that keeps the tuple it built together with the
length of the page tree's ``Kids`` array it came from, and builds it again only when that
array has changed length. pydyf adds pages only through ``PDF.add_page``, which extends
``Kids``; the values are the same tuples of bytes as before, so the PDF bytes are unchanged.

Pinned like :mod:`.notes_stay`: installed only when the property's getter is the one reviewed
(pydyf 0.13.0, SHA-256 of its source); otherwise nothing changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .pinned import has_fingerprint

REVIEWED_SHA256 = "060bf90aad55931bc24c3575a52af9478a89916aa307e5323142663841cb7798"
_CACHE_ATTRIBUTE = "_briefexport_page_references"
_installing = threading.Lock()


def _cached_page_references(pdf: Any) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    cached = getattr(pdf, _CACHE_ATTRIBUTE, None)
    if cached is not None and cached[0] is kids and cached[1] == len(kids):
        references: tuple[bytes, ...] = cached[2]
        return references
    references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
    setattr(pdf, _CACHE_ATTRIBUTE, (kids, len(kids), references))
    return references


_cached_page_references.reviewed_replacement = True  # type: ignore[attr-defined]


def is_reviewed(getter: Callable[..., Any] | None) -> bool:
    """Whether ``getter`` is pydyf's ``page_references`` exactly as reviewed here."""
    return getter is not None and has_fingerprint(getter, REVIEWED_SHA256)


def install() -> bool:
    """Replace the property once if it is the reviewed one; whether the replacement is active."""
    with _installing:
        current = getattr(pydyf.PDF, "page_references", None)
        getter = current.fget if isinstance(current, property) else None
        if getattr(getter, "reviewed_replacement", False):
            return True
        if not is_reviewed(getter):
            return False
        pydyf.PDF.page_references = property(_cached_page_references)
        return True
