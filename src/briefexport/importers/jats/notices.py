"""Diagnostics of the JATS importer, located at the element they concern (``FILE:LINE:COL``).

What the importer drops or simplifies is reported, never silently lost. A kind of loss that
repeats (every cross-reference to a figure kept as plain text, say) is reported once, at its
first place, with the number of times it happened, so a long article stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...model import SourcePosition
from ...shared.locate import Locator
from ...shared.xmlnames import MATHML_NS
from ..problems import Problems


@dataclass
class _Repeated:
    line: int
    column: int
    count: int = 1


class Notices:
    """Errors and warnings of one article, reported through :class:`Problems`."""

    def __init__(self, problems: Problems, source: bytes) -> None:
        self.problems = problems
        self._at = Locator(problems.file, source)
        self._repeated: dict[str, _Repeated] = {}

    def where(self, element: etree._Element) -> tuple[int, int]:
        """Line and column of ``element``'s start tag."""
        return self._at.position(element)

    def position(self, element: etree._Element) -> SourcePosition:
        """Where ``element`` starts, kept in the model for the writers' warnings."""
        return SourcePosition(*self.where(element))

    def error(self, element: etree._Element, message: str) -> None:
        """Something the brief cannot hold and the importer cannot replace."""
        line, column = self.where(element)
        self.problems.error(line, message, column)

    def warning(self, element: etree._Element, message: str) -> None:
        """A default taken or content simplified, reported at ``element``."""
        line, column = self.where(element)
        self.problems.warning(line, message, column)

    def repeated(self, element: etree._Element, message: str) -> None:
        """A loss that may happen many times: reported once, with a count, at its first place
        in the source (whatever order the importer met them in)."""
        line, column = self.where(element)
        known = self._repeated.get(message)
        if known is None:
            self._repeated[message] = _Repeated(line, column)
            return
        known.count += 1
        if (line, column) < (known.line, known.column):  # report the first in the source
            known.line, known.column = line, column

    def dropped(self, element: etree._Element, why: str = "") -> None:
        """``element`` and what it holds are left out."""
        self.repeated(element, f"<{tag_name(element)}> dropped{': ' + why if why else ''}")

    def flush(self) -> None:
        """Report the repeated notices (call once, at the end)."""
        for message, seen in self._repeated.items():
            times = f" ({seen.count} times, first here)" if seen.count > 1 else ""
            self.problems.warning(seen.line, message + times, seen.column)
        self._repeated.clear()


def tag_name(element: etree._Element) -> str:
    """The element's name as written, with the MathML prefix for MathML."""
    if not isinstance(element.tag, str):
        return "?"
    qname = etree.QName(element.tag)
    if qname.namespace == MATHML_NS:
        return f"mml:{qname.localname}"
    return qname.localname
