"""Helpers of the Typst engine's tests: options and small briefs built in code."""

from __future__ import annotations

import datetime as dt

from briefexport.model import (
    Affiliation,
    Brief,
    Contributor,
    Footnote,
    Metadata,
    Paragraph,
    PersonName,
    Text,
)
from briefexport.options import WriteOptions, default_options


def typst_options(brief: Brief, **named: str | bool) -> WriteOptions:
    """The default options of ``brief`` with the Typst engine (and ``named`` options)."""
    return default_options(brief, pdf_engine="typst", **named)  # type: ignore[arg-type]


def flat(text: str) -> str:
    """Text without any whitespace or soft hyphen, so line breaks cannot hide a match."""
    return "".join(text.replace("\u00ad", "").split())


def metadata(title: str = "Ports and tides", language: str = "en") -> Metadata:
    place = Affiliation("aff1", "Institute of Coastal Affairs", "Centre for Ports")
    author = Contributor(
        PersonName("Lindqvist", "Farah"), "Research Associate", None, None, (place,)
    )
    return Metadata(
        language=language,
        series="Issue Brief",
        journal_id="icas-briefs",
        publisher="Institute of Coastal Affairs",
        title=(Text(title),),
        authors=(author,),
        date=dt.date(2026, 6, 14),
        affiliations=(place,),
        keywords=("ports", "climate adaptation"),
    )


def plain_note(number: int, text: str) -> Footnote:
    return Footnote(f"n{number}", number, (Paragraph((Text(text),)),))
