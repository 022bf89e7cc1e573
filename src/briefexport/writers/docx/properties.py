"""Document properties: ``docProps/core.xml`` (OPC Part 2, 11: Dublin Core), ``docProps/app.xml``
(ECMA-376 Part 1, 22.2) and the document language (``w:docDefaults``, 17.7.5).

Every property the template carried is replaced, so nothing of python-docx's default template
(author "python-docx", comments, 2013 dates, "Microsoft Macintosh Word") or of an institution's
template reaches the output.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from ...inlines import plain_text
from ...model import Metadata
from .xml import w

EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
APPLICATION = "briefexport"


def set_core_properties(document: Document, meta: Metadata, when: dt.datetime) -> None:
    """Title, authors, subject (series), keywords, description (abstract), language, dates."""
    core_part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    assert isinstance(core_part, XmlPart)
    core = core_part.element
    for child in list(core):
        core.remove(child)
    # Written directly: python-docx refuses values over 255 characters (a long abstract).
    identifier = f"doi:{meta.doi}" if meta.doi else (meta.publisher_id or "")
    for tag, value in (
        ("dc:title", plain_text(meta.title)),
        ("dc:subject", meta.series),
        ("dc:creator", "; ".join(person.name.display for person in meta.authors)),
        ("cp:keywords", ", ".join(meta.keywords)),
        ("dc:description", "\n".join(plain_text(para.children) for para in meta.abstract)),
        ("dc:language", meta.language),
        ("dc:identifier", identifier),
        ("cp:lastModifiedBy", ""),
        ("cp:revision", "1"),
    ):
        etree.SubElement(core, qn(tag)).text = value
    naive_utc = when.astimezone(dt.UTC).replace(tzinfo=None)
    document.core_properties.created = naive_utc
    document.core_properties.modified = naive_utc


def set_app_properties(document: Document, company: str) -> None:
    """A fresh ``docProps/app.xml`` naming briefexport and the publisher."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            del package.rels[rel_id]
    root = etree.Element(f"{{{EXTENDED_NS}}}Properties", nsmap={None: EXTENDED_NS})
    for name, value in (("Application", APPLICATION), ("DocSecurity", "0"),
                        ("Company", company)):  # fmt: skip
        etree.SubElement(root, f"{{{EXTENDED_NS}}}{name}").text = value
    element = parse_xml(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    part = XmlPart(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, element, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def set_language(document: Document, language: str, rtl: bool) -> None:
    """The default language of runs: ``w:val`` for Latin text, ``w:bidi`` for Arabic script."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = w("lang")
        rpr.append(lang)
    lang.set(qn("w:bidi" if rtl else "w:val"), language)
