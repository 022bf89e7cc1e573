"""The schema errors of a brief the profile's RELAX NG schema refused, in words for its author.

Message style: ``FILE:LINE:COL: error: message``, at the start tag of the element at fault, with
JATS element names in angle brackets and the close spelling where there is one, e.g.
``<i> is not an element of this profile; did you mean <italic>?``,
``<sec> must start with <title>; found <p>``,
``ref-type="footnote" on <xref> must be "fn" or "bibr"``,
``<contrib> needs the attribute contrib-type="author"``.

libxml2 validates; its messages are written for schema authors and often land on a parent, a
sibling or column 1. So our own pass (:mod:`.schema_check`, from the schema's own tables) names
each structural problem where it is, and libxml2's lines it explains are dropped: a line about
content (order, extra or missing elements, text) when its element is one the pass flagged or an
ancestor of one, a line about attributes when the pass flagged that element's attributes. Every
other libxml2 line is kept (datatypes above all), reworded where a clearer message is known: a
language tag written with ``_`` suggests its BCP 47 spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from ..errors import Diagnostic
from .locate import Locator
from .schema_check import Findings, check_structure

FAILED = re.compile(r"Element ([\w:.-]+) failed to validate (content|attributes)")
BAD_LANGUAGE = re.compile(r"Type language doesn't allow value '(.*)'")
INVALID_ATTRIBUTE = re.compile(r"Invalid attribute ([\w:.-]+) for element ([\w:.-]+)")
NAMED = re.compile(r"[Ee]lement ([\w:.-]+)")
DATATYPE = ("Error validating datatype", "Error validating value", "Type ")


def clearer(
    entries: Iterable[etree._LogEntry],
    tree: etree._ElementTree,
    at: Locator,
    plain: Callable[[etree._LogEntry], Diagnostic],
) -> list[Diagnostic]:
    """Our pass's diagnostics and libxml2's lines it does not explain, in source order."""
    findings = check_structure(tree.getroot(), at)
    explains = _Explained(tree, findings)
    found = list(findings.diagnostics)
    redundant = False  # drop the "failed to validate" line that follows a reworded one
    for entry in entries:
        if (redundant and FAILED.match(entry.message)) or explains(entry):
            redundant = False
            continue
        language = BAD_LANGUAGE.match(entry.message)
        redundant = bool(language)
        found.append(_bad_language(language.group(1), entry, at) if language else plain(entry))
    return sorted(found, key=lambda d: (d.line, d.column))


class _Explained:
    """Whether a libxml2 line says again what our pass has said."""

    def __init__(self, tree: etree._ElementTree, findings: Findings) -> None:
        self.flagged = findings.flagged
        self.troubled: set[etree._Element] = set()
        for element in self.flagged:
            self.troubled.update((element, *element.iterancestors()))
        self.by_line: dict[int, list[etree._Element]] = {}
        for element in tree.getroot().iter(etree.Element):
            self.by_line.setdefault(element.sourceline or 0, []).append(element)

    def __call__(self, entry: etree._LogEntry) -> bool:
        message = entry.message
        subjects = self._subjects(entry)
        if message.startswith(DATATYPE):
            return any("place" in self.flagged.get(e, ()) for e in subjects)
        invalid = INVALID_ATTRIBUTE.match(message)
        if invalid:
            return any(self._attribute_flagged(e, invalid.group(1)) for e in subjects)
        failed = FAILED.match(message)
        if failed and failed.group(2) == "attributes":
            return any(self._attribute_flagged(e, None) for e in subjects)
        return any(e in self.troubled for e in subjects)

    def _subjects(self, entry: etree._LogEntry) -> list[etree._Element]:
        """The elements on the entry's line and their parents; those it names, if any."""
        on_line = self.by_line.get(entry.line or 0, [])
        near = [*on_line, *(p for e in on_line if (p := e.getparent()) is not None)]
        named = NAMED.search(entry.message)
        if named:
            near = [e for e in near if etree.QName(e).localname == named.group(1)] or near
        return near

    def _attribute_flagged(self, element: etree._Element, name: str | None) -> bool:
        kinds = self.flagged.get(element, set())
        if "place" in kinds:
            return True
        local = [etree.QName(k[1:]).localname for k in kinds if k.startswith("@")]
        return bool(local) if name is None else name.rpartition(":")[2] in local


def _bad_language(value: str, entry: etree._LogEntry, at: Locator) -> Diagnostic:
    hint = ""
    if "_" in value:
        hint = f"; write {value.replace('_', '-')!r} (language tags use '-', not '_')"
    line = entry.line or 1
    column = at.column_of_text(line, "xml:lang=")
    message = f"xml:lang {value!r} is not a BCP 47 language tag{hint}"
    return Diagnostic(at.name, line, column, message)
