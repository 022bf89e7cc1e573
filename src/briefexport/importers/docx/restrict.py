"""Keep inline content within what a place of the brief may hold (see docs/format.md).

Titles hold text and formatting only ("phrase"); captions, table cells and attributions also
links ("linked"). What a Word paragraph has beyond that keeps its text, reported.
"""

from __future__ import annotations

from dataclasses import replace

from ...inlines import canonical
from ...model import Citation, CitationPart, CitationRef, FootnoteRef, Inline, Link, Styled
from .inline import Reading


def phrase(content: tuple[Inline, ...], reading: Reading) -> tuple[Inline, ...]:
    """``content`` with links, calls and citations reduced to their text."""
    return canonical(_keep(content, reading, links=False))


def linked(content: tuple[Inline, ...], reading: Reading) -> tuple[Inline, ...]:
    """``content`` with calls and citations reduced to their text."""
    return canonical(_keep(content, reading, links=True))


def _keep(content: tuple[Inline, ...], reading: Reading, links: bool) -> list[Inline]:
    out: list[Inline] = []
    for inline in content:
        if isinstance(inline, Styled):
            out.append(replace(inline, children=tuple(_keep(inline.children, reading, links))))
        elif isinstance(inline, Link) and links:
            out.append(replace(inline, children=tuple(_keep(inline.children, reading, False))))
        elif isinstance(inline, Link | Citation | CitationPart):
            reading.repeated("links and citations in titles kept as their text")
            out.extend(_keep(inline.children, reading, links))
        elif isinstance(inline, FootnoteRef | CitationRef):
            reading.repeated("calls in titles, captions or table cells dropped")
        else:
            out.append(inline)
    return out
