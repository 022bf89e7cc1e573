"""The ``dublin_core.xml`` of a DSpace Simple Archive Format item, from the brief's metadata.

Format: a ``dublin_core`` root (``schema="dc"``) with one ``dcvalue`` per value, carrying
``element``, ``qualifier`` (``none`` when unqualified) and, for text, ``language``: the brief's
own language, so an Urdu brief's title is stored as Urdu. Every field used is in DSpace's default
``dc`` registry (``dublin-core-types.xml``), so an import needs no registry change. The mapping,
field by field, is documented in ``docs/deposit.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from lxml import etree

from ..inlines import plain_text
from ..model import Brief, Metadata, Permissions
from ..shared.urls import DOI_RESOLVER

ITEM_TYPE = "Policy brief"
ITEM_TYPE_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class DcValue:
    """One metadata value: ``dc.element.qualifier``, the value and its language (None: none)."""

    element: str
    qualifier: str | None
    value: str
    language: str | None = None


def doi_url(doi: str) -> str:
    """The DOI as a resolvable URL."""
    return DOI_RESOLVER + quote(doi, safe="/")


def dublin_core_xml(brief: Brief) -> bytes:
    """``dublin_core.xml`` as DSpace's item importer reads it."""
    root = etree.Element("dublin_core", schema="dc")
    for value in dc_values(brief):
        element = etree.SubElement(
            root, "dcvalue", element=value.element, qualifier=value.qualifier or "none"
        )
        if value.language:
            element.set("language", value.language)
        element.text = value.value
    body = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def dc_values(brief: Brief) -> list[DcValue]:
    """Every value the brief's metadata gives, in the order of ``docs/deposit.md``."""
    meta = brief.meta
    text = _Texts(meta.language)
    values = text("title", None, [plain_text(meta.title)])
    values += text("title", "alternative", _alternative_titles(meta))
    values += text("contributor", "author", [p.name.sortable for p in meta.authors])
    values += text("contributor", "editor", [p.name.sortable for p in meta.editors])
    values.append(DcValue("date", "issued", meta.date.isoformat()))
    values += text("publisher", None, [meta.publisher])
    values += _identifiers(meta)
    values += _rights(meta.permissions, text)
    values += text("subject", None, subjects(meta))
    abstract = "\n\n".join(plain_text(p.children) for p in meta.abstract)
    values += text("description", "abstract", [abstract])
    values += text("description", None, [plain_text(meta.disclaimer)])
    values.append(DcValue("language", "iso", meta.language))
    values.append(DcValue("type", None, ITEM_TYPE, ITEM_TYPE_LANGUAGE))
    series = f"{meta.series};{meta.publisher_id}" if meta.publisher_id else meta.series
    values += text("relation", "ispartofseries", [series])
    return values


class _Texts:
    """Makes text values in one language, leaving out empty ones."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, element: str, qualifier: str | None, values: list[str]) -> list[DcValue]:
        return [DcValue(element, qualifier, v, self.language) for v in values if v.strip()]


def subjects(meta: Metadata) -> list[str]:
    """The heading's subject, then each keyword; a term again in other capitals is left out
    (a repository's subject browse would list "Climate Adaptation" and "climate adaptation")."""
    terms = [*([meta.heading] if meta.heading else []), *meta.keywords]
    first: dict[str, str] = {}
    for term in terms:
        first.setdefault(" ".join(term.split()).casefold(), term)
    return list(first.values())


def _alternative_titles(meta: Metadata) -> list[str]:
    title = plain_text(meta.title)
    candidates = [plain_text(meta.subtitle), meta.running_head or ""]
    return [c for c in dict.fromkeys(candidates) if c and c != title]


def _identifiers(meta: Metadata) -> list[DcValue]:
    values = []
    if meta.doi:
        values += [
            DcValue("identifier", "doi", meta.doi),
            DcValue("identifier", "uri", doi_url(meta.doi)),
        ]
    if meta.publisher_id:
        values.append(DcValue("identifier", "other", meta.publisher_id))
    return values


def _rights(permissions: Permissions | None, text: _Texts) -> list[DcValue]:
    if permissions is None:
        return []
    statement = permissions.statement or _copyright_line(permissions)
    # The licence first: DSpace's Creative Commons display takes the first dc.rights as the
    # name of the licence dc.rights.uri points to (its cc.license.name and cc.license.uri).
    values = text("rights", None, [permissions.license_text or "", statement])
    if permissions.license_url:
        values.append(DcValue("rights", "uri", permissions.license_url))
    if permissions.year:
        values.append(DcValue("date", "copyright", f"{permissions.year:04d}"))
    return values


def _copyright_line(permissions: Permissions) -> str:
    parts = [str(permissions.year) if permissions.year else "", permissions.holder or ""]
    return " ".join(["©", *filter(None, parts)]) if any(parts) else ""
