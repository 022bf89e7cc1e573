"""The schema errors of a brief the profile's RELAX NG schema refused, in words for its author.

Message style: ``FILE:LINE:COL: error: message``, at the start tag of the element at fault, with
JATS element names in angle brackets and the close spelling where there is one, e.g.
``<i> is not an element of this profile; did you mean <italic>?``,
``<sec> must start with <title>; found <p>``,
``ref-type="footnote" on <xref> must be "fn" or "bibr"``,
``<contrib> needs the attribute contrib-type="author"``.

libxml2 validates; its messages are written for schema authors and often land on a parent, a sibling
or column 1. So our own pass (:mod:`.schema_check`, from the schema's own tables) names each
structural problem where it is, and libxml2's lines it explains are dropped: a line about content
(order, extra or missing elements, text) when its element is one the pass flagged or an ancestor of
one, a line about attributes when the pass flagged one of that element's (libxml2, trying its other
patterns, may name another), and either about an element inside one the pass flagged or whose value
is reworded, or inside that one's parent (where libxml2, having refused an element, tries other
readings of what is around it and goes astray), or a line about content inside an element libxml2
refused in the end (its content failed, or had extra content) that holds one the pass flagged
(libxml2 goes on to other readings of the whole element: after an unknown attribute on a
subsection's title, ``Expecting element mixed-citation, got xref`` in the subsection before it).
Every other libxml2 line is kept, reworded where a clearer message is known: a value of the wrong
form is named at its element with what the schema takes (:mod:`.schema_values`, which makes the
lines about that element's ancestors consequences too), a language tag written with ``_`` suggests
its BCP 47 spelling, and a licence URL libxml2 refused as ``anyURI`` for a stray at its edge (a
no-break space, a zero-width space) is named as a link's edge is (:mod:`.hrefs`). libxml2's
``Expecting element X, got Y`` stands on the parent's line (or Y's) and names what it expected: it
is taken to be about the elements on that line, as a line that names none. The pass runs only once
libxml2 has refused the brief, so a valid brief pays nothing for it, and whatever the pass says, a
refused brief stays refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from ..errors import Diagnostic
from ..shared.xmlnames import ALI_LICENSE_REF
from .hrefs import edge_problem, trimmed
from .locate import Locator
from .schema_check import Findings, check_structure
from .schema_values import INVALID_ATTRIBUTE, Lines, datatype_errors

FAILED = re.compile(r"Element ([\w:.-]+) failed to validate (content|attributes)")
BAD_LANGUAGE = re.compile(r"Type language doesn't allow value '(.*)'")
NAMED = re.compile(r"[Ee]lement ([\w:.-]+)")
REFUSED_CONTENT = re.compile(r"Element ([\w:.-]+) (?:failed to validate content|has extra content)")
GOT = re.compile(r"Expecting element [\w:.-]+, got ")  # on the parent's line: no name kept
DATATYPE = ("Error validating datatype", "Error validating value", "Type ")


def clearer(
    entries: Iterable[etree._LogEntry],
    tree: etree._ElementTree,
    at: Locator,
    plain: Callable[[etree._LogEntry], Diagnostic],
    limit: int | None = None,
) -> tuple[list[Diagnostic], bool]:
    """Our pass's diagnostics and libxml2's lines it does not explain, in source order, and
    whether all were counted: with ``limit``, the pass stops once it has found more."""
    findings = check_structure(tree.getroot(), at, limit)
    edges = _link_edges(tree.getroot(), findings, at)
    logged, lines = list(entries), Lines(tree)
    values = datatype_errors(logged, lines, findings, at)
    explains = _Explained(lines, findings, values.elements)
    explains.gave_up_on(logged)
    found = [*findings.diagnostics, *edges]
    redundant = False  # drop the "failed to validate" line that follows a reworded one
    for index, entry in enumerate(logged):
        if index in values.reworded:
            found += values.reworded[index]
        elif not ((redundant and FAILED.match(entry.message)) or explains(entry)):
            language = BAD_LANGUAGE.match(entry.message)
            found.append(_bad_language(language.group(1), entry, at) if language else plain(entry))
            redundant = bool(language)
            continue
        redundant = False
    return sorted(found, key=lambda d: (d.line, d.column)), not findings.cut


class _Explained:
    """Whether a libxml2 line says again what is already said."""

    def __init__(self, lines: Lines, findings: Findings, valued: set[etree._Element]) -> None:
        self.lines, self.flagged = lines, findings.flagged
        self.troubled: set[etree._Element] = set()
        self.around = {*self.flagged, *valued, *(e.getparent() for e in [*self.flagged, *valued])}
        for element in [*self.flagged, *valued]:
            self.troubled.update((element, *element.iterancestors()))
        self.refused: set[etree._Element] = set()

    def gave_up_on(self, entries: list[etree._LogEntry]) -> None:
        """Note the elements libxml2 refused in the end that hold a problem the pass named:
        inside them, libxml2's other lines on content are its search for another reading."""
        for entry in entries:
            said = REFUSED_CONTENT.match(entry.message)
            if said:
                subjects = self.lines.subjects(entry.line, said.group(1))
                self.refused.update(e for e in subjects if e in self.troubled)

    def __call__(self, entry: etree._LogEntry) -> bool:
        message = entry.message
        named = None if GOT.match(message) else NAMED.search(message)
        subjects = self.lines.subjects(entry.line, named.group(1) if named else None)
        if message.startswith(DATATYPE):
            kinds = {"place", "edge"} if "anyURI" in message else {"place"}
            return any(kinds & self.flagged.get(e, set()) for e in subjects)
        if any(self._inside_flagged(e) for e in subjects):
            return True  # libxml2 lost its way after a problem the pass named around it
        failed = FAILED.match(message)
        if INVALID_ATTRIBUTE.match(message) or (failed and failed.group(2) == "attributes"):
            return any(self._attribute_flagged(e) for e in subjects)
        if any(self.refused.intersection(e.iterancestors()) for e in subjects):
            return True  # libxml2 went on reading elsewhere in an element it refused
        return any(e in self.troubled for e in subjects)

    def _inside_flagged(self, element: etree._Element) -> bool:
        """Whether ``element`` lies inside one the pass flagged or inside its parent."""
        return any(ancestor in self.around for ancestor in element.iterancestors())

    def _attribute_flagged(self, element: etree._Element) -> bool:
        """Whether the pass flagged the element's place or one of its attributes (libxml2,
        trying the element's other patterns, may name another of them)."""
        kinds = self.flagged.get(element, set())
        return "place" in kinds or any(kind.startswith("@") for kind in kinds)


def _link_edges(root: etree._Element, findings: Findings, at: Locator) -> list[Diagnostic]:
    """Each licence URL with a stray at an edge, named as :func:`.hrefs.check_links` names it
    (the reader says it once); libxml2's lines on the ``anyURI`` it refused say no more."""
    found = []
    for licence in root.iter(ALI_LICENSE_REF):
        problem = edge_problem(trimmed(licence.text or ""), "link")
        if problem:
            findings.flagged.setdefault(licence, set()).add("edge")
            found.append(at.error(licence, problem))
    return found


def _bad_language(value: str, entry: etree._LogEntry, at: Locator) -> Diagnostic:
    hint = ""
    if "_" in value:
        hint = f"; write {value.replace('_', '-')!r} (language tags use '-', not '_')"
    line = entry.line or 1
    column = at.column_of_text(line, "xml:lang=")
    message = f"xml:lang {value!r} is not a BCP 47 language tag{hint}"
    return Diagnostic(at.name, line, column, message)
