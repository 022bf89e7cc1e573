"""Break opportunities in runs of text too long to be a word (:mod:`briefexport.shared.runs`).

Each cut is a ``<wbr>`` (HTML Living Standard, 4.5.29): a line may break there, and the text
is unchanged, so copying, searching and the PDF's text layer read the run as written.
WeasyPrint 70 then lays out and measures pieces of a bounded length instead of the whole run
once per line (its time grew with the square of the run's length in a table cell).
"""

from __future__ import annotations

from lxml import etree

from ...shared.runs import run_pieces
from .markup import XHTML_NS, tag

NOT_LAID_OUT = frozenset({tag("style"), tag("script"), tag("title")})


def mark_overlong_runs(root: etree._Element) -> None:
    """Put a ``<wbr>`` at each cut of every overlong run in the text under ``root``."""
    for element in list(root.iter(f"{{{XHTML_NS}}}*")):
        if element.tag in NOT_LAID_OUT:
            continue
        pieces = run_pieces(element.text or "")
        if len(pieces) > 1:
            element.text = pieces[0]
            for index, piece in enumerate(pieces[1:]):
                element.insert(index, _wbr(piece))
        parent = element.getparent()
        pieces = run_pieces(element.tail or "")
        if len(pieces) > 1 and parent is not None and parent.tag not in NOT_LAID_OUT:
            element.tail = pieces[0]
            for piece in reversed(pieces[1:]):
                element.addnext(_wbr(piece))


def _wbr(tail: str) -> etree._Element:
    """A ``<wbr>`` followed by ``tail``."""
    wbr = etree.Element(tag("wbr"))
    wbr.tail = tail
    return wbr
