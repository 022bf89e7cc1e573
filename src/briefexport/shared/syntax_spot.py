"""libxml2's well-formedness error at its place in the file (XML 1.0, section 2.1): the line it
stands on, read again so that the words of :mod:`.syntax_words` and :mod:`.syntax_declaration`
can point at the character or tag at fault."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

NOT_WELL_FORMED = "not well-formed XML here"
Place = tuple[int, str]  # the column, and the message
Words = Callable[["Spot"], Place]


class Spot:
    """libxml2's error with the line of the file it stands on."""

    def __init__(self, entry: etree._LogEntry, text: str) -> None:
        self.entry, self.text = entry, text
        self.line_no = max(entry.line, 1)
        lines = text.split("\n")
        self.line = lines[self.line_no - 1] if self.line_no <= len(lines) else ""
        self.column = min(max(entry.column, 1), len(self.line) + 1)
        self.offset = sum(len(line) + 1 for line in lines[: self.line_no - 1]) + self.column - 1

    def back(self, pattern: str, limit: int = 0) -> re.Match[str] | None:
        """The last match of ``pattern`` that starts at or before libxml2's column (``limit``:
        that many characters before it)."""
        found = [m for m in re.finditer(pattern, self.line) if m.start() < self.column - limit]
        return found[-1] if found else None

    def at(self, pattern: str, message: str) -> Place:
        """``message`` at the last ``pattern`` before libxml2's column, or at that column."""
        found = self.back(pattern)
        return (found.start() + 1 if found else self.column), message

    def move_to(self, offset: int) -> int:
        """Put the spot on the line of ``offset`` in the file; the column of ``offset``."""
        self.line_no = self.text.count("\n", 0, offset) + 1
        return offset - self.text.rfind("\n", 0, offset)

    def named(self, pattern: str) -> str:
        """The first group of ``pattern`` in libxml2's message, or ``?``."""
        found = re.search(pattern, self.entry.message)
        return found.group(1) if found else "?"


def plain(spot: Spot) -> Place:
    """The place libxml2 gives, with no words of a kind's own."""
    return spot.column, NOT_WELL_FORMED
