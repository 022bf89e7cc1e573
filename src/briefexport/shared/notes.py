"""The ids of footnotes and of their calls, one spelling for every renderer.

A note is known by its number (its order of first call), never by the brief's own id, so ids
stay valid and unique whatever the source called its notes.
"""

from __future__ import annotations

from ..model import Footnote


def note_id(note: Footnote) -> str:
    """The id of a note's text."""
    return f"fn-{note.number}"


def call_id(note: Footnote, ordinal: int) -> str:
    """The id of the ``ordinal``-th call (1-based) of ``note``."""
    return f"fnref-{note.number}-{ordinal}"
