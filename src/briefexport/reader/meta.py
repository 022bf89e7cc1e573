"""Build :class:`Metadata` from ``front`` (journal-meta and article-meta) of a checked brief."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from ..model import Affiliation, Contributor, Metadata, Permissions, PersonName
from ..shared.xmlnames import ALI_LICENSE_REF
from .blocks import Context, inlines, paragraphs, text_of


def metadata(root: etree._Element, ctx: Context) -> Metadata:
    """The brief's metadata; ``root`` is the schema-valid ``article``."""
    journal = _required(root, "front/journal-meta")
    meta = _required(root, "front/article-meta")
    affiliations = {aff.get("id", ""): _affiliation(aff) for aff in meta.iterfind("aff")}
    subtitle = meta.find("title-group/subtitle")
    disclaimer = meta.find("author-notes/fn/p")
    abstract = meta.find("abstract")
    return Metadata(
        language=root.get("{http://www.w3.org/XML/1998/namespace}lang", ""),
        series=_text(journal, "journal-title-group/journal-title"),
        journal_id=_text(journal, "journal-id"),
        publisher=_text(journal, "publisher/publisher-name"),
        publisher_location=text_of(journal.find("publisher/publisher-loc")),
        title=inlines(_required(meta, "title-group/article-title"), ctx),
        authors=_contributors(meta, "author", affiliations),
        date=_pub_date(_required(meta, "pub-date")),
        doi=text_of(meta.find("article-id[@pub-id-type='doi']")),
        publisher_id=text_of(meta.find("article-id[@pub-id-type='publisher-id']")),
        heading=text_of(meta.find("article-categories/subj-group/subject")),
        subtitle=() if subtitle is None else inlines(subtitle, ctx),
        running_head=text_of(meta.find("title-group/alt-title")),
        editors=_contributors(meta, "editor", affiliations),
        affiliations=tuple(affiliations.values()),
        disclaimer=() if disclaimer is None else inlines(disclaimer, ctx),
        permissions=_permissions(meta.find("permissions")),
        abstract=() if abstract is None else paragraphs(abstract, ctx),
        keywords=tuple(text_of(kwd) or "" for kwd in meta.iterfind("kwd-group/kwd")),
    )


def _required(element: etree._Element, path: str) -> etree._Element:
    found = element.find(path)
    assert found is not None, f"schema requires {path}"
    return found


def _text(element: etree._Element, path: str) -> str:
    return text_of(_required(element, path)) or ""


def _affiliation(aff: etree._Element) -> Affiliation:
    return Affiliation(
        id=aff.get("id", ""),
        institution=next(
            (
                text_of(i) or ""
                for i in aff.iterfind("institution")
                if i.get("content-type") is None
            ),
            "",
        ),
        department=text_of(aff.find("institution[@content-type='dept']")),
        country=text_of(aff.find("country")),
    )


def _contributors(
    meta: etree._Element, kind: str, affiliations: dict[str, Affiliation]
) -> tuple[Contributor, ...]:
    return tuple(
        _contributor(contrib, affiliations)
        for contrib in meta.iterfind(f"contrib-group/contrib[@contrib-type='{kind}']")
    )


def _contributor(contrib: etree._Element, affiliations: dict[str, Affiliation]) -> Contributor:
    name = _required(contrib, "name")
    return Contributor(
        name=PersonName(
            surname=_text(name, "surname"),
            given_names=text_of(name.find("given-names")),
            prefix=text_of(name.find("prefix")),
            suffix=text_of(name.find("suffix")),
        ),
        role=text_of(contrib.find("role")),
        orcid=text_of(contrib.find("contrib-id")),
        email=text_of(contrib.find("email")),
        affiliations=tuple(affiliations[x.get("rid", "")] for x in contrib.iterfind("xref")),
    )


def _pub_date(element: etree._Element) -> dt.date:
    return dt.date.fromisoformat(element.get("iso-8601-date", ""))


def _permissions(element: etree._Element | None) -> Permissions | None:
    if element is None:
        return None
    year = text_of(element.find("copyright-year"))
    return Permissions(
        statement=text_of(element.find("copyright-statement")),
        year=int(year) if year else None,
        holder=text_of(element.find("copyright-holder")),
        license_url=text_of(element.find(f"license/{ALI_LICENSE_REF}")),
        license_text=text_of(element.find("license/license-p")),
    )
