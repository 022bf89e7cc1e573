"""Paragraph spacing as Word resolves it, and the spaces the writer sets directly
(ECMA-376 Part 1, 17.3.1.33 ``w:spacing``; 17.7.2 style hierarchy).

A paragraph's space before or after is its own direct spacing, else its style's, else the
style's parents' (``w:basedOn``), else the document defaults (``w:docDefaults``), else none
(:mod:`.style_chain`).

Spaces that no Word style can hold (the spaces around a table, :mod:`.around_tables`, and the
gap below the colophon's rule above identity lines) are kept by the reference document as
document variables (``w:docVar`` in the settings part), written with the styles from the print
stylesheet, so writing a brief needs no stylesheet; a template without them borrows the shipped
reference's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from docx.document import Document
from docx.oxml.ns import qn

from .context import Context
from .xml import Element, w

# CT_PPr children after w:spacing (ECMA-376 Part 1, 17.3.1.26).
AFTER_SPACING = ("w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:jc", "w:rPr")
# The document variables holding the spaces below and above a table, and the identity block's
# space above (the print's ``div.identity`` margin), in twentieths of a point.
TABLE_SPACE_VAR = "briefexport.tableSpaceBelow"
TABLE_SPACE_ABOVE_VAR = "briefexport.tableSpaceAbove"
IDENTITY_SPACE_VAR = "briefexport.identitySpaceAbove"
SPACE_VARS = (TABLE_SPACE_VAR, TABLE_SPACE_ABOVE_VAR, IDENTITY_SPACE_VAR)
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
    return ctx.chain.nearest(style_id, "pPr", "spacing", side) or "0"


def paragraph_spacing(ctx: Context, node: Element, side: str) -> int:
    """A paragraph's space ``side`` in twentieths of a point: direct, else its style's."""
    direct = str(node.xpath(f"string(w:pPr/w:spacing/@w:{side})"))
    if direct:
        return twips(direct)
    style_id = str(node.xpath("string(w:pPr/w:pStyle/@w:val)"))
    return twips(style_spacing(ctx, style_id, side) if style_id else default_spacing(ctx, side))


def default_spacing(ctx: Context, side: str) -> str:
    """The space of a paragraph with no style: the default paragraph style's."""
    style_id = ctx.chain.default_id("paragraph")
    return style_spacing(ctx, style_id, side) if style_id is not None else "0"


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


def var_twips(ctx: Context, name: str) -> int:
    """The space the document variable ``name`` holds, in twentieths of a point (none when no
    variable says)."""
    found = doc_var(ctx.document, name)
    return twips(found) if found else 0


def keep_space_vars(document: Document, shipped: Callable[[], Document]) -> None:
    """Give a template without one of the space variables the shipped reference's."""
    missing = [name for name in SPACE_VARS if doc_var(document, name) is None]
    if not missing:
        return
    reference = shipped()
    for name in missing:
        value = doc_var(reference, name)
        if value is not None:
            set_doc_var(document, name, value)
