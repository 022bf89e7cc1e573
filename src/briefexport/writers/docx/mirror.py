"""Right-to-left briefs: the house style's side rules on the side where their lines start.

A paragraph's ``w:bidi`` mirrors its indents, alignment and tab stops, not its borders
(ECMA-376 Part 1, 17.3.1.6): ``w:left`` of ``w:pBdr`` is the left of the page (17.3.1.17), in
Word and in LibreOffice alike. The shipped reference document rules the abstract and the
quotation on the left, where a left-to-right line starts, as the print stylesheet's
``border-inline-start``; in a right-to-left brief those rules belong on the right.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn

BORDER_ORDER = ("top", "left", "bottom", "right", "between", "bar")  # CT_PBdr's sequence


def mirror_side_borders(document: Document) -> None:
    """Swap the left and right paragraph borders of every style."""
    order = {qn(f"w:{side}"): index for index, side in enumerate(BORDER_ORDER)}
    swap = {qn("w:left"): qn("w:right"), qn("w:right"): qn("w:left")}
    for borders in document.styles.element.iter(qn("w:pBdr")):
        edges = list(borders)
        for edge in edges:
            edge.tag = swap.get(edge.tag, edge.tag)
            borders.remove(edge)
        borders.extend(sorted(edges, key=lambda edge: order.get(edge.tag, len(order))))
