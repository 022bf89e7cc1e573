"""Turn elements into ``FILE:LINE:COL`` positions for diagnostics.

libxml2 records the line of each element but not its column; the column is found by looking for
the element's start tag on that line (the first one when a line holds several).
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import Diagnostic, Severity


class Locator:
    """Makes diagnostics that point at elements of one source file."""

    def __init__(self, name: str, source: bytes) -> None:
        self.name = name
        self._lines = source.decode("utf-8", errors="replace").splitlines()

    def position(self, element: etree._Element) -> tuple[int, int]:
        """Line and column (both 1-based) of the element's start tag."""
        line = element.sourceline or 1
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        if not isinstance(element.tag, str):
            return line, 1
        name = etree.QName(element.tag).localname
        starts = [
            m.start() for m in re.finditer(rf"<(?:[\w.-]+:)?{re.escape(name)}(?=[\s/>])", text)
        ]
        nth = _ordinal_on_line(element, line)
        return line, starts[nth] + 1 if nth < len(starts) else 1

    def column_of_tag(self, line: int, tag: str) -> int:
        """Column of the first ``<tag`` on ``line``, or 1."""
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        found = re.search(rf"<(?:[\w.-]+:)?{re.escape(tag)}(?=[\s/>])", text)
        return found.start() + 1 if found else 1

    def error(self, element: etree._Element, message: str) -> Diagnostic:
        """An error at ``element``."""
        line, column = self.position(element)
        return Diagnostic(self.name, line, column, message)

    def warning(self, element: etree._Element, message: str) -> Diagnostic:
        """A warning at ``element``."""
        line, column = self.position(element)
        return Diagnostic(self.name, line, column, message, Severity.WARNING)


def _ordinal_on_line(element: etree._Element, line: int) -> int:
    """How many elements with the same tag start earlier on the same line."""
    count = 0
    for other in element.getroottree().getroot().iter(str(element.tag)):
        if other is element:
            return count
        if other.sourceline == line:
            count += 1
    return count
