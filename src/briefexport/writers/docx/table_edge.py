"""A table's edge in line with the text, as the print sets a table as wide as the text
(ECMA-376 Part 1, 17.4.50 ``w:tblInd``, 17.4.42 ``w:tblCellMar``; [MS-DOCX] 2.3.1.1
``compatibilityMode``).

Where ``w:tblInd`` puts a table depends on the document's compatibility mode. Word 2013 and
later (mode 15) put the table's leading edge, its border, at the indent. Earlier modes (our
reference document declares 14, Word 2010; a document that declares none is treated as Word
2007's 12) put the text of its first cell there, so the border stands out into the margin by
the cell's leading margin. LibreOffice follows the mode too. In an earlier mode the writer
indents each table by the leading cell margin of its style, so both place the border at the
text's edge and the text inside the cells the padding in from it, as in the PDF.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl

from .style_chain import StyleChain
from .xml import w

BORDER_AT_INDENT = 15  # the first compatibility mode that puts the border at w:tblInd
UNSTATED_MODE = 12  # a document that states no mode is laid out as Word 2007 lays it out
WORD_URI = "http://schemas.microsoft.com/office/word"
# CT_TblPr children after w:tblInd (17.4.60), for putting the indent in its place.
AFTER_INDENT = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                "w:tblCaption", "w:tblDescription", "w:tblPrChange")  # fmt: skip


def compatibility_mode(document: Document) -> int:
    """The Word version whose layout the document asks for (12: 2007, 14: 2010, 15: 2013)."""
    path = f"w:compat/w:compatSetting[@w:name='compatibilityMode'][@w:uri='{WORD_URI}']/@w:val"
    found = [str(value) for value in document.settings.element.xpath(path)]
    return int(found[0]) if found and found[0].isdigit() else UNSTATED_MODE


def leading_cell_margin(chain: StyleChain, style_id: str) -> int:
    """The leading cell margin (twips) a table style or its bases set, or 0: ``w:start``, or
    ``w:left`` as the transitional schema calls it."""
    for style in chain.chain(style_id):
        margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        for side in ("start", "left"):
            edge = margins.find(qn(f"w:{side}")) if margins is not None else None
            if edge is not None and edge.get(qn("w:type"), "dxa") == "dxa":
                width = edge.get(qn("w:w")) or ""
                return int(width) if width.isdigit() else 0
    return 0


def table_indent(document: Document, chain: StyleChain, style_id: str) -> int | None:
    """The ``w:tblInd`` (twips) that puts a table of the style in line with the text, or None
    where no indent is needed (the border already stands at the indent)."""
    if compatibility_mode(document) >= BORDER_AT_INDENT:
        return None
    margin = leading_cell_margin(chain, style_id)
    return margin or None


def align_with_text(tbl: CT_Tbl, indent: int | None) -> None:
    """Indent the table by ``indent`` twips from the leading margin of the text."""
    if indent is not None:
        tbl.tblPr.insert_element_before(w("tblInd", w=str(indent), type="dxa"), *AFTER_INDENT)
