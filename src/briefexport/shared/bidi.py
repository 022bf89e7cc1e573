"""Runs of text written in the other direction, found once for every format (UAX #9).

A right-to-left brief cites English sources; a left-to-right brief may quote Urdu. The Unicode
Bidirectional Algorithm alone reorders such text badly: the neutral punctuation between two
English titles of an Urdu note ("Fernández، “Rainwater") joins them into one left-to-right run
and the Urdu comma lands on the wrong side. Each stretch in the other direction is therefore
*isolated* (UAX #9, rules X5a-X5c): HTML and EPUB wrap it in ``<span dir="...">`` (isolated by
the HTML rendering rules, ``unicode-bidi: isolate``), WeasyPrint lays its children out in that
direction, and Word and LibreOffice get the isolate controls LRI/RLI ... PDI around its runs.

A stretch runs from the first to the last letter of the other direction, with nothing but
neutral characters (spaces, punctuation, digits) and whole inline nodes of that direction in
between; quotation marks or brackets right around it belong to it (an English title keeps its
quotation marks the English way round). The Arabic comma counts as right-to-left here although
UAX #9 classes it a common separator: it is Arabic-script punctuation, so the Urdu citation
"Fernández، “Rainwater" holds two English runs, not one. A footnote call ends a stretch: it
carries a note of its own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias, assert_never

from ..inlines import plain_text
from ..model import (
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    FootnoteRef,
    Inline,
    Link,
    Styled,
    Text,
)
from ..model.record import Record, record
from .notes import ARABIC_COMMA

Direction: TypeAlias = Literal["ltr", "rtl"]
ISOLATE_OPEN: dict[Direction, str] = {"ltr": "\u2066", "rtl": "\u2067"}  # LRI, RLI
ISOLATE_CLOSE = "\u2069"  # PDI
ENCLOSING = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'", "(": ")", "[": "]",
             "\u00ab": "\u00bb", "\u201d": "\u201c", "\u2019": "\u2018"}  # fmt: skip
_ASCII_LETTER = re.compile("[A-Za-z]")
_MIXED = "mixed"
_BARRIER = "barrier"


@functools.cache  # at most one entry per character a brief holds
def char_direction(char: str) -> Direction | None:
    """The strong direction of one character, None for neutral and weak ones (digits)."""
    kind = unicodedata.bidirectional(char)
    if char == ARABIC_COMMA:
        return "rtl"
    if kind == "L":
        return "ltr"
    if kind in ("R", "AL"):
        return "rtl"
    return None


def text_directions(text: str) -> set[Direction]:
    """The strong directions present in ``text``."""
    if text.isascii():  # in ASCII only the letters are strong, all left to right
        return {"ltr"} if _ASCII_LETTER.search(text) else set()
    distinct = set(text)  # each character once: a paragraph repeats most of them
    return {found for char in distinct if (found := char_direction(char)) is not None}


def has_rtl_letters(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Arabic script, Hebrew, ...)."""
    return "rtl" in text_directions(text)


def opposite(direction: Direction) -> Direction:
    """The other direction."""
    return "rtl" if direction == "ltr" else "ltr"


def paragraph_direction(inlines: Iterable[Inline], base: Direction) -> Direction:
    """The direction of a paragraph: ``base`` when it holds a letter of that direction, else the
    other one when it holds only letters of the other (an English note in an Urdu brief)."""
    found = text_directions(plain_text(inlines))
    return opposite(base) if found == {opposite(base)} else base


@record
class DirectionRun(Record):
    """Consecutive inlines; ``isolate`` names their direction when they must be isolated."""

    inlines: tuple[Inline, ...]
    isolate: Direction | None = None


def direction_runs(inlines: Sequence[Inline], base: Direction) -> list[DirectionRun]:
    """``inlines`` cut into runs: stretches in the other direction from ``base`` (isolated) and
    the rest. Text nodes are split at the ends of a stretch; nested nodes holding both
    directions stay whole (a writer calls this again on their children)."""
    other = opposite(base)
    if other not in text_directions(plain_text(inlines)):
        return [DirectionRun(tuple(inlines))] if inlines else []
    atoms = [atom for inline in inlines for atom in _atoms(inline)]
    runs: list[DirectionRun] = []
    index = 0
    while index < len(atoms):
        end = _stretch_end(atoms, index, other)
        if end is None:
            _extend(runs, atoms[index][0], None)
            index += 1
            continue
        start = index
        opening, closing = _enclosing(atoms, start, end)
        if opening and runs and runs[-1].isolate is None:
            start -= 1
            runs[-1] = _without_last_char(runs[-1])  # the opening mark joins the stretch
            if not runs[-1].inlines:
                runs.pop()
            end += int(closing)
        runs.append(DirectionRun(_merge(atom for atom, _ in atoms[start:end]), other))
        index = end
    return runs


def _stretch_end(atoms: list[tuple[Inline, str | None]], start: int, other: str) -> int | None:
    """The end (exclusive) of the stretch in direction ``other`` starting at ``start``."""
    if atoms[start][1] != other:
        return None
    end = start + 1
    for index in range(start + 1, len(atoms)):
        kind = atoms[index][1]
        if kind == other:
            end = index + 1
        elif kind is not None:
            break
    return end


def _enclosing(atoms: list[tuple[Inline, str | None]], start: int, end: int) -> tuple[bool, bool]:
    """Whether an opening mark stands right before the stretch ``atoms[start:end]`` with its
    closing mark inside it or right after it; and whether that mark is right after it."""
    before = atoms[start - 1][0] if start else None
    if not isinstance(before, Text) or before.value not in ENCLOSING:
        return False, False
    closing = ENCLOSING[before.value]
    after = atoms[end][0] if end < len(atoms) else None
    if isinstance(after, Text) and after.value == closing:
        return True, True
    inside = any(isinstance(atom, Text) and closing in atom.value for atom, _ in atoms[start:end])
    return inside, False


def _without_last_char(run: DirectionRun) -> DirectionRun:
    """``run`` without its last character (a text node's last, or the node itself)."""
    last = run.inlines[-1]
    if isinstance(last, Text) and len(last.value) > 1:
        return DirectionRun((*run.inlines[:-1], Text(last.value[:-1])), run.isolate)
    return DirectionRun(run.inlines[:-1], run.isolate)


def _extend(runs: list[DirectionRun], inline: Inline, isolate: Direction | None) -> None:
    if runs and runs[-1].isolate is None and isolate is None:
        runs[-1] = DirectionRun(_merge((*runs[-1].inlines, inline)))
    else:
        runs.append(DirectionRun((inline,), isolate))


def _merge(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Adjacent text nodes joined again."""
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].value + inline.value)
        else:
            merged.append(inline)
    return tuple(merged)


def _atoms(inline: Inline) -> list[tuple[Inline, str | None]]:
    """``inline`` as pieces classed "ltr", "rtl", None (neutral), mixed or a barrier."""
    match inline:
        case Text(value):
            return [(Text(piece), kind) for piece, kind in _split_text(value)]
        case FootnoteRef():
            return [(inline, _BARRIER)]
        case CitationRef():
            return [(inline, None)]
        case CitedDate() | Styled() | Link() | Citation() | CitationPart():
            found = text_directions(plain_text((inline,)))
            kind = _MIXED if len(found) == 2 else next(iter(found), None)
            return [(inline, kind)]
        case _:
            assert_never(inline)


def _split_text(text: str) -> list[tuple[str, Direction | None]]:
    """``text`` cut into maximal pieces of one class: one direction's letters, or neutrals."""
    pieces: list[tuple[str, Direction | None]] = []
    for char in text:
        kind = char_direction(char)
        if char in ENCLOSING or (pieces and pieces[-1][0] in ENCLOSING):
            pieces.append((char, kind))  # a mark stands alone: it may join a stretch
        elif pieces and pieces[-1][1] == kind:
            pieces[-1] = (pieces[-1][0] + char, kind)
        else:
            pieces.append((char, kind))
    return pieces
