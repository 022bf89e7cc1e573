"""Turn elements of an XML source into ``FILE:LINE:COL`` positions for diagnostics.

libxml2 records the line of each element but not its column; the column is found by looking for
the element's start tag on that line (the nth one written with its name, prefix included, when
the element is the nth such on the line), or on the lines above when the start tag spans lines
(libxml2 records the line where it ends).
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import Diagnostic, Severity

MAX_TAG_LINES = 20  # how far above its last line a start tag is looked for


def written_name(element: etree._Element) -> str:
    """An element's name as its start tag writes it: ``x:italic`` for a prefixed one."""
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


class Locator:
    """Makes diagnostics that point at elements of one source file."""

    def __init__(self, name: str, source: bytes) -> None:
        self.name = name
        self._lines = source.decode("utf-8", errors="replace").splitlines()
        self._starts: dict[tuple[str, int], list[int]] = {}
        self._ordinals: dict[etree._Element, int] | None = None

    def position(self, element: etree._Element) -> tuple[int, int]:
        """Line and column (both 1-based) of the element's start tag."""
        line = element.sourceline or 1
        if not isinstance(element.tag, str):
            return line, 1
        name = written_name(element)
        starts = self._tag_starts(line, name)
        nth = self._ordinal_on_line(element)
        if nth < len(starts):
            return line, starts[nth] + 1
        return self._opened_above(line, name)

    def _opened_above(self, line: int, name: str) -> tuple[int, int]:
        """libxml2 gives a start tag that spans lines the line where it ends: find where it
        opened (a ``<name`` left unclosed on an earlier line), or column 1 of its last line."""
        pattern = re.compile(rf"<{re.escape(name)}(?=[\s/>]|$)")
        for above in range(min(line - 1, len(self._lines)), max(line - MAX_TAG_LINES, 0), -1):
            opened = [m.start() for m in pattern.finditer(self._lines[above - 1])]
            if opened and ">" not in self._lines[above - 1][opened[-1] :]:
                return above, opened[-1] + 1
        return line, 1

    def _tag_starts(self, line: int, name: str) -> list[int]:
        key = (name, line)
        if key not in self._starts:
            text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
            pattern = rf"<{re.escape(name)}(?=[\s/>])"
            self._starts[key] = [m.start() for m in re.finditer(pattern, text)]
        return self._starts[key]

    def _ordinal_on_line(self, element: etree._Element) -> int:
        """How many elements written with the same name start earlier on the same line,
        counted once for the whole tree (the index holds the element proxies, so identity
        stays valid)."""
        if self._ordinals is None:
            self._ordinals = {}
            seen: dict[tuple[str, int | None], int] = {}
            for other in element.getroottree().getroot().iter(etree.Element):
                key = (written_name(other), other.sourceline)
                self._ordinals[other] = seen.get(key, 0)
                seen[key] = self._ordinals[other] + 1
        return self._ordinals.get(element, 0)

    def column_of_tag(self, line: int, tag: str) -> int:
        """Column of the first ``<tag`` on ``line``, or 1."""
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        found = re.search(rf"<(?:[\w.-]+:)?{re.escape(tag)}(?=[\s/>])", text)
        return found.start() + 1 if found else 1

    def column_of_text(self, line: int, text: str) -> int:
        """Column of the first ``text`` on ``line``, or 1."""
        found = self._lines[line - 1].find(text) if 0 < line <= len(self._lines) else -1
        return found + 1 if found >= 0 else 1

    def error(self, element: etree._Element, message: str) -> Diagnostic:
        """An error at ``element``."""
        line, column = self.position(element)
        return Diagnostic(self.name, line, column, message)

    def warning(self, element: etree._Element, message: str) -> Diagnostic:
        """A warning at ``element``."""
        line, column = self.position(element)
        return Diagnostic(self.name, line, column, message, Severity.WARNING)
