"""The brief's metadata from a Word document's front matter and package properties.

The paragraphs win; the properties fill gaps: ``dc:title``, ``dc:creator`` (names separated by
";" or ","), ``cp:keywords``, ``dc:language``, ``dc:identifier`` ("doi:..." is the DOI, anything
else the publisher's id), ``dc:subject`` (the heading, unless a Series paragraph gave one) and the
Company of ``docProps/app.xml`` (the publisher). A date comes from the Publication Date
paragraph, else ``--date``, else ``dcterms:created`` (with a warning: it may be when the file was
made, not published). Series and publisher fall back as :mod:`..defaults` says.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...model import Contributor, Inline, Metadata, Permissions, Text
from ..defaults import DEFAULT_LANGUAGE, DEFAULT_PUBLISHER, DEFAULT_SERIES, Fallbacks
from ..language import language_problem
from ..names import journal_id_for, split_name
from ..problems import Problems
from .front import Front


def metadata(
    front: Front,
    properties: dict[str, str],
    rights: Permissions | None,
    fallbacks: Fallbacks,
    problems: Problems,
) -> Metadata | None:
    """The metadata, or None when the title, an author or the date is missing (reported)."""
    required = _required(front, properties, fallbacks, problems)
    if required is None:
        return None
    title, authors, date = required
    publisher = _publisher(properties, fallbacks, authors, problems)
    language = _language(properties, problems)
    doi, publisher_id = _identifiers(properties)
    return Metadata(
        language=language,
        series=_series(front, fallbacks, problems),
        journal_id=journal_id_for(publisher) or publisher,
        publisher=publisher,
        title=title,
        authors=tuple(authors),
        date=date,
        doi=doi,
        publisher_id=publisher_id,
        permissions=rights,
        **_front_fields(front, properties),
    )


def _identifiers(properties: dict[str, str]) -> tuple[str | None, str | None]:
    """The DOI and the publisher's id of the identifier property (``doi:`` marks a DOI)."""
    identifier = properties.get("identifier", "")
    doi = identifier.removeprefix("doi:") if identifier.startswith("doi:") else None
    return doi, identifier if identifier and doi is None else None


def _front_fields(front: Front, properties: dict[str, str]) -> dict[str, Any]:
    """What the front matter's paragraphs give beyond title, authors and date; the subject and
    keywords properties fill the gaps."""
    return {
        "heading": front.heading or (properties.get("subject") if front.series is None else None),
        "subtitle": front.subtitle,
        "editors": tuple(front.editors),
        "affiliations": tuple(front.affiliations),
        "disclaimer": front.disclaimer,
        "abstract": tuple(front.abstract),
        "keywords": tuple(front.keywords or _keywords(properties.get("keywords"))),
    }


def _required(
    front: Front, properties: dict[str, str], fallbacks: Fallbacks, problems: Problems
) -> tuple[tuple[Inline, ...], list[Contributor], dt.date] | None:
    """Title, authors and date, each reported when missing; None when one is."""
    title: tuple[Inline, ...] = front.title or _as_title(properties.get("title"))
    authors = front.authors or _creators(properties.get("creator"))
    date = front.date or fallbacks.date or _created(properties, problems)
    if not title:
        problems.error(1, "no title: neither a Title paragraph nor a title property")
    if not authors:
        problems.error(1, "no author: neither a by-line nor a creator property")
    if date is None:
        problems.error(1, "no publication date: give one with --date")
    if not title or not authors or date is None:
        return None
    return title, authors, date


def _as_title(title: str | None) -> tuple[Inline, ...]:
    return (Text(title),) if title else ()


def _creators(creator: str | None) -> list[Contributor]:
    names = re.split(r"\s*;\s*|\s*,\s*|\s+and\s+", creator or "")
    return [Contributor(split_name(name)) for name in names if name.strip()]


def _keywords(keywords: str | None) -> list[str]:
    return [word.strip() for word in re.split(r"[,;]", keywords or "") if word.strip()]


def _created(properties: dict[str, str], problems: Problems) -> dt.date | None:
    created = properties.get("created", "")
    try:
        date = dt.date.fromisoformat(created[:10])
    except ValueError:
        return None
    problems.warning(1, f"no publication date paragraph; using the file's creation date {date}")
    return date


def _series(front: Front, fallbacks: Fallbacks, problems: Problems) -> str:
    if front.series:
        return front.series
    if fallbacks.series:
        return fallbacks.series
    problems.warning(1, f"no Series paragraph; using {DEFAULT_SERIES!r} (see --series)")
    return DEFAULT_SERIES


def _publisher(
    properties: dict[str, str], fallbacks: Fallbacks, authors: list[Contributor], problems: Problems
) -> str:
    if properties.get("company"):
        return properties["company"]
    if fallbacks.publisher:
        return fallbacks.publisher
    institutions = [aff.institution for person in authors for aff in person.affiliations]
    chosen = institutions[0] if institutions else DEFAULT_PUBLISHER
    source = "the first author's institution " if institutions else ""
    problems.warning(1, f"no publisher (Company) named; using {source}{chosen!r} (see --publisher)")
    return chosen


def _language(properties: dict[str, str], problems: Problems) -> str:
    """The package's ``dc:language`` (English when absent); one the brief cannot hold is an
    error."""
    language = properties.get("language") or DEFAULT_LANGUAGE
    if problem := language_problem(language):
        problems.error(1, f"the document's properties: {problem}")
    return language
