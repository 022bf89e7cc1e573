"""Warnings that point into the brief: ``FILE:LINE:COL: warning: ...``, as input errors do.

A writer warning about a node read from a file passes ``extra=at(node.source)`` to the logger;
one warning about a character (a glyph no font has) passes ``extra=at_text(char)``. The command
line's formatter (and the batch worker's) turns either into the line and column of the input it
is working on (:func:`record_position`), the character's first appearance as itself or as a
numeric character reference (``&#x2603;``). A warning about another file (a style folder's
sheet) passes ``extra=at_file(name, line, column)`` and is placed in that file instead.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from ..model import SourcePosition

POSITION_KEY = "brief_position"
TEXT_KEY = "brief_text"
FILE_KEY = "brief_other_file"


def at(position: SourcePosition | None) -> dict[str, object]:
    """Logger ``extra`` for a warning about the node at ``position`` (nothing when unknown)."""
    return {POSITION_KEY: position} if position is not None else {}


def at_file(name: str, line: int, column: int) -> dict[str, object]:
    """Logger ``extra`` for a warning about line ``line``, column ``column`` of file ``name``,
    not the input being worked on."""
    return {FILE_KEY: name, POSITION_KEY: SourcePosition(line, column)}


def record_file(record: logging.LogRecord) -> str | None:
    """The file a logged warning is about when it is not the input (:func:`at_file`)."""
    name = getattr(record, FILE_KEY, None)
    return name if isinstance(name, str) else None


def at_text(text: str) -> dict[str, object]:
    """Logger ``extra`` for a warning about the first appearance of ``text`` in the input."""
    return {TEXT_KEY: text}


def record_position(
    record: logging.LogRecord, source_text: Callable[[], str]
) -> SourcePosition | None:
    """Where in the input a logged warning points, if it says; ``source_text`` reads the input
    (called only for a warning about a character)."""
    position = getattr(record, POSITION_KEY, None)
    if isinstance(position, SourcePosition):
        return position
    text = getattr(record, TEXT_KEY, None)
    return find_text(source_text(), text) if isinstance(text, str) else None


def find_text(source: str, text: str) -> SourcePosition | None:
    """Where ``text`` (one character: also its numeric character references) first appears."""
    forms = [re.escape(text)]
    if len(text) == 1:
        forms += [f"&#[xX]0*{ord(text):x};", f"&#0*{ord(text)};"]
    found = re.search("|".join(forms), source, re.IGNORECASE if len(text) == 1 else 0)
    if found is None:
        return None
    line_start = source.rfind("\n", 0, found.start()) + 1
    return SourcePosition(source.count("\n", 0, found.start()) + 1, found.start() - line_start + 1)
