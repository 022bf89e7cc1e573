"""Tables (ECMA-376 Part 1, 17.4): our table style, header rows repeated on every page, spans.

Column and row spans are laid on a grid first; python-docx then merges the spanned cells
(``w:gridSpan`` and ``w:vMerge``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Emu, Length
from docx.table import Table as DocxTable

from ...inlines import plain_text
from ...model import Cell, Inline, Row, Table
from . import stylemap as sm
from .context import Context
from .inlines import inlines_to_docx
from .xml import Element, RunFormat, paragraph, text_run, w

DEFAULT_TEXT_WIDTH = Emu(5_943_600)  # 6.5 inches, when the template has no page size


def text_width(ctx: Context) -> Length:
    """The width between the margins of the document's last section."""
    if not len(ctx.document.sections):
        return DEFAULT_TEXT_WIDTH
    section = ctx.document.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return DEFAULT_TEXT_WIDTH
    return Emu(width - left - right)


def place_cells(rows: tuple[Row, ...]) -> tuple[list[tuple[int, int, Cell]], int]:
    """Each cell's top-left grid position, and the number of grid columns."""
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    columns = 0
    for row_index, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while (row_index, column) in taken:
                column += 1
            width = 1  # a span stops at a cell that a row span from above already holds
            while width < cell.colspan and (row_index, column + width) not in taken:
                width += 1
            height = min(cell.rowspan, len(rows) - row_index)
            placed.append((row_index, column, replace(cell, colspan=width, rowspan=height)))
            for down in range(height):
                taken.update((row_index + down, column + right) for right in range(width))
            column += width
        columns = max(columns, column, *(c + 1 for r, c in taken if r == row_index))
    return placed, max(columns, 1)


def table_to_docx(ctx: Context, table: Table) -> list[Element]:
    """The caption paragraph, then the table."""
    rows = table.head + table.body
    placed, columns = place_cells(rows)
    tbl = CT_Tbl.new_tbl(len(rows), columns, text_width(ctx))
    tbl.tblStyle_val = ctx.style(sm.TABLE)
    if ctx.rtl:
        tbl.tblPr.get_or_add_bidiVisual()
    if table.caption:
        cast(Element, tbl.tblPr).append(w("tblCaption", val=plain_text(table.caption)))
    grid = DocxTable(tbl, ctx.document)
    for row_index, column, cell in placed:
        target = grid.cell(row_index, column)
        if cell.rowspan > 1 or cell.colspan > 1:
            corner = (row_index + cell.rowspan - 1, column + cell.colspan - 1)
            target = target.merge(grid.cell(*corner))
        fill_cell(ctx, target._tc, cell)
    for tr in tbl.tr_lst[: len(table.head)]:
        cast(Element, tr.get_or_add_trPr()).append(w("tblHeader"))
    return [*caption_paragraphs(ctx, table), tbl]


def fill_cell(ctx: Context, tc: Element, cell: Cell) -> None:
    """Replace a cell's paragraphs by the cell's content."""
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    style = sm.TABLE_HEADING if cell.header else sm.TABLE_TEXT
    para = paragraph(ctx.style(style), ctx.rtl)
    para.extend(inlines_to_docx(ctx, cell.children, RunFormat(rtl=ctx.rtl)))
    tc.append(para)


def caption_paragraphs(ctx: Context, table: Table) -> list[Element]:
    """The caption in the Caption style, or nothing when the table has neither label nor caption."""
    if not table.label and not table.caption:
        return []
    return [caption(ctx, table.label, table.caption)]


def caption(ctx: Context, label: str | None, text: tuple[Inline, ...]) -> Element:
    """A Caption paragraph: the label, a colon, the caption text."""
    fmt = RunFormat(rtl=ctx.rtl)
    node = paragraph(ctx.style(sm.CAPTION), ctx.rtl)
    if label:
        node.append(text_run(f"{label}: " if text else label, fmt.properties()))
    node.extend(inlines_to_docx(ctx, text, fmt))
    return node
