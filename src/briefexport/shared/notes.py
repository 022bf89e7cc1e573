"""Footnote calls for every renderer: the ids of notes and calls, and which calls need a separator.

A note is known by its number (its order of first call), never by the brief's own id, so ids
stay valid and unique whatever the source called its notes.

Two calls side by side would print as one number ("45" for notes 4 and 5), so print puts a
comma between them ("4,5"). Side by side means nothing at all between the two calls in one run
of inline content: not even a space. A space already keeps the numbers apart and is printed as
the author wrote it, as are words or a citation call between two calls. A call inside
formatting (``<sup><xref/></sup>``) stands in the run of its formatting, not beside a call
outside it; the importers drop formatting that holds nothing but calls. Each writer prints the
separator its own way; Markdown and JATS need none, as their calls are distinct markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Footnote, FootnoteRef, Inline


def note_id(note: Footnote) -> str:
    """The id of a note's text."""
    return f"fn-{note.number}"


def call_id(note: Footnote, ordinal: int) -> str:
    """The id of the ``ordinal``-th call (1-based) of ``note``."""
    return f"fnref-{note.number}-{ordinal}"


def with_call_separators(inlines: Iterable[Inline]) -> Iterator[tuple[Inline, bool]]:
    """Each of ``inlines`` with whether it is a footnote call right after another call, which
    then prints a separator before its number (see the module docstring)."""
    previous: Inline | None = None
    for inline in inlines:
        yield inline, isinstance(inline, FootnoteRef) and isinstance(previous, FootnoteRef)
        previous = inline
