"""The reference document's font table (``word/fontTable.xml``, ECMA-376 Part 1, 17.8.3).

Word looks a run's font up here when the computer lacks it (a Windows Word without the Noto
fonts): it tries the ``w:altName`` names first (17.8.3.1), then picks an installed font of the
same ``w:family`` and ``w:pitch`` (17.8.3.9, 17.8.3.13), as Windows' font mapper does for a
missing face. Each role's first family is listed with the brand's other families of the role as
its alternative names and the generic class the stylesheets end the role's font stack with
(serif, sans-serif, monospace): a missing Noto Sans Mono becomes a fixed-pitch font such as
Courier New, not the serif the text is set in. The reference document embeds no font: each
brief's Word copy gets the faces its text uses when it is written (:mod:`.font_embed`), and the
substitution above serves readers of a copy written without them (``embed_in_word = false``)
and fonts that are not installed where the copy is made.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.part import Part
from lxml import etree

from ...shared.brand import Brand, FontRole
from ...shared.xmlnames import W_NS

FONT_TABLE = "/word/fontTable.xml"
# Word's generic classes (ST_FontFamily) and pitch of each role, as the CSS's generic families.
CLASSES: dict[FontRole, tuple[str, str]] = {
    "body": ("roman", "variable"),
    "heading": ("swiss", "variable"),
    "monospace": ("modern", "fixed"),
}


def font_table_xml(brand: Brand) -> bytes:
    """A ``w:fonts`` part naming the brand's Latin fonts, the first family of each role."""
    root = etree.Element(f"{{{W_NS}}}fonts", nsmap={"w": W_NS})
    listed: set[str] = set()
    for role, (family, pitch) in CLASSES.items():
        first, *others = brand.fonts.latin(role)
        if first in listed:
            continue
        listed.add(first)
        font = etree.SubElement(root, f"{{{W_NS}}}font", {f"{{{W_NS}}}name": first})
        if others:
            _child(font, "altName", ",".join(others))
        _child(font, "family", family)
        _child(font, "pitch", pitch)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _child(parent: etree._Element, tag: str, value: str) -> None:
    etree.SubElement(parent, f"{{{W_NS}}}{tag}", {f"{{{W_NS}}}val": value})


def replace_font_table(document: Document, brand: Brand) -> None:
    """Put the brand's font table in place of the template's (python-docx's lists Calibri,
    Cambria and others no style names)."""
    for part in document.part.package.iter_parts():
        if part.partname == FONT_TABLE and type(part) is Part:
            part._blob = font_table_xml(brand)
