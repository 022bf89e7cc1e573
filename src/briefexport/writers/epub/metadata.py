"""Package metadata of the book (EPUB 3.3 section 5.5, EPUB Accessibility 1.1).

Dublin Core elements with ``refines`` meta for title types, MARC relator roles and file-as
names; the series as a collection (``belongs-to-collection``) so that readers group a series'
briefs; every creator gets its own id (ebooklib 0.20's ``add_author`` gives all of them the same
one). The identifier is the DOI, else a name-based UUID of the brief, never a random one.
"""

from __future__ import annotations

import re
import uuid
from collections import OrderedDict
from collections.abc import Sequence

from ebooklib import epub

from ...inlines import plain_text
from ...model import Brief, Contributor, Metadata
from ...shared.front import rights_sentences
from ...shared.i18n import is_rtl
from ...shared.xmlnames import XML_LANG

COLLECTION = "belongs-to-collection"
YEAR = re.compile(r"(19|20)[0-9]{2}")
# The uuid5 namespace of briefexport's book identifiers: changing it changes every identifier.
IDENTITY_NAMESPACE = uuid.UUID("6f1c3c2e-7a4b-5d0e-9c61-2b8f4e0d9a17")
ACCESSIBILITY_SUMMARY = (
    "Reflowable text with a title page, headings in order, a navigation document, "
    "footnotes linked to and from their calls{images}."
)


def identifier(brief: Brief) -> str:
    """``urn:doi:`` with the DOI, else a ``urn:uuid:`` derived from the brief's identity."""
    meta = brief.meta
    if meta.doi:
        return f"urn:doi:{meta.doi}"
    parts = (meta.publisher, meta.journal_id, meta.publisher_id or "", plain_text(meta.title))
    name = "|".join((*parts, meta.date.isoformat()))
    return f"urn:uuid:{name_based_uuid(IDENTITY_NAMESPACE, name)}"


def name_based_uuid(namespace: uuid.UUID, name: str) -> uuid.UUID:
    """``uuid.uuid5(namespace, name)`` (RFC 4122 section 4.3, SHA-1), with CPython's own SHA-1
    where it has one: ``uuid5`` imports ``hashlib``, which loads OpenSSL, the costliest import of
    a cold EPUB export."""
    try:
        from _sha1 import sha1  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from hashlib import sha1
    digest: bytes = sha1(namespace.bytes + name.encode("utf-8")).digest()
    return uuid.UUID(bytes=digest[:16], version=5)


def refine(book: epub.EpubBook, target: str, prop: str, value: str, scheme: str = "") -> None:
    attrs = OrderedDict([("refines", f"#{target}"), ("property", prop)])
    if scheme:
        attrs["scheme"] = scheme
    book.add_metadata(None, "meta", value, attrs)


def describe(book: epub.EpubBook, brief: Brief) -> None:
    """Every Dublin Core field and refinement the model can fill."""
    meta = brief.meta
    book.set_identifier(identifier(brief))
    if meta.doi:
        refine(book, book.IDENTIFIER_ID, "identifier-type", "06", "onix:codelist5")
    book.title = plain_text(meta.title)
    book.add_metadata("DC", "title", book.title, {"id": "title"})
    refine(book, "title", "title-type", "main")
    if meta.subtitle:
        book.add_metadata("DC", "title", plain_text(meta.subtitle), {"id": "subtitle"})
        refine(book, "subtitle", "title-type", "subtitle")
    book.set_language(meta.language)
    people(book, "creator", "aut", meta.authors)
    people(book, "contributor", "edt", meta.editors)
    book.add_metadata("DC", "publisher", meta.publisher)
    series(book, meta)
    book.add_metadata("DC", "date", meta.date.isoformat())
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    abstract = " ".join(plain_text(p.children) for p in meta.abstract)
    if abstract:
        book.add_metadata("DC", "description", abstract)
    rights = rights_sentences(meta.permissions)
    if rights:
        book.add_metadata("DC", "rights", rights)
    if is_rtl(meta.language):
        book.set_direction("rtl")


def series(book: epub.EpubBook, meta: Metadata) -> None:
    """The series as an EPUB 3 collection (``belongs-to-collection`` of type ``series``, EPUB
    3.3 D.3), identified by the journal id, with the brief's place in it when its report number
    has one; the report number itself is a second ``dc:identifier``."""
    book.add_metadata(None, "meta", meta.series, {"id": "series", "property": COLLECTION})
    refine(book, "series", "collection-type", "series")
    if meta.journal_id:
        refine(book, "series", "dcterms:identifier", meta.journal_id)
    position = series_position(meta)
    if position is not None:
        refine(book, "series", "group-position", position)
    if meta.publisher_id:
        book.add_metadata("DC", "identifier", meta.publisher_id, {"id": "report-number"})


def series_position(meta: Metadata) -> str | None:
    """The brief's number in its series: the last number of the report number after the
    series' own id, not counting a year ("IMCA-PB-2026-07" in series "IMCA-PB": "7"), or None.
    ``group-position`` also takes numbers separated by dots, but readers that read it as a
    decimal would put "2026.10" before "2026.7", so a year in the report number is left out."""
    rest = (meta.publisher_id or "").removeprefix(meta.journal_id)
    numbers = re.findall(r"[0-9]+", rest)
    counted = [number for number in numbers if not YEAR.fullmatch(number)] or numbers
    return str(int(counted[-1])) if counted else None


def people(book: epub.EpubBook, element: str, relator: str, persons: Sequence[Contributor]) -> None:
    """``dc:creator`` or ``dc:contributor`` per person, each refined by role and file-as."""
    for index, person in enumerate(persons, 1):
        uid = f"{element}-{index}"
        book.add_metadata("DC", element, person.name.display, {"id": uid})
        refine(book, uid, "role", relator, "marc:relators")
        refine(book, uid, "file-as", person.name.sortable)


def accessibility(book: epub.EpubBook, brief: Brief, *, cover: bool = False) -> None:
    """EPUB Accessibility 1.1 discovery metadata (schema.org properties) and conformance;
    a cover image makes the book visual too, its ``alt`` alternative text."""
    images = bool(brief.figures) or cover
    modes = ["textual", "visual"] if images else ["textual"]
    features = [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "displayTransformability",
    ]
    if images:
        features.append("alternativeText")
    values = [("schema:accessMode", mode) for mode in modes]
    values.append(("schema:accessModeSufficient", "textual"))
    values += [("schema:accessibilityFeature", feature) for feature in features]
    values.append(("schema:accessibilityHazard", "none"))
    values.append(("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"))
    for prop, value in values:
        book.add_metadata(None, "meta", value, {"property": prop})
    alt_text = f", and alternative text on {alt_on(bool(brief.figures), cover)}" if images else ""
    summary = ACCESSIBILITY_SUMMARY.format(images=alt_text)

    attrs = {"property": "schema:accessibilitySummary", XML_LANG: "en"}  # the summary is English
    book.add_metadata(None, "meta", summary, attrs)


def alt_on(figures: bool, cover: bool) -> str:
    """What carries alternative text: the cover, every figure, or both."""
    if figures and cover:
        return "the cover and every figure"
    return "every figure" if figures else "the cover"
