"""Where a piece of a brief's text stands, as the ``LINE:COL`` of a diagnostic (both from 1)."""

from __future__ import annotations


def position(text: str, needle: str, nth: int = 0) -> str:
    """``LINE:COL`` of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    return f"{line}:{start - text.rfind(chr(10), 0, start)}"
