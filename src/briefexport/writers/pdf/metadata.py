"""PDF document information, XMP and the PDF/A-3 associated source file (ISO 19005-3).

Title, authors, description (the abstract, also the Info dictionary's ``/Subject``), keywords
and language come from the brief; the creation date is the publication date and the
modification date ``options.timestamp``, so the output never depends on the clock. The XMP
packet also carries what WeasyPrint does not write: ``dc:identifier`` (the DOI, else the
report number), ``dc:rights`` (copyright and licence sentences), ``xmpRights:WebStatement``
(the licence URL) and ``xmpRights:Marked`` (XMP Specification Part 1, 8.4: Dublin Core and XMP
Rights Management, both predefined schemas of PDF/A). In PDF/A-3 the canonical JATS of the
brief is embedded as an associated file with ``AFRelationship /Source``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree
from weasyprint import Attachment, Document
from weasyprint.pdf.metadata import DocumentMetadata

from ...inlines import plain_text
from ...model import Brief, Metadata
from ...options import WriteOptions, publication_moment
from ...shared.front import document_title, rights_sentences

SOURCE_NAME = "brief.xml"
GENERATOR = "briefexport"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class BriefMetadata(DocumentMetadata):  # type: ignore[misc]
    """WeasyPrint's metadata with the brief's identifier and rights added to the XMP packet."""

    identifier: str | None = None
    rights: str | None = None
    licence_url: str | None = None

    def generate_rdf_metadata(self, *args: Any) -> bytes:
        """WeasyPrint's RDF with one more ``rdf:Description`` for identifier and rights."""
        rdf = etree.fromstring(super().generate_rdf_metadata(*args))
        if self.identifier or self.rights or self.licence_url:
            rdf.append(self.rights_description())
        return etree.tostring(rdf, encoding="utf-8")

    def rights_description(self) -> etree._Element:
        """``rdf:Description`` with ``dc:identifier``, ``dc:rights`` and ``xmpRights:*``."""
        nsmap = {"rdf": RDF, "dc": DC, "xmpRights": XMP_RIGHTS}
        description = etree.Element(f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""}, nsmap=nsmap)
        if self.identifier:
            etree.SubElement(description, f"{{{DC}}}identifier").text = self.identifier
        if self.rights:
            alternatives = etree.SubElement(etree.SubElement(description, f"{{{DC}}}rights"),
                                            f"{{{RDF}}}Alt")  # fmt: skip
            item = etree.SubElement(alternatives, f"{{{RDF}}}li", {XML_LANG: "x-default"})
            item.text = self.rights
        if self.licence_url:
            etree.SubElement(description, f"{{{XMP_RIGHTS}}}WebStatement").text = self.licence_url
        if self.rights or self.licence_url:
            etree.SubElement(description, f"{{{XMP_RIGHTS}}}Marked").text = "True"
        return description


def identifier(meta: Metadata) -> str | None:
    """``doi:10.xxxx/...`` for a brief with a DOI, else its report number, else None."""
    return f"doi:{meta.doi}" if meta.doi else meta.publisher_id


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def set_metadata(document: Document, brief: Brief, options: WriteOptions) -> None:
    """Fill WeasyPrint's metadata (Info dictionary and XMP) from the brief."""
    meta = BriefMetadata()
    document.metadata = meta
    meta.title = document_title(brief.meta)
    meta.authors = [author.name.display for author in brief.meta.authors]
    abstract = " ".join(plain_text(paragraph.children) for paragraph in brief.meta.abstract)
    meta.description = abstract or None
    meta.identifier = identifier(brief.meta)
    meta.rights = rights_sentences(brief.meta.permissions) or None
    permissions = brief.meta.permissions
    meta.licence_url = permissions.license_url if permissions else None
    meta.keywords = list(brief.meta.keywords)
    meta.lang = brief.meta.language
    meta.generator = GENERATOR
    meta.created = _iso(publication_moment(brief))
    meta.modified = _iso(max(options.timestamp, publication_moment(brief)))


def source_attachment(brief: Brief, options: WriteOptions) -> Attachment:
    """The canonical JATS as a PDF/A-3 associated file with fixed dates."""
    from ..jats import write as write_jats  # the lead's canonical serializer

    moment = options.timestamp.astimezone(dt.UTC)
    return Attachment(
        string=write_jats(brief, options),
        name=SOURCE_NAME,
        description="Canonical JATS 1.3 source of this brief",
        relationship="Source",
        created=moment,
        modified=moment,
    )
