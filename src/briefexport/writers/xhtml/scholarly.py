"""Metadata for scholarly search engines and catalogues in the head of the HTML page.

* Highwire Press ``citation_*`` tags, as Google Scholar's inclusion guidelines list them
  (``citation_title``, ``citation_author`` followed by that author's ``_institution``,
  ``_orcid`` and ``_email``, ``citation_publication_date`` as ``YYYY/MM/DD``, publisher, report
  number, DOI, PDF URL, language, keywords);
* Dublin Core as ``DC.*`` meta names (DCMI's "Expressing Dublin Core metadata using HTML/XHTML
  meta and link elements"), with its ``schema.DC`` link;
* ``<link rel="canonical">`` to the DOI and ``<link rel="license">`` to the licence.
"""

from __future__ import annotations

from lxml import etree

from ...inlines import plain_text
from ...model import Contributor, Metadata
from ...shared.front import affiliation_text, document_title, doi_url, orcid_url, rights_sentences
from ...shared.xmlnames import DC
from .markup import child, valid_href


def scholarly_head(head: etree._Element, meta: Metadata, pdf_url: str | None = None) -> None:
    """Append Highwire and Dublin Core ``<meta>`` and the canonical and licence links."""
    if meta.doi:
        child(head, "link", {"rel": "canonical", "href": doi_url(meta.doi)})
    if meta.permissions is not None and meta.permissions.license_url:
        child(head, "link", {"rel": "license", "href": valid_href(meta.permissions.license_url)})
    child(head, "link", {"rel": "schema.DC", "href": DC})
    for name, content in highwire_tags(meta, pdf_url) + dublin_core_tags(meta):
        if content:
            child(head, "meta", {"name": name, "content": content})


def highwire_tags(meta: Metadata, pdf_url: str | None) -> list[tuple[str, str]]:
    """``citation_*`` (name, content) pairs in the order Google Scholar reads them."""
    tags = [("citation_title", document_title(meta))]
    for person in meta.authors:
        tags += author_tags(person, meta.language)
    tags += [
        ("citation_publication_date", meta.date.strftime("%Y/%m/%d")),
        ("citation_publisher", meta.publisher),
        ("citation_technical_report_institution", meta.publisher),
        ("citation_technical_report_number", meta.publisher_id or ""),
        ("citation_doi", meta.doi or ""),
        ("citation_pdf_url", pdf_url or ""),
        ("citation_language", meta.language),
        ("citation_keywords", "; ".join(meta.keywords)),
    ]
    return tags


def author_tags(person: Contributor, language: str) -> list[tuple[str, str]]:
    """``citation_author`` and the tags about that author that follow it."""
    tags = [("citation_author", person.name.sortable)]
    for affiliation in person.affiliations:
        tags.append(("citation_author_institution", affiliation_text(affiliation, language)))
    if person.orcid:
        tags.append(("citation_author_orcid", orcid_url(person.orcid)))
    if person.email:
        tags.append(("citation_author_email", person.email))
    return tags


def dublin_core_tags(meta: Metadata) -> list[tuple[str, str]]:
    """``DC.*`` (name, content) pairs: the fifteen-element set, as far as the brief fills it."""
    tags = [("DC.title", document_title(meta))]
    tags += [("DC.creator", person.name.display) for person in meta.authors]
    tags += [("DC.contributor", person.name.display) for person in meta.editors]
    tags += [("DC.subject", keyword) for keyword in meta.keywords]
    tags += [
        ("DC.description", " ".join(plain_text(p.children) for p in meta.abstract)),
        ("DC.publisher", meta.publisher),
        ("DC.date", meta.date.isoformat()),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("DC.identifier", f"doi:{meta.doi}" if meta.doi else (meta.publisher_id or "")),
        ("DC.language", meta.language),
        ("DC.rights", rights_sentences(meta.permissions)),
    ]
    return tags
