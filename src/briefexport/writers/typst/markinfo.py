"""Typst's mark-information dictionary made readable to poppler (ISO 32000-1, 14.7.1).

Typst 0.15 writes ``/MarkInfo<</Marked true/Suspects false>>`` in the catalog. ``Suspects`` is
optional and false by default (ISO 32000-1, table 321), so the entry says nothing, but poppler
(22.12, the ``pdftotext`` and ``pdfinfo`` of Debian 12) takes any value but true for the wrong
type and prints "Syntax Error: Suspects object is wrong type (boolean)" for every Typst PDF.
The entry is blanked with spaces of its own length, so no byte offset of the file moves and the
cross-reference table stays right; a PDF without the entry is left as it is.
"""

from __future__ import annotations

import re

SUSPECTS_FALSE = re.compile(rb"(/MarkInfo\s*<<[^>]*?)(/Suspects\s+false)")


def without_default_suspects(pdf: bytes) -> bytes:
    """``pdf`` with the catalog's ``/Suspects false`` (the default) replaced by spaces."""
    return SUSPECTS_FALSE.sub(lambda found: found[1] + b" " * len(found[2]), pdf, count=1)
