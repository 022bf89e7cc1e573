"""The brief's identifier and rights in a PDF's XMP packet, for both PDF engines.

One ``rdf:Description`` with ``dc:identifier`` (the DOI as ``doi:...``, else the report
number), ``dc:rights`` (copyright and licence sentences), ``xmpRights:WebStatement`` (the
licence URL) and ``xmpRights:Marked`` (XMP Specification Part 1, 8.4: Dublin Core and XMP Rights
Management, both predefined schemas of PDF/A, so no extension schema is needed).
"""

from __future__ import annotations

from lxml import etree

from ..model import Metadata
from .front import rights_sentences
from .xmlnames import DC, XML_LANG

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"


def identifier(meta: Metadata) -> str | None:
    """``doi:10.xxxx/...`` for a brief with a DOI, else its report number, else None."""
    return f"doi:{meta.doi}" if meta.doi else meta.publisher_id


def rights_description(
    identifier: str | None, rights: str | None, licence_url: str | None
) -> etree._Element | None:
    """``rdf:Description`` with the identifier and rights given, or None with none of them."""
    if not (identifier or rights or licence_url):
        return None
    nsmap = {"rdf": RDF, "dc": DC, "xmpRights": XMP_RIGHTS}
    description = etree.Element(f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""}, nsmap=nsmap)
    if identifier:
        etree.SubElement(description, f"{{{DC}}}identifier").text = identifier
    if rights:
        alternatives = etree.SubElement(etree.SubElement(description, f"{{{DC}}}rights"),
                                        f"{{{RDF}}}Alt")  # fmt: skip
        item = etree.SubElement(alternatives, f"{{{RDF}}}li", {XML_LANG: "x-default"})
        item.text = rights
    if licence_url:
        etree.SubElement(description, f"{{{XMP_RIGHTS}}}WebStatement").text = licence_url
    if rights or licence_url:
        etree.SubElement(description, f"{{{XMP_RIGHTS}}}Marked").text = "True"
    return description


def brief_rights_description(meta: Metadata) -> etree._Element | None:
    """The description of ``meta``'s identifier, rights and licence."""
    permissions = meta.permissions
    return rights_description(
        identifier(meta),
        rights_sentences(permissions) or None,
        permissions.license_url if permissions else None,
    )
