"""JATS citations (``mixed-citation``, ``element-citation``, NLM's ``nlm-citation``) as the
profile's mixed citations.

A ``mixed-citation`` is kept as printed: names, titles, sources, dates and links stay tagged,
other tagged parts (``volume``, ``fpage``, ``pub-id``...) keep their text; a DOI becomes a link.
An ``element-citation`` has no punctuation of its own, so it is printed here in one plain
author-date shape, the parts tagged the same way::

    Surname GN, Surname GN (2020). Article title. Source 12(3): 141-159. https://doi.org/...
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from ...inlines import canonical, mixed_content
from ...model import (
    Citation,
    CitationField,
    CitationPart,
    CitedDate,
    Inline,
    Link,
    PublicationType,
    Styled,
    Text,
)
from ...shared.xmlnames import XLINK_HREF
from ..links import doi_url, usable_href
from .context import Level, Scope, local_name, text_of
from .inline import STYLES, children

TYPES = {
    "journal": PublicationType.JOURNAL,
    "periodical": PublicationType.JOURNAL,
    "book": PublicationType.BOOK,
    "report": PublicationType.REPORT,
    "web": PublicationType.WEBPAGE,
    "webpage": PublicationType.WEBPAGE,
    "website": PublicationType.WEBPAGE,
}
TITLES = ("article-title", "chapter-title", "data-title", "part-title")
OTHER_PARTS = "tagged citation parts other than names, titles, sources and dates kept as text"


def citation(element: etree._Element, scope: Scope) -> Citation:
    """The citation ``element`` as a mixed citation."""
    kind = element.get("publication-type") or element.get("citation-type") or "other"
    parts = (
        _mixed(element, scope)
        if local_name(element) == "mixed-citation"
        else _rendered(element, scope)
    )
    return Citation(TYPES.get(kind.lower(), PublicationType.OTHER), canonical(parts))


# ---------------------------------------------------------------------- mixed-citation


def _mixed(element: etree._Element, scope: Scope) -> list[Inline]:
    return mixed_content(element, lambda child: _mixed_part(child, scope))


def _mixed_part(element: etree._Element, scope: Scope) -> list[Inline]:
    name = local_name(element)
    phrase = scope.inner(Level.PHRASE)
    if name == "person-group":
        return _person_group(element, scope)
    if name in ("string-name", "name"):
        return [_part(CitationField.STRING_NAME, _name_text(element))]
    if name == "collab":
        return [_part(CitationField.COLLAB, text_of(element))]
    if name in TITLES or name == "source":
        field = CitationField.SOURCE if name == "source" else CitationField.ARTICLE_TITLE
        return [CitationPart(field, tuple(children(element, phrase)))]
    if name in ("year", "date", "string-date"):
        return [_date(element, text_of(element))]
    if name in ("ext-link", "uri", "pub-id"):
        return _link(element)
    if name in STYLES:
        return [Styled(STYLES[name], tuple(children(element, phrase)))]
    if name == "etal":
        return [Text(text_of(element) or "et al.")]
    scope.ctx.notices.repeated(element, OTHER_PARTS)
    return [Text(text_of(element))]


def _person_group(element: etree._Element, scope: Scope) -> list[Inline]:
    inner: list[Inline] = [Text(element.text)] if element.text else []
    for child in element:
        name = local_name(child)
        if name in ("name", "string-name"):
            inner.append(_part(CitationField.STRING_NAME, _name_text(child)))
        elif name == "collab":
            inner.append(_part(CitationField.COLLAB, text_of(child)))
        elif name:
            inner.append(Text(text_of(child) or ("et al." if name == "etal" else "")))
        if child.tail:
            inner.append(Text(child.tail))
    if element.get("person-group-type", "author") != "author":
        return inner  # editors and translators are not the citation's authors
    return [CitationPart(CitationField.PERSON_GROUP, tuple(inner))]


def _name_text(element: etree._Element) -> str:
    """A name as printed; parts written without spaces between them are joined by one."""
    between = (element.text or "") + "".join(child.tail or "" for child in element)
    if between.strip() or not len(element):
        return text_of(element)
    return " ".join(text_of(child) for child in element if text_of(child))


def _part(field: CitationField, text: str) -> CitationPart:
    return CitationPart(field, (Text(text),))


def _date(element: etree._Element, printed: str) -> Inline:
    iso = element.get("iso-8601-date") or _iso_from_parts(element)
    if not printed or not iso or not _exists(iso):
        return Text(printed)
    return CitedDate(iso, printed)


def _iso_from_parts(element: etree._Element) -> str | None:
    if local_name(element) == "year":
        found = re.match(r"\d{4}", text_of(element))
        return found.group() if found else None
    year, month, day = (text_of(element.find(tag)) for tag in ("year", "month", "day"))
    if not re.fullmatch(r"\d{4}", year):
        return None
    if not month.isdigit():
        return year
    iso = f"{year}-{int(month):02d}"
    return f"{iso}-{int(day):02d}" if day.isdigit() else iso


def _exists(iso: str) -> bool:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso):
        return False
    year, month, day = [*(int(part) for part in iso.split("-")), 1, 1][:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _link(element: etree._Element) -> list[Inline]:
    printed = text_of(element)
    if local_name(element) == "pub-id":
        href = doi_url(printed) if element.get("pub-id-type") == "doi" else None
    else:
        href = usable_href(element.get(XLINK_HREF) or printed)
    return [Link(href, (Text(printed),))] if href and printed else [Text(printed)]


# ---------------------------------------------------------------------- element-citation


def _rendered(element: etree._Element, scope: Scope) -> list[Inline]:
    """An element-citation printed in one plain shape (see the module docstring)."""
    out: list[Inline] = []
    for group in element.iterfind("person-group"):
        if group.get("person-group-type", "author") == "author":
            out.append(CitationPart(CitationField.PERSON_GROUP, tuple(_listed_people(group))))
    for tag in ("string-name", "collab"):
        out += [_part(_FIELDS[tag], text_of(found)) for found in element.iterfind(tag)]
    year = element.find("year")
    if year is None:
        year = element.find("date")
    if year is not None:
        out += [Text(" ("), _date(year, text_of(year)), Text(").")]
    out += _titled(element, scope)
    printed = _locators(element)
    if printed or element.find("source") is not None:
        out.append(Text(f" {printed}." if printed else "."))
    for found in (*element.iterfind("pub-id[@pub-id-type='doi']"), *element.iterfind("ext-link")):
        out += [Text(" "), *_link(found)]
    out += [item for found in element.iterfind("uri") for item in (Text(" "), *_link(found))]
    _report_unprinted(element, scope)
    return out


_FIELDS = {"string-name": CitationField.STRING_NAME, "collab": CitationField.COLLAB}
PRINTED = frozenset(
    {"person-group", "string-name", "collab", "year", "date", "source", *TITLES, "volume",
     "issue", "fpage", "lpage", "elocation-id", "publisher-loc", "publisher-name", "pub-id",
     "ext-link", "uri", "edition", "comment", "etal"}
)  # fmt: skip


def _listed_people(group: etree._Element) -> list[Inline]:
    people: list[Inline] = []
    for child in group:
        name = local_name(child)
        if name in ("name", "string-name"):
            surname, given = text_of(child.find("surname")), text_of(child.find("given-names"))
            printed = f"{surname} {given}".strip() if surname else _name_text(child)
            people.append(_part(CitationField.STRING_NAME, printed))
        elif name == "collab":
            people.append(_part(CitationField.COLLAB, text_of(child)))
        elif name == "etal":
            people.append(Text("et al."))
    separated: list[Inline] = []
    for index, person in enumerate(people):
        separated += [Text(", ")] if index else []
        separated.append(person)
    return separated


def _titled(element: etree._Element, scope: Scope) -> list[Inline]:
    phrase = scope.inner(Level.PHRASE)
    out: list[Inline] = []
    for title in (found for tag in TITLES for found in element.iterfind(tag)):
        part = CitationPart(CitationField.ARTICLE_TITLE, tuple(children(title, phrase)))
        out += [Text(" "), part, Text(".")]
    source = element.find("source")
    if source is not None:
        out += [Text(" "), CitationPart(CitationField.SOURCE, tuple(children(source, phrase)))]
    edition = text_of(element.find("edition"))
    if edition:
        out.append(Text(f", {edition} edn"))
    return out


def _locators(element: etree._Element) -> str:
    """Volume(issue): pages. Place: publisher. Comment."""

    def text(tag: str) -> str:
        return text_of(element.find(tag))

    issue = f"({text('issue')})" if text("issue") else ""
    pages = "\u2013".join(page for page in (text("fpage"), text("lpage")) if page)
    pages = pages or text("elocation-id")
    volume = text("volume") + issue
    numbers = f"{volume}: {pages}" if volume and pages else volume or pages
    publisher = ": ".join(part for part in (text("publisher-loc"), text("publisher-name")) if part)
    return ". ".join(part for part in (numbers, publisher, text("comment")) if part)


def _report_unprinted(element: etree._Element, scope: Scope) -> None:
    for child in element:
        name = local_name(child)
        if name and name not in PRINTED:
            scope.ctx.notices.repeated(child, f"<{name}> of an element-citation dropped")
        elif name == "pub-id" and child.get("pub-id-type") != "doi":
            scope.ctx.notices.repeated(child, "identifiers other than DOIs in citations dropped")
