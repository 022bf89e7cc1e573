"""PDF document information, XMP and the PDF/A-3 associated source file (ISO 19005-3).

Title, authors, description (the abstract, also the Info dictionary's ``/Subject``), keywords
and language come from the brief; the creation date is the publication date and the
modification date ``options.timestamp``, so the output never depends on the clock. The XMP
packet also carries what WeasyPrint does not write: ``dc:identifier`` (the DOI, else the
report number), ``dc:rights`` (copyright and licence sentences), ``xmpRights:WebStatement``
(the licence URL) and ``xmpRights:Marked`` (XMP Specification Part 1, 8.4: Dublin Core and XMP
Rights Management, both predefined schemas of PDF/A; built by :mod:`briefexport.shared.xmp`,
as for the Typst engine). In PDF/A-3 the canonical JATS of the
brief is embedded as an associated file with ``AFRelationship /Source``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree
from weasyprint import Attachment, Document
from weasyprint.pdf.metadata import DocumentMetadata

from ...inlines import plain_text
from ...model import Brief
from ...options import WriteOptions, publication_moment
from ...shared.front import document_title, rights_sentences
from ...shared.xmp import identifier, rights_description

SOURCE_NAME = "brief.xml"
GENERATOR = "briefexport"


class BriefMetadata(DocumentMetadata):  # type: ignore[misc]
    """WeasyPrint's metadata with the brief's identifier and rights added to the XMP packet."""

    identifier: str | None = None
    rights: str | None = None
    licence_url: str | None = None

    def generate_rdf_metadata(self, *args: Any) -> bytes:
        """WeasyPrint's RDF with one more ``rdf:Description`` for identifier and rights."""
        rdf = etree.fromstring(super().generate_rdf_metadata(*args))
        description = rights_description(self.identifier, self.rights, self.licence_url)
        if description is not None:
            rdf.append(description)
        return etree.tostring(rdf, encoding="utf-8")


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
