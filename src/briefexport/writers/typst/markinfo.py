"""Typst's mark-information dictionary made readable to poppler (ISO 32000-1, 14.7.1).

Typst 0.15 writes ``/MarkInfo<</Marked true/Suspects false>>`` in the catalog. ``Suspects`` is
optional and false by default (ISO 32000-1, table 321), so the entry says nothing, but poppler
(22.12, the ``pdftotext`` and ``pdfinfo`` of Debian 12) takes any value but true for the wrong
type and prints "Syntax Error: Suspects object is wrong type (boolean)" for every Typst PDF.
The entry is blanked with spaces of its own length in the catalog (the object the trailer's
``/Root`` names), so no byte offset of the file moves and the cross-reference table stays
right; a PDF without the entry, or laid out otherwise, is left as it is.
"""

from __future__ import annotations

import re

ROOT = re.compile(rb"/Root\s+(\d+)\s+0\s+R")
SUSPECTS_FALSE = re.compile(rb"(/MarkInfo\s*<<[^>]*?)(/Suspects\s+false)")


def without_default_suspects(pdf: bytes) -> bytes:
    """``pdf`` with the catalog's ``/Suspects false`` (the default) replaced by spaces."""
    roots = ROOT.findall(pdf)
    if not roots:
        return pdf
    start = pdf.find(b"\n" + roots[-1] + b" 0 obj")
    end = pdf.find(b"endobj", start)
    if start < 0 or end < 0:
        return pdf
    catalog = SUSPECTS_FALSE.sub(lambda found: found[1] + b" " * len(found[2]), pdf[start:end], 1)
    return pdf[:start] + catalog + pdf[end:]
