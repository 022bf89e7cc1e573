"""Turn elements into ``FILE:LINE:COL`` positions for diagnostics.

libxml2 records the line of each element but not its column; the column is found by looking for
the element's start tag on that line (the first one when a line holds several).
"""

from __future__ import annotations

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
        tag = element.tag if isinstance(element.tag, str) else ""
        column = text.find("<" + etree.QName(tag).localname) if tag else -1
        return line, column + 1 if column >= 0 else 1

    def error(self, element: etree._Element, message: str) -> Diagnostic:
        """An error at ``element``."""
        line, column = self.position(element)
        return Diagnostic(self.name, line, column, message)

    def warning(self, element: etree._Element, message: str) -> Diagnostic:
        """A warning at ``element``."""
        line, column = self.position(element)
        return Diagnostic(self.name, line, column, message, Severity.WARNING)
