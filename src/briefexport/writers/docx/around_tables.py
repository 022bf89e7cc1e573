"""The space around a table in the Word copy (ECMA-376 Part 1, 17.4; 17.3.1.33 ``w:spacing``),
as the print stylesheet gives it (the table's margins).

Word has no space around a table in the text: the paragraph after a table takes the table's
space below as its space before, the paragraph before it the space above as its space after,
when their own are smaller (CSS collapses two margins into the larger). A table's caption
paragraph has the space above in its style. Two tables with nothing between would be joined
into one by Word; they are kept apart by a paragraph (:func:`separator`).
"""

from __future__ import annotations

from docx.oxml.ns import qn

from . import stylemap as sm
from .context import Context
from .spacing import (
    TABLE_SPACE_ABOVE_VAR,
    TABLE_SPACE_VAR,
    paragraph_spacing,
    set_spacing,
    var_twips,
)
from .xml import Element, w

# The separator's line and mark: 1 pt, Word's smallest font size (``w:sz`` in half-points).
SEPARATOR_LINE = 20
SEPARATOR_SIZE = "2"


def space_around_tables(ctx: Context, nodes: list[Element]) -> list[Element]:
    """The body's nodes with the spaces around the tables set, tables kept apart."""
    above, below = var_twips(ctx, TABLE_SPACE_ABOVE_VAR), var_twips(ctx, TABLE_SPACE_VAR)
    spaced: list[Element] = []
    for node in nodes:
        previous = spaced[-1] if spaced else None
        if previous is not None and is_table(previous) and is_table(node):
            spaced.append(separator(max(above, below)))
        elif previous is not None and is_table(previous) and node.tag == qn("w:p"):
            raise_spacing(ctx, node, "before", below)
        elif previous is not None and is_table(node) and not is_caption(ctx, previous):
            raise_spacing(ctx, previous, "after", above)
        spaced.append(node)
    return spaced


def is_table(node: Element) -> bool:
    return bool(node.tag == qn("w:tbl"))


def is_caption(ctx: Context, node: Element) -> bool:
    """A table's caption paragraph, whose style has the space above the table."""
    return bool(node.xpath("string(w:pPr/w:pStyle/@w:val)") == ctx.style(sm.TABLE_CAPTION))


def raise_spacing(ctx: Context, node: Element, side: str, space: int) -> None:
    """Set a paragraph's space ``side`` to ``space`` when its own is smaller."""
    if paragraph_spacing(ctx, node, side) < space:
        set_spacing(node, **{side: str(space)})


def separator(space: int) -> Element:
    """The paragraph between two tables: Word joins two tables with nothing between them into
    one (as it does when the paragraph between them is deleted), and a paragraph is what Word
    itself keeps between them. It is made as small as Word allows (a 1 pt line, a 1 pt mark),
    and its space before makes up the rest of the print's gap (the two tables' margins
    collapsed into the larger)."""
    node = w("p")
    node.append(w("pPr"))
    set_spacing(node, before=str(max(space - SEPARATOR_LINE, 0)), after="0",
                line=str(SEPARATOR_LINE), lineRule="exact")  # fmt: skip
    mark = w("rPr")
    mark.extend([w("sz", val=SEPARATOR_SIZE), w("szCs", val=SEPARATOR_SIZE)])
    node[0].append(mark)
    return node
