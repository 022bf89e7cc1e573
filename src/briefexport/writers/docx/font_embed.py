"""The brand's fonts embedded in the Word copy, as Word's "Embed fonts in the file" does
(ECMA-376 Part 1, 17.8.1 and 17.8.3; the parts of 15.2.13).

Each face the text is set in (:mod:`.font_use`) of a family the brand names for a role (body,
heading, monospace, right-to-left, Urdu) is embedded when its file is found
(:mod:`.font_faces`) and its licence allows editing with it: an obfuscated font part
(``/word/fonts/fontN.odttf``, ``application/vnd.openxmlformats-officedocument.obfuscatedFont``),
related to the font table with the font relationship, named by a ``w:embedRegular``,
``w:embedBold``, ``w:embedItalic`` or ``w:embedBoldItalic`` with its ``w:fontKey`` in the font's
``w:font`` entry. ``w:embedTrueTypeFonts`` in the settings keeps them when Word saves the file
again; ``w:saveSubsetFonts`` is not set, so Word keeps the whole typing repertoire
(:mod:`.font_subset`) then too. The embedded fonts are not marked ``w:subsetted``: that means
the glyphs of the text only, and makes Word and LibreOffice refuse to edit with the font.

Faces a licence keeps out are reported once per brief, in one warning; a family that is not
installed is left to the reader's font substitution (its ``w:altName`` names the brand's next
choices). A brand turns embedding off with ``[fonts] embed_in_word = false``.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import nsmap, qn
from lxml import etree

from ...shared.brand import Brand
from ...shared.safexml import hardened_parser
from ...shared.xmlnames import W_NS
from .font_faces import FACE_NAMES, FaceFile, allowed_folders, family_faces
from .font_subset import embedded_font, obfuscated, repertoire
from .font_use import Face, used_faces
from .style_chain import StyleChain
from .xml import w

LOG = logging.getLogger(__name__)
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_PART = "/word/fonts/font%d.odttf"
# in the order of CT_Font's children (17.8.3.10)
EMBED_TAGS = {(False, False): "embedRegular", (True, False): "embedBold",
              (False, True): "embedItalic", (True, True): "embedBoldItalic"}  # fmt: skip
R_ID = qn("r:id")
# CT_Settings children before w:embedTrueTypeFonts (17.15.1.78)
BEFORE_EMBED = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData",
)  # fmt: skip
Embeds = dict[str, list[tuple[Face, bytes]]]


def brand_families(brand: Brand) -> frozenset[str]:
    """The families the brand names for a role, in any direction."""
    fonts = brand.fonts
    return frozenset({*fonts.body, *fonts.heading, *fonts.monospace, *fonts.rtl_body,
                      *fonts.rtl_heading, *fonts.urdu_body, *fonts.urdu_heading})  # fmt: skip


def embed_fonts(document: Document, chain: StyleChain, brand: Brand, style_dir: Path) -> None:
    """Embed the faces of the brand's fonts that the document's text is set in (``chain`` reads
    the document's styles)."""
    faces, text = used_faces(document, chain)
    embeds = chosen_fonts(faces, brand, style_dir, text)
    if embeds:
        add_font_parts(document, embeds)
        embed_on_save(document)


def chosen_fonts(faces: dict[str, set[Face]], brand: Brand, style_dir: Path, text: str) -> Embeds:
    """The font bytes to embed for each family, by face; a warning for the refused ones."""
    ours, folders, rows = brand_families(brand), allowed_folders(brand, style_dir), repertoire(text)
    embeds: Embeds = {}
    refused: list[str] = []
    for family in sorted(name for name in faces if name in ours):
        files = family_faces(family, folders)
        if not files:
            LOG.info("docx: font %s is not installed; not embedded", family)
        for face in (face for face in EMBED_TAGS if face in faces[family] and face in files):
            found: FaceFile = files[face]
            reason = found.refusal()
            if reason is not None:
                refused.append(f"{family} {FACE_NAMES[face]} ({reason})")
            else:
                embeds.setdefault(family, []).append(
                    (face, embedded_font(found.path, rows, found.whole))
                )
    if refused:
        LOG.warning("docx: fonts not embedded in the Word copy: %s", "; ".join(refused))
    return embeds


def add_font_parts(document: Document, embeds: Embeds) -> None:
    """One obfuscated part per face, named in the font table (made if the template has none)."""
    table_part = font_table_part(document)
    root = _root(table_part)
    package = document.part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    for family, fonts in embeds.items():
        entry = font_entry(root, family)
        if any(str(child.tag).startswith(f"{{{W_NS}}}embed") for child in entry):
            continue  # the template embeds this family itself
        for face, data in fonts:
            key, hidden = obfuscated(data)
            part = Part(next_partname(taken, FONT_PART), OBFUSCATED_FONT, hidden, package)
            node = etree.SubElement(entry, qn(f"w:{EMBED_TAGS[face]}"))
            node.set(R_ID, table_part.relate_to(part, RT.FONT))
            node.set(qn("w:fontKey"), key)
    if not isinstance(table_part, XmlPart):
        table_part._blob = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )


def next_partname(taken: set[str], template: str) -> PackURI:
    """The name python-docx's ``next_partname`` gives (the lowest free number), from the names
    ``taken`` so far, which it joins: the package's parts are walked once, not for each font."""
    name = next(template % n for n in itertools.count(1) if template % n not in taken)
    taken.add(name)
    return PackURI(name)


def font_table_part(document: Document) -> Part:
    """The document's font table part, added if the template has none."""
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype == RT.FONT_TABLE:
            found: Part = rel.target_part
            return found
    root = etree.Element(qn("w:fonts"), nsmap={"w": W_NS})
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    part = Part(package.next_partname("/word/fontTable%d.xml"), CT.WML_FONT_TABLE, blob, package)
    document.part.relate_to(part, RT.FONT_TABLE)
    return part


def _root(part: Part) -> etree._Element:
    """The font table's root, declaring the relationships namespace for ``r:id``."""
    if isinstance(part, XmlPart):
        element: etree._Element = part.element
        return element
    root = etree.fromstring(part.blob, hardened_parser())
    if root.nsmap.get("r") == nsmap["r"]:
        return root
    declared = etree.Element(root.tag, dict(root.attrib), nsmap={**root.nsmap, "r": nsmap["r"]})
    declared.extend(list(root))
    return declared


def font_entry(root: etree._Element, family: str) -> etree._Element:
    """The font table's ``w:font`` of ``family``, added at the end if missing."""
    for entry in root.iter(qn("w:font")):
        if entry.get(qn("w:name")) == family:
            return entry
    return etree.SubElement(root, qn("w:font"), {qn("w:name"): family})


def embed_on_save(document: Document) -> None:
    """``w:embedTrueTypeFonts`` on, so that Word embeds the fonts again when it saves."""
    settings = document.settings.element
    existing = settings.find(qn("w:embedTrueTypeFonts"))
    if existing is not None:
        existing.attrib.pop(qn("w:val"), None)
        return
    before = {qn(f"w:{tag}") for tag in BEFORE_EMBED}
    index = max((i + 1 for i, child in enumerate(settings) if child.tag in before), default=0)
    settings.insert(index, w("embedTrueTypeFonts"))
