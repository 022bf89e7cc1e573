"""Tables (ECMA-376 Part 1, 17.4): our table style, its edge in line with the text
(:mod:`.table_edge`), header rows repeated on every page and formatted alike (the style's
first-row rule and fill copied to the later ones), spans.

Column and row spans are laid on a grid first; python-docx then merges the spanned cells
(``w:gridSpan`` and ``w:vMerge``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import cast

from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl
from docx.shared import Emu, Length
from docx.table import Table as DocxTable

from ...inlines import plain_text
from ...model import Cell, Inline, Table
from ...shared.tables import numeric_columns, place_cells
from . import stylemap as sm
from .context import Context
from .inlines import inlines_to_docx
from .table_edge import align_with_text
from .xml import Element, RunFormat, paragraph, text_run, w

DEFAULT_TEXT_WIDTH = Emu(5_943_600)  # 6.5 inches, when the template has no page size
TABLE_SEQUENCE, FIGURE_SEQUENCE = "Table", "Figure"
FIRST_ROW_BIT = 0x0020  # of w:tblLook's w:val
LABEL_NUMBER = re.compile(r"(?P<word>.*?)(?P<number>[0-9]+)")
CELL_LOOK = frozenset({qn("w:tcBorders"), qn("w:shd")})  # in this order in w:tcPr (17.4.70)
AFTER_CELL_LOOK = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)


def text_width(ctx: Context) -> Length:
    """The width between the margins of the document's last section."""
    if not len(ctx.document.sections):
        return DEFAULT_TEXT_WIDTH
    section = ctx.document.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return DEFAULT_TEXT_WIDTH
    return Emu(width - left - right)


def table_to_docx(ctx: Context, table: Table) -> list[Element]:
    """The caption paragraph, then the table."""
    rows = table.head + table.body
    placed, columns = place_cells(rows)
    tbl = CT_Tbl.new_tbl(len(rows), columns, text_width(ctx))
    tbl.tblStyle_val = ctx.style(sm.TABLE)
    align_with_text(tbl, ctx.table_indent)
    if not table.head:
        no_header_row(tbl)
    if ctx.rtl:
        tbl.tblPr.get_or_add_bidiVisual()
    if table.caption:
        cast(Element, tbl.tblPr).append(w("tblCaption", val=plain_text(table.caption)))
    grid = DocxTable(tbl, ctx.document)
    numbers = numeric_columns(table)
    for row_index, column, cell in placed:
        target = grid.cell(row_index, column)
        if cell.rowspan > 1 or cell.colspan > 1:
            corner = (row_index + cell.rowspan - 1, column + cell.colspan - 1)
            target = target.merge(grid.cell(*corner))
        fill_cell(ctx, target._tc, cell, column in numbers and cell.colspan == 1)
    for tr in tbl.tr_lst[: len(table.head)]:
        cast(Element, tr.get_or_add_trPr()).append(w("tblHeader"))
    style_later_header_rows(ctx, tbl.tr_lst[1 : len(table.head)])
    return [*caption_paragraphs(ctx, table), tbl]


def style_later_header_rows(ctx: Context, rows: list[CT_Row]) -> None:
    """Give the header rows after the first the table style's first-row cell format (its rule
    and fill), as direct cell formatting: a table style's conditional format reaches the first
    row only (17.7.6), where the PDF draws every header row alike."""
    if not rows:
        return
    style = ctx.document.styles.element.get_by_id(ctx.style(sm.TABLE))
    found = [] if style is None else style.xpath("w:tblStylePr[@w:type='firstRow']/w:tcPr")
    if not found:
        return
    look = [child for child in found[0] if child.tag in CELL_LOOK]
    for tr in rows:
        for tc in tr.tc_lst:
            properties = tc.get_or_add_tcPr()
            for child in look:
                properties.insert_element_before(copy.deepcopy(child), *AFTER_CELL_LOOK)


def no_header_row(tbl: CT_Tbl) -> None:
    """Keep the table style's first-row format (its rule and fill) off a table whose first row
    is not a header: ``w:tblLook`` (ECMA-376 Part 1, 17.4.56) says so twice, as an attribute
    and as a bit (0x0020) of the transitional schema's bitmask ``w:val``, which Word 2007 reads."""
    for look in tbl.tblPr.findall(qn("w:tblLook")):
        look.set(qn("w:firstRow"), "0")
        bits = look.get(qn("w:val"))
        if bits is not None:
            look.set(qn("w:val"), f"{int(bits, 16) & ~FIRST_ROW_BIT:04X}")


def fill_cell(ctx: Context, tc: Element, cell: Cell, numeric: bool = False) -> None:
    """Replace a cell's paragraphs by the cell's content; a column of numbers is set flush to
    the end of the line (right in a left-to-right table)."""
    for old in tc.findall(qn("w:p")):
        tc.remove(old)
    style = sm.TABLE_HEADING if cell.header else sm.TABLE_TEXT
    para = paragraph(ctx.style(style), ctx.rtl)
    if numeric:
        properties = para.find(qn("w:pPr"))
        if properties is None:
            properties = w("pPr")
            para.insert(0, properties)
        properties.append(w("jc", val="end"))
    para.extend(inlines_to_docx(ctx, cell.children, RunFormat(rtl=ctx.rtl)))
    tc.append(para)


def caption_paragraphs(ctx: Context, table: Table) -> list[Element]:
    """The caption in the Table Caption style, or nothing when the table has neither label nor
    caption."""
    if not table.label and not table.caption:
        return []
    return [caption(ctx, table.label, table.caption, TABLE_SEQUENCE)]


def caption(ctx: Context, label: str | None, text: tuple[Inline, ...], sequence: str) -> Element:
    """A caption paragraph in the Figure Caption or Table Caption style (both based on Word's
    Caption): the label in the Caption Label style (its number a ``SEQ`` field), a space, the
    caption text, as the other formats print it."""
    fmt = RunFormat(rtl=ctx.rtl)
    style = sm.TABLE_CAPTION if sequence == TABLE_SEQUENCE else sm.FIGURE_CAPTION
    node = paragraph(ctx.style(style), ctx.rtl)
    ordinal = ctx.count(sequence)
    if label:
        label_format = replace(fmt, style_id=ctx.style(sm.CAPTION_LABEL))
        node.extend(label_runs(label, sequence, ordinal, label_format))
        if text:
            node.append(text_run(" ", fmt.properties()))
    node.extend(inlines_to_docx(ctx, text, fmt))
    return node


def label_runs(label: str, sequence: str, ordinal: int, fmt: RunFormat) -> list[Element]:
    """ "Figure 2" as the word and a ``SEQ Figure`` field showing 2, as Word's Insert Caption
    makes it (ECMA-376 Part 1, 17.16.5.56), so Word renumbers figures and tables when fields
    are updated. A label whose number is not the figure's (or table's) place in the brief
    stays typed text: updating would change it."""
    found = LABEL_NUMBER.fullmatch(label)
    if found is None or int(found["number"]) != ordinal:
        return [text_run(label, fmt.for_text(label).properties())]
    runs = [text_run(found["word"], fmt.for_text(found["word"]).properties())]
    field = w("fldSimple", instr=f" SEQ {sequence} \\* ARABIC ")
    field.append(text_run(found["number"], fmt.for_text(found["number"]).properties()))
    return [*runs, field]
