"""Turn a footnote's printed citation into a structured JATS ``mixed-citation``.

The shape recognised is the one web citations take in briefs::

    [Author, Author, ]"Title", Source[, published on May 27, 2024][.] URL

Every character of the printed text is kept: the tagged parts (``person-group``/``string-name``,
``article-title``, ``source``, ``string-date`` with its ISO value, ``ext-link``) sit in the text
with the quotes and commas between them, as JATS4R recommends for mixed citations.
"""

from __future__ import annotations

import re

from ..inlines import canonical
from ..model import (
    Citation,
    CitationField,
    CitationPart,
    CitedDate,
    Inline,
    Link,
    PublicationType,
    Text,
)
from .dates import DATE_TEXT, printed_date_iso

_CITATION = re.compile(
    r"(?:(?P<authors>[^\"“”]+?),\s+)?"
    r"(?P<open>[\"“])(?P<title>[^\"“”]+?)(?P<title_end>,?[\"”],?\s+)"
    r"(?P<source>.+?)"
    r"(?:(?P<date_lead>,?\s+(?:published|posted|updated)(?:\s+on)?\s+)(?P<date>"
    + DATE_TEXT
    + r"))?"
    r"(?P<end>\.?)"
)
_AUTHOR_SEPARATOR = re.compile(r",\s+|\s+and\s+|\s*&\s*")


def parse_citation(text: str, url: str | None) -> Citation | None:
    """The structured citation printed as ``text`` (followed by ``url``), or None."""
    found = _CITATION.fullmatch(text.strip())
    if not found or not found["source"].strip():
        return None
    parts: list[Inline] = []
    if found["authors"]:
        parts += [_person_group(found["authors"]), Text(", ")]
    parts += [
        Text(found["open"]),
        CitationPart(CitationField.ARTICLE_TITLE, (Text(found["title"]),)),
        Text(found["title_end"]),
        CitationPart(CitationField.SOURCE, (Text(found["source"]),)),
    ]
    parts += _date_parts(found["date_lead"], found["date"])
    parts.append(Text(found["end"]))
    if url:
        parts += [Text(" "), Link(url, (Text(url),))]
    kind = PublicationType.WEBPAGE if url else PublicationType.OTHER
    return Citation(kind, canonical(parts))


def _person_group(authors: str) -> CitationPart:
    names = _AUTHOR_SEPARATOR.split(authors)
    separators = _AUTHOR_SEPARATOR.findall(authors)
    children: list[Inline] = [CitationPart(CitationField.STRING_NAME, (Text(names[0]),))]
    for separator, name in zip(separators, names[1:], strict=True):
        children += [Text(separator), CitationPart(CitationField.STRING_NAME, (Text(name),))]
    return CitationPart(CitationField.PERSON_GROUP, tuple(children))


def _date_parts(lead: str | None, date_text: str | None) -> list[Inline]:
    if not lead or not date_text:
        return []
    iso = printed_date_iso(date_text)
    if iso is None:
        return [Text(lead + date_text)]
    return [Text(lead), CitedDate(iso, date_text)]


def citation_from_text(inlines: tuple[Inline, ...]) -> Citation | None:
    """The structured citation when ``inlines`` are plain text (and a bare URL) of that shape."""
    url = None
    last = inlines[-1] if inlines else None
    if isinstance(last, Link) and last.children == (Text(last.href),):
        url, inlines = last.href, inlines[:-1]
    if len(inlines) != 1 or not isinstance(inlines[0], Text):
        return None
    return parse_citation(inlines[0].value, url)
