"""Overlong runs (:mod:`briefexport.shared.runs`) across inline boundaries, for the Typst engine.

A line breaker sees ``12345<b>67890</b>`` as one word, as the shared XHTML's long-run marks do:
a run too long to be a word is found in the text of a whole sequence of inlines, through bold,
italics and the other styles and through citations, and each text node is told which parts of
such runs it holds. A note's call, a link, a date or a citation number between two texts parts
them (each is set as a unit of its own).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...model import Citation, CitationPart, Inline, Styled, Text
from ...shared.runs import OVERLONG_RUN

# What ends a run (shared.runs.BREAKS_AFTER, spaces aside), as characters: another regular
# expression with its classes would cost more to compile at each start than it saves.
RUN_ENDS = frozenset("\u200b\u00ad-\u2010\u2012\u2013\u2014")
Spans = tuple[tuple[int, int], ...]
"""Where overlong runs lie in one text node: offsets into its value, start and end."""


def text_leaves(inlines: Iterable[Inline]) -> Iterator[Text | None]:
    """The text nodes a line breaker sees side by side, in order; None where something else
    stands between two of them."""
    for inline in inlines:
        match inline:
            case Text():
                yield inline
            case Styled(_, children) | Citation(_, children) | CitationPart(_, children):
                yield from text_leaves(children)
            case _:
                yield None


def run_spans(inlines: Iterable[Inline]) -> dict[int, Spans]:
    """For each text node of ``inlines`` (by ``id``), the parts of overlong runs inside it. A
    node met twice (one object in two places) is left out: it is cut as a run of its own."""
    leaves = list(text_leaves(inlines))
    pieces = [leaf.value if leaf is not None else " " for leaf in leaves]
    if not any(map(glued, pieces, pieces[1:])):
        return {}  # no run crosses a node's edge: each node finds its own runs alone
    runs = [found.span() for found in OVERLONG_RUN.finditer("".join(pieces))]
    spans: dict[int, Spans] = {}
    twice: set[int] = set()
    start = 0
    for leaf, piece in zip(leaves, pieces, strict=True):
        end = start + len(piece)
        if leaf is not None:
            inside = ((max(a, start) - start, min(b, end) - start) for a, b in runs)
            twice |= {id(leaf)} & spans.keys()
            spans[id(leaf)] = tuple((a, b) for a, b in inside if a < b)
        start = end
    return {key: value for key, value in spans.items() if key not in twice}


def glued(before: str, after: str) -> bool:
    """Whether a run may go on from one node's text into the next's: neither is empty, and no
    space, hyphen or dash stands at the joint (a first sieve: the expression decides)."""
    if not (before and after):
        return False
    joint = (before[-1], after[0])
    return not any(char.isspace() or char in RUN_ENDS for char in joint)
