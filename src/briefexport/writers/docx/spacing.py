"""Paragraph spacing as Word resolves it, and the spaces the writer sets directly
(ECMA-376 Part 1, 17.3.1.33 ``w:spacing``; 17.7.2 style hierarchy).

A paragraph's space before or after is its own direct spacing, else its style's, else the
style's parents' (``w:basedOn``), else the document defaults (``w:docDefaults``), else none.

Word has no space around a table in the text (17.4): the paragraph after a table takes the print
stylesheet's space below tables as its space before. The reference document keeps that space as
a document variable (``w:docVar`` in the settings part), written with the styles from the print
stylesheet, so writing a brief needs no stylesheet; a template without it borrows the shipped
reference's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from .context import Context
from .xml import Element, w

# CT_PPr children after w:spacing (ECMA-376 Part 1, 17.3.1.26).
AFTER_SPACING = ("w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:jc", "w:rPr")
# The document variable holding the space below a table, in twentieths of a point.
TABLE_SPACE_VAR = "briefexport.tableSpaceBelow"
# CT_Settings children after w:docVars, in the schema's order.
AFTER_DOC_VARS = (
    "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
    "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip
# A twips measure may also be written with a unit (ST_TwipsMeasure): twips per unit.
TWIPS_PER = {
    "pt": 20.0,
    "pc": 240.0,
    "pi": 240.0,
    "in": 1440.0,
    "cm": 1440 / 2.54,
    "mm": 144 / 2.54,
}


def twips(value: str) -> int:
    """A spacing value in twentieths of a point: a number, or a number and a unit ("12pt");
    none for a value that is neither (a damaged template)."""
    unit = value[-2:].lower()
    try:
        if unit in TWIPS_PER:
            return round(float(value[:-2]) * TWIPS_PER[unit])
        return round(float(value))
    except ValueError:
        return 0


def style_spacing(ctx: Context, style_id: str, side: str) -> str:
    """A paragraph style's space ``side`` ("before" or "after") in twentieths of a point."""
    styles = ctx.document.styles.element
    style = styles.get_by_id(style_id)
    seen: set[str] = set()
    while style is not None and style_id not in seen:
        seen.add(style_id)
        found = str(style.xpath(f"string(w:pPr/w:spacing/@w:{side})"))
        if found:
            return found
        style_id = str(style.xpath("string(w:basedOn/@w:val)"))
        style = styles.get_by_id(style_id) if style_id else None
    default = f"string(w:docDefaults/w:pPrDefault/w:pPr/w:spacing/@w:{side})"
    return str(styles.xpath(default)) or "0"


def paragraph_spacing(ctx: Context, node: Element, side: str) -> int:
    """A paragraph's space ``side`` in twentieths of a point: direct, else its style's."""
    direct = str(node.xpath(f"string(w:pPr/w:spacing/@w:{side})"))
    if direct:
        return twips(direct)
    style_id = str(node.xpath("string(w:pPr/w:pStyle/@w:val)"))
    return twips(style_spacing(ctx, style_id, side) if style_id else default_spacing(ctx, side))


def default_spacing(ctx: Context, side: str) -> str:
    """The space of a paragraph with no style: the default paragraph style's."""
    style = ctx.document.styles.element.default_for(WD_STYLE_TYPE.PARAGRAPH)
    return style_spacing(ctx, style.styleId, side) if style is not None else "0"


def set_spacing(node: Element, **sides: str) -> None:
    """Direct spacing on a paragraph (``before="240"``), kept in the schema's order."""
    properties = node.find(qn("w:pPr"))
    if properties is None:
        properties = w("pPr")
        node.insert(0, properties)
    spacing = properties.find(qn("w:spacing"))
    if spacing is None:
        spacing = properties.insert_element_before(w("spacing"), *AFTER_SPACING)
    for side, value in sides.items():
        cast(Element, spacing).set(qn(f"w:{side}"), value)


def space_after_tables(ctx: Context, nodes: Iterable[Element]) -> None:
    """Give the paragraph right after a table the print's space below the table, when its own
    space before is smaller (CSS collapses the two margins into the larger)."""
    below = table_space_below(ctx)
    previous: Element | None = None
    for node in nodes:
        after_table = previous is not None and previous.tag == qn("w:tbl")
        if after_table and node.tag == qn("w:p") and paragraph_spacing(ctx, node, "before") < below:
            set_spacing(node, before=str(below))
        previous = node


def table_space_below(ctx: Context) -> int:
    """The space below a table, in twentieths of a point (none when no variable says)."""
    found = doc_var(ctx.document, TABLE_SPACE_VAR)
    return twips(found) if found else 0


def doc_var(document: Document, name: str) -> str | None:
    """The value of the document variable ``name``, or None."""
    settings = document.settings.element
    found = settings.xpath(f"w:docVars/w:docVar[@w:name='{name}']/@w:val")
    return str(found[0]) if found else None


def set_doc_var(document: Document, name: str, value: str) -> None:
    """Set the document variable ``name`` (in ``w:docVars``, made where the schema puts it)."""
    settings = document.settings.element
    variables = settings.find(qn("w:docVars"))
    if variables is None:
        variables = settings.insert_element_before(w("docVars"), *AFTER_DOC_VARS)
    for old in variables.findall(qn("w:docVar")):
        if old.get(qn("w:name")) == name:
            variables.remove(old)
    cast(Element, variables).append(w("docVar", name=name, val=value))


def keep_table_space(document: Document, shipped: Callable[[], Document]) -> None:
    """Give a template without the table space variable the shipped reference's."""
    if doc_var(document, TABLE_SPACE_VAR) is None:
        value = doc_var(shipped(), TABLE_SPACE_VAR)
        if value is not None:
            set_doc_var(document, TABLE_SPACE_VAR, value)
