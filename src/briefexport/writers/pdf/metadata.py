"""PDF document information, XMP and the PDF/A-3 associated source file (ISO 19005-3).

Title, authors, subject (the series), keywords and language come from the brief; the creation
date is the publication date and the modification date ``options.timestamp``, so the output
never depends on the clock. In PDF/A-3 the canonical JATS of the brief is embedded as an
associated file with ``AFRelationship /Source``.
"""

from __future__ import annotations

import datetime as dt

from weasyprint import Attachment, Document

from ...model import Brief
from ...options import WriteOptions, publication_moment
from ...shared.front import document_title

SOURCE_NAME = "brief.xml"
GENERATOR = "briefexport"


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def set_metadata(document: Document, brief: Brief, options: WriteOptions) -> None:
    """Fill WeasyPrint's metadata (Info dictionary and XMP) from the brief."""
    meta = document.metadata
    meta.title = document_title(brief.meta)
    meta.authors = [author.name.display for author in brief.meta.authors]
    meta.description = brief.meta.series
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
