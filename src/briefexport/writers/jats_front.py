"""JATS 1.3 ``front`` matter of a brief: journal-meta and article-meta in DTD order.

Reference: JATS 1.3 Tag Library (``article-meta`` content model) and JATS4R recommendations on
contributors, affiliations (``institution content-type="dept"``), dates and licences.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree
from lxml.builder import ElementMaker

from ..model import Affiliation, Contributor, Inline, Metadata, Paragraph, Permissions
from ..shared.xmlnames import ALI, XLINK

E = ElementMaker(nsmap={"xlink": XLINK, "ali": ALI})
InlineWriter = Callable[[tuple[Inline, ...]], list[str | etree._Element]]


def paragraph_element(paragraph: Paragraph, inlines: InlineWriter) -> etree._Element:
    """A ``p``, marked ``content-type="lead"`` for the lead paragraph."""
    element = E.p(*inlines(paragraph.children))
    if paragraph.lead:
        element.set("content-type", "lead")
    return element


def front_to_jats(meta: Metadata, inlines: InlineWriter) -> etree._Element:
    """The ``front`` element."""
    return E.front(_journal_meta(meta), _article_meta(meta, inlines))


def _journal_meta(meta: Metadata) -> etree._Element:
    publisher = E.publisher(E("publisher-name", meta.publisher))
    if meta.publisher_location:
        publisher.append(E("publisher-loc", meta.publisher_location))
    return E(
        "journal-meta",
        E("journal-id", {"journal-id-type": "publisher-id"}, meta.journal_id),
        E("journal-title-group", E("journal-title", meta.series)),
        publisher,
    )


def _article_meta(meta: Metadata, inlines: InlineWriter) -> etree._Element:
    element = E("article-meta")
    for kind, value in (("doi", meta.doi), ("publisher-id", meta.publisher_id)):
        if value:
            element.append(E("article-id", {"pub-id-type": kind}, value))
    if meta.heading:
        subject = E("subj-group", {"subj-group-type": "heading"}, E.subject(meta.heading))
        element.append(E("article-categories", subject))
    element.append(_title_group(meta, inlines))
    element.append(_contrib_group(meta.authors, "author"))
    if meta.editors:
        element.append(_contrib_group(meta.editors, "editor"))
    element.extend(_affiliation(aff) for aff in meta.affiliations)
    element.extend(_after_people(meta, inlines))
    return element


def _after_people(meta: Metadata, inlines: InlineWriter) -> list[etree._Element]:
    found = []
    if meta.disclaimer:
        note = E.fn(
            {"fn-type": "custom", "custom-type": "disclaimer"}, E.p(*inlines(meta.disclaimer))
        )
        found.append(E("author-notes", note))
    found.append(_pub_date(meta))
    if meta.permissions:
        found.append(_permissions(meta.permissions))
    if meta.abstract:
        found.append(E.abstract(*(paragraph_element(p, inlines) for p in meta.abstract)))
    if meta.keywords:
        found.append(E("kwd-group", {"kwd-group-type": "author"}, *map(E.kwd, meta.keywords)))
    return found


def _title_group(meta: Metadata, inlines: InlineWriter) -> etree._Element:
    group = E("title-group", E("article-title", *inlines(meta.title)))
    if meta.subtitle:
        group.append(E.subtitle(*inlines(meta.subtitle)))
    if meta.running_head:
        group.append(E("alt-title", {"alt-title-type": "running-head"}, meta.running_head))
    return group


def _contrib_group(people: tuple[Contributor, ...], kind: str) -> etree._Element:
    return E("contrib-group", *(_contributor(person, kind) for person in people))


def _contributor(person: Contributor, kind: str) -> etree._Element:
    contrib = E.contrib({"contrib-type": kind})
    if person.orcid:
        contrib.append(E("contrib-id", {"contrib-id-type": "orcid"}, person.orcid))
    name = E.name(E.surname(person.name.surname))
    for tag, value in (
        ("given-names", person.name.given_names),
        ("prefix", person.name.prefix),
        ("suffix", person.name.suffix),
    ):
        if value:
            name.append(E(tag, value))
    contrib.append(name)
    for tag, value in (("role", person.role), ("email", person.email)):
        if value:
            contrib.append(E(tag, value))
    contrib.extend(E.xref({"ref-type": "aff", "rid": aff.id}) for aff in person.affiliations)
    return contrib


def _affiliation(aff: Affiliation) -> etree._Element:
    parts = []
    if aff.department:
        parts.append(E.institution({"content-type": "dept"}, aff.department))
    parts.append(E.institution(aff.institution))
    if aff.country:
        parts.append(E.country(aff.country))
    element = E.aff({"id": aff.id})
    for index, part in enumerate(parts):
        if index:
            element[-1].tail = ", "
        element.append(part)
    return element


def _pub_date(meta: Metadata) -> etree._Element:
    date = meta.date
    attributes = {
        "publication-format": "electronic",
        "date-type": "pub",
        "iso-8601-date": date.isoformat(),
    }
    return E(
        "pub-date",
        attributes,
        E.day(f"{date.day:02d}"),
        E.month(f"{date.month:02d}"),
        E.year(f"{date.year:04d}"),
    )


def _permissions(rights: Permissions) -> etree._Element:
    element = E.permissions()
    for tag, value in (
        ("copyright-statement", rights.statement),
        ("copyright-year", None if rights.year is None else f"{rights.year:04d}"),
        ("copyright-holder", rights.holder),
    ):
        if value:
            element.append(E(tag, value))
    if rights.license_url or rights.license_text:
        licence = E.license()
        if rights.license_url:
            licence.append(etree.Element(f"{{{ALI}}}license_ref", nsmap={"ali": ALI}))
            licence[-1].text = rights.license_url
        if rights.license_text:
            licence.append(E("license-p", rights.license_text))
        element.append(licence)
    return element
