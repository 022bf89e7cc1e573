"""Where each kind of inline may stand in a brief, as the profile's schema (``schema/brief.rng``:
``phrase``, ``linked``, ``para.content``, ``mixed-citation``) says, for importers whose sources
can put a citation part, a date, a link or a call anywhere (a Markdown span in a heading).

An importer checks its converted inlines here and reports the first one out of place at the
source's line, instead of generating a brief the reader would refuse.
"""

from __future__ import annotations

import enum
from typing import assert_never

from ..model import (
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    FootnoteRef,
    Inline,
    Link,
    Styled,
    Text,
)


class Place(enum.Enum):
    """The content models of the schema that inlines stand in."""

    PHRASE = "a title or a link's text"  # text and formatting
    LINKED = "a caption, a cell or an attribution"  # and links
    PARAGRAPH = "a paragraph"  # and calls, and citations at its top level
    PARAGRAPH_STYLED = "formatted text"  # a paragraph's formatting: no citations
    CITATION = "a citation"  # text, formatting, links, tagged parts
    NAMES = "a name or an author group"  # names only


PART_LABELS = {
    CitationField.PERSON_GROUP: "an author group",
    CitationField.STRING_NAME: "a name",
    CitationField.COLLAB: "a name",
    CitationField.ARTICLE_TITLE: "a title",
    CitationField.SOURCE: "a source",
}


def misplaced(inlines: tuple[Inline, ...], place: Place) -> str | None:
    """What the first inline that cannot stand in ``place`` is and where, or None."""
    for inline in inlines:
        found = _misplaced_one(inline, place)
        if found is not None:
            return found
    return None


def _misplaced_one(inline: Inline, place: Place) -> str | None:
    inside = _inside(inline, place)
    if inside is None:
        return f"{_described(inline)} cannot be placed in {place.value}"
    match inline:
        case Text() | FootnoteRef() | CitationRef() | CitedDate():
            return None
        case Styled() | Link() | Citation() | CitationPart():
            return misplaced(inline.children, inside)
        case _:
            assert_never(inline)


def _inside(inline: Inline, place: Place) -> Place | None:
    """The place of ``inline``'s children, or None when it cannot stand in ``place``."""
    match inline:
        case Text():
            return place
        case Styled():
            return _styled_inside(place)
        case Link():
            return Place.PHRASE if place not in (Place.PHRASE, Place.NAMES) else None
        case FootnoteRef() | CitationRef():
            return place if place in (Place.PARAGRAPH, Place.PARAGRAPH_STYLED) else None
        case Citation():
            return Place.CITATION if place is Place.PARAGRAPH else None
        case CitationPart():
            return _part_inside(inline.field, place)
        case CitedDate():
            return place if place is Place.CITATION else None
        case _:
            assert_never(inline)


def _styled_inside(place: Place) -> Place | None:
    if place is Place.NAMES:
        return None
    if place is Place.PARAGRAPH:
        return Place.PARAGRAPH_STYLED
    return Place.PHRASE if place is Place.CITATION else place


def _part_inside(field: CitationField, place: Place) -> Place | None:
    names = field in (CitationField.STRING_NAME, CitationField.COLLAB)
    if place is Place.NAMES:
        return Place.NAMES if names else None
    if place is not Place.CITATION:
        return None
    return Place.NAMES if names or field is CitationField.PERSON_GROUP else Place.PHRASE


def _described(inline: Inline) -> str:
    match inline:
        case Text() | Styled():
            return "formatted text"
        case Link():
            return f"a link to {inline.href!r}"
        case FootnoteRef():
            return "a footnote call"
        case CitationRef():
            return "a reference call"
        case Citation():
            return "a citation"
        case CitationPart():
            return f"{PART_LABELS[inline.field]} ({{.{inline.field.value}}})"
        case CitedDate():
            return "a cited date ({.date})"
        case _:
            assert_never(inline)
