"""The family the Word copy's styles name for each font role (body, heading, monospace): the
first of the brand's families for the role that is found where the copy is made, as the print's
font stacks resolve (CSS Fonts 4, 5.2: the first family of ``font-family`` that is available).

The reference document names each role's first family and lists the others as its
``w:altName`` in the font table (ECMA-376 Part 1, 17.8.3.1). Word falls back to those names and
then to a font of the entry's ``w:family`` and ``w:pitch``; LibreOffice reads none of the three
and asks the system for the first name alone, which gave the proportional Noto Sans for a
missing Noto Sans Mono. So where the first family is missing and a later one is found, the
styles and the font table name the later one (its faces are then embedded,
:mod:`.font_embed`), and its ``w:altName`` lists the role's other families. An institution's
template that names other fonts is left as it is.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from lxml import etree

from ...shared.brand import Brand
from ...shared.safexml import hardened_parser
from .font_faces import allowed_folders, family_faces
from .font_table import CLASSES, FONT_TABLE

Swaps = dict[str, tuple[str, tuple[str, ...]]]
"""A missing first family, mapped to the family found and the role's other families."""
# the attributes of w:rFonts that name a font (17.3.2.26)
FONT_ATTRIBUTES = tuple(qn(f"w:{name}") for name in ("ascii", "hAnsi", "eastAsia", "cs"))


def found_families(brand: Brand, style_dir: Path) -> Swaps:
    """The roles whose first family is missing and a later one found."""
    folders = allowed_folders(brand, style_dir)
    swaps: Swaps = {}
    for role in CLASSES:
        families = brand.fonts.latin(role)
        found = next((family for family in families if family_faces(family, folders)), None)
        if found is not None and found != families[0]:
            swaps[families[0]] = (found, tuple(name for name in families if name != found))
    return swaps


def use_found_fonts(document: Document, brand: Brand, style_dir: Path) -> None:
    """Name the family found in place of each missing first family, in the styles, the
    document defaults and the font table."""
    swaps = found_families(brand, style_dir)
    if not swaps:
        return
    for node in document.styles.element.iter(qn("w:rFonts")):
        for attribute in FONT_ATTRIBUTES:
            named = node.get(attribute)
            if named in swaps:
                node.set(attribute, swaps[named][0])
    for part in document.part.package.iter_parts():
        if part.partname == FONT_TABLE:
            rename_entries(part, swaps)


def rename_entries(part: Part, swaps: Swaps) -> None:
    """The font table's entry of each missing family renamed to the family found."""
    if isinstance(part, XmlPart):
        rename_in(part.element, swaps)
        return
    root = etree.fromstring(part.blob, hardened_parser())
    rename_in(root, swaps)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rename_in(root: etree._Element, swaps: Swaps) -> None:
    """Rename the entries of ``root`` (``w:fonts``) with the role's other families as their
    alternative names; an entry of a family the table already lists is dropped instead."""
    names = {entry.get(qn("w:name")) for entry in root.iter(qn("w:font"))}
    for entry in list(root.iter(qn("w:font"))):
        named = str(entry.get(qn("w:name")))
        if named not in swaps:
            continue
        found, others = swaps[named]
        if found in names:
            root.remove(entry)
            continue
        entry.set(qn("w:name"), found)
        alternative = entry.find(qn("w:altName"))
        if alternative is None:
            alternative = etree.Element(qn("w:altName"))
            entry.insert(0, alternative)  # the first child of w:font (17.8.3.10)
        alternative.set(qn("w:val"), ",".join(others))
