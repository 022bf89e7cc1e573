"""The reference document's table style (ECMA-376 Part 1, 17.7), drawn as the print stylesheet
draws tables (:mod:`...shared.print_sheet`): a rule below every row, the cells' ``border-bottom``
of ``td``; none above the table, where the stylesheet draws none; the header row's own heavier
rule and fill (``thead th``), a conditional format of the first row (``w:tblStylePr``); the
cells padded as ``td``.

Word has no space around a table in the text: the print stylesheet's spaces below and above a
table (its ``margin-bottom`` and ``margin-top``) are kept as document variables, which the writer
gives the paragraphs after and before a table (:mod:`.around_tables`).

Word's conditional format reaches the first row only, where the PDF gives every header row the
heavier rule and the fill: the writer copies the first-row cell format to the cells of the later
header rows, and turns the first-row format off for a table without header rows (``w:tblLook``).
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.styles.style import ParagraphStyle

from ...shared.brand import Brand
from ...shared.print_sheet import Css, PrintSheet
from .reference_index import StyleIndex
from .spacing import TABLE_SPACE_ABOVE_VAR, TABLE_SPACE_VAR, set_doc_var
from .stylemap import TABLE
from .xml import Element, w

TABLE_CELL = "td"  # the print stylesheet's rule for table cells
HEADER_CELL = "thead th"  # and for the cells of the header rows


def add_table_style(
    document: Document, styles: StyleIndex, brand: Brand, sheet: PrintSheet
) -> None:
    """Our table style: the rules, the cell padding and the header row's format."""
    style = styles.add(TABLE, WD_STYLE_TYPE.TABLE)
    assert isinstance(style, ParagraphStyle)  # python-docx's table style is one
    style.base_style = styles["Normal Table"]
    em = brand.sizes.caption
    table_props = w("tblPr")
    borders = w("tblBorders")  # top, left, bottom, right, insideH, insideV: the schema's order
    for edge in ("bottom", "insideH"):
        borders.append(rule(edge, Css(TABLE_CELL, "border-bottom"), em, brand, sheet))
    table_props.append(borders)
    margins = w("tblCellMar")  # twentieths of a point
    for edge in ("top", "left", "bottom", "right"):
        points = sheet.points(Css(TABLE_CELL, f"padding-{edge}"), em)
        margins.append(w(edge, w=str(round(points * 20)), type="dxa"))
    table_props.append(margins)
    style.element.append(table_props)
    style.element.append(header_row(em, brand, sheet))
    for side, name in (("bottom", TABLE_SPACE_VAR), ("top", TABLE_SPACE_ABOVE_VAR)):
        space = sheet.points(Css("table", f"margin-{side}"), em)
        set_doc_var(document, name, str(round(space * 20)))


def header_row(em: float, brand: Brand, sheet: PrintSheet) -> Element:
    """The first row's conditional format: bold, the header cells' rule below and their fill."""
    header = w("tblStylePr", type="firstRow")
    header_runs = w("rPr")
    header_runs.extend([w("b"), w("bCs")])
    header.append(header_runs)
    cell_props = w("tcPr")
    cell_borders = w("tcBorders")
    cell_borders.append(rule("bottom", Css(HEADER_CELL, "border-bottom"), em, brand, sheet))
    cell_props.append(cell_borders)
    fill = colour(Css(HEADER_CELL, "background"), brand, sheet)
    cell_props.append(w("shd", val="clear", color="auto", fill=fill))
    header.append(cell_props)
    return header


def rule(edge: str, border: Css, em: float, brand: Brand, sheet: PrintSheet) -> Element:
    """One border edge as a print rule's border: width in eighths of a point, the brand colour
    it names (ECMA-376 Part 1, 17.4: table and cell borders)."""
    width = str(round(sheet.points(border, em) * 8))
    return w(edge, val="single", sz=width, space="0", color=colour(border, brand, sheet))


def colour(value: Css, brand: Brand, sheet: PrintSheet) -> str:
    """The brand colour a print rule's value names, as Word writes it (``1F4E79``)."""
    return str(getattr(brand.colors, sheet.color(value))).lstrip("#").upper()
