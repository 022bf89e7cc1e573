"""Clear words for libxml2's datatype errors against the profile's RELAX NG schema: a value
(an element's text or an attribute) the schema types but libxml2 refused is named, at its
element, with what the schema takes there (:mod:`.schema_rules`). libxml2 judges the value;
these words only say what it judged. The elements found are returned too, so that the lines
libxml2 adds about their ancestors can be dropped as consequences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..errors import Diagnostic
from ..inlines import XML_WHITE_SPACE
from .locate import Locator
from .schema_check import Findings
from .schema_rules import AttributeRule, ElementRule, schema
from .tokens import collapse

DATATYPE_ERROR = "Error validating datatype"
TYPE_REFUSED, TYPE_LANGUAGE = "Type ", "Type language "
FAILED_CONTENT = re.compile(r"Element ([\w:.-]+) failed to validate content")
INVALID_ATTRIBUTE = re.compile(r"Invalid attribute ([\w:.-]+) for element ([\w:.-]+)")
FAILED_ATTRIBUTES = re.compile(r"Element ([\w:.-]+) failed to validate attributes")
EXTRA_CONTENT = re.compile(r"Element ([\w:.-]+) has extra content")
POSITIVE_INTEGER = re.compile(r"[ \t\r\n]*\+?([0-9]+)[ \t\r\n]*")
SHAPES = {  # near enough to tell a failing value from a good one, never to judge alone
    "NCName": re.compile(r"[^\W\d.-][\w.-]*"),
    "language": re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*"),
}
PLAIN_ESCAPES = set("sSdnrt.\\-^$[](){}?*+|")
BLANKS = {False: {"\\s": "[ \t\n\r]", "\\S": "[^ \t\n\r]"}, True: {"\\s": " \t\n\r"}}
ANYWHERE = {".": "[^\n\r]", "^": "\\^", "$": "\\$"}  # outside a character class
BLANK_WANTS = {  # what a blank attribute needs, where the schema's words are too general
    ("ext-link", "xlink:href"): "the address the link leads to (an http, https or mailto URL)",
    ("graphic", "xlink:href"): "the path of the image file",
}


@dataclass
class Values:
    """Per libxml2 entry (by index) its rewording, none to drop it; the elements at fault."""

    reworded: dict[int, list[Diagnostic]] = field(default_factory=dict)
    elements: set[etree._Element] = field(default_factory=set)


class Lines:
    """The elements a libxml2 entry may be about: those on its line and their parents."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self.by_line: dict[int, list[etree._Element]] = {}
        for element in tree.getroot().iter(etree.Element):
            self.by_line.setdefault(element.sourceline or 0, []).append(element)

    def subjects(self, line: int | None, named: str | None = None) -> list[etree._Element]:
        """Those the entry names, if any do, or all."""
        on_line = self.by_line.get(line or 0, [])
        near = [*on_line, *(p for e in on_line if (p := e.getparent()) is not None)]
        if named:
            near = [e for e in near if etree.QName(e).localname == named] or near
        return near


def datatype_errors(
    entries: list[etree._LogEntry], lines: Lines, findings: Findings, at: Locator
) -> Values:
    """Rewordings of the datatype errors among ``entries``; the nth entry of a kind about one
    name on one line is taken to be about the nth element there whose value fails."""
    words = _Words(findings, at)
    for index, entry in enumerate(entries):
        following = entries[index + 1] if index + 1 < len(entries) else None
        if entry.message.startswith(DATATYPE_ERROR) and following is not None:
            failed = FAILED_CONTENT.match(following.message)
            if failed:
                words.content(index, lines.subjects(following.line, failed.group(1)))
        elif invalid := INVALID_ATTRIBUTE.match(entry.message):
            subjects = lines.subjects(entry.line, invalid.group(2))
            words.attribute(index, invalid.group(1), subjects)
        elif failed := FAILED_ATTRIBUTES.match(entry.message):
            words.patterned(index, lines.subjects(entry.line, failed.group(1)))
        elif extra := EXTRA_CONTENT.match(entry.message):
            words.inside(index, lines.subjects(entry.line, extra.group(1)))
    for index in [i for i in words.found.reworded if i > 0 and _type_said(entries, i)]:
        words.found.reworded.setdefault(index - 1, [])
    said: set[Diagnostic] = set()
    for index in sorted(words.found.reworded):  # one value refused on two of libxml2's lines
        kept = [d for d in words.found.reworded[index] if d not in said]
        words.found.reworded[index] = kept
        said.update(kept)
    return words.found


def _type_said(entries: list[etree._LogEntry], index: int) -> bool:
    """Whether the reworded line at ``index`` follows libxml2's line on the same value
    (``Type anyURI doesn't allow value '...'``), which the rewording says again (a language
    tag's has words of its own)."""
    entry, before = entries[index], entries[index - 1]
    return (
        before.message.startswith(TYPE_REFUSED)
        and not before.message.startswith(TYPE_LANGUAGE)
        and before.line == entry.line
    )


class _Words:
    """The rewording of one brief's datatype errors, and which elements they were about."""

    def __init__(self, findings: Findings, at: Locator) -> None:
        self.findings, self.at, self.found = findings, at, Values()
        self.taken: set[tuple[str, etree._Element]] = set()

    def _pick(
        self, kind: str, candidates: list[etree._Element], failing: list[etree._Element]
    ) -> etree._Element | None:
        """The first element not yet blamed for ``kind``, among those whose value fails when
        any does."""
        for element in [*failing, *candidates]:
            if (kind, element) not in self.taken:
                self.taken.add((kind, element))
                return element
        return None

    def _rules(self, element: etree._Element) -> list[ElementRule]:
        return [schema().rules[k] for k in sorted(self.findings.rules.get(element, ()))]

    def content(self, index: int, subjects: list[etree._Element]) -> None:
        """Error validating datatype, then Element E failed to validate content: one line at E."""
        typed = {e: r for e in subjects if len(e) == 0 for r in self._rules(e)[:1] if r.wanted}
        failing = [
            e for e, r in typed.items() if r.pattern and not _matches(r.pattern, e.text or "")
        ]
        element = self._pick("content", list(typed), failing)
        if element is None:
            return
        self.found.reworded[index + 1] = []
        self.found.elements.add(element)
        if "edge" in self.findings.flagged.get(element, ()):
            self.found.reworded[index] = []  # the stray is named by the link check
            return
        text, tag = (element.text or "").strip(XML_WHITE_SPACE), schema().shown(str(element.tag))
        message = (
            f"<{tag}> is empty; it needs text"
            if not text
            else f"<{tag}> holds {text!r}, which is not {typed[element].wanted}"
        )
        self.found.reworded[index] = [self.at.error(element, message)]

    def attribute(self, index: int, name: str, subjects: list[etree._Element]) -> None:
        """Invalid attribute A for element X, where X takes A: its value is what is wrong."""
        carried = {
            element: (clark, rule)
            for element in subjects
            for key in self.findings.rules.get(element, ())
            for clark, rule in schema().rules[key].attributes.items()
            if etree.QName(clark).localname == name.rpartition(":")[2]
            if rule.values is None and clark in element.attrib
        }
        failing = [e for e, (c, rule) in carried.items() if _fails(rule, e.get(c, ""))]
        element = self._pick("@" + name, list(carried), failing)
        if element is None:
            return
        clark, rule = carried[element]
        self.found.reworded[index] = [self.at.error(element, _refused(element, clark, rule))]
        self.found.elements.add(element)

    def patterned(self, index: int, subjects: list[etree._Element]) -> None:
        """Element X failed to validate attributes: name the attribute when exactly one of X's
        attributes fails its pattern or surely its datatype (libxml2 has said one value is
        wrong; not which)."""
        failing = {element: self._failing_patterns(element, typed=True) for element in subjects}
        element = self._pick("attributes", subjects, [e for e, f in failing.items() if f])
        if element is None:
            return
        self.found.elements.add(element)
        if len(failing[element]) == 1:
            clark, rule = failing[element].popitem()
            self.found.reworded[index] = [self.at.error(element, _refused(element, clark, rule))]

    def inside(self, index: int, subjects: list[etree._Element]) -> None:
        """Element X has extra content: in mixed content libxml2 blames X when an inline
        element inside it (an ``ext-link`` with a blank ``xlink:href``, an ``xref`` whose
        ``rid`` is no name) fails an attribute's datatype; each such element inside X is named
        at its own start tag."""
        said = []
        for element in (e for subject in subjects for e in subject.iterdescendants()):
            failing = self._failing_patterns(element, typed=True)
            for clark in [c for c in failing if (f"@{failing[c].shown}", element) in self.taken]:
                del failing[clark]  # named already, from libxml2's "Invalid attribute" line
            if failing and ("attributes", element) not in self.taken:
                self.taken.add(("attributes", element))
                self.found.elements.add(element)
                for clark, rule in failing.items():
                    said.append(self.at.error(element, _refused(element, clark, rule)))
        if said:
            self.found.reworded[index] = said

    def _failing_patterns(
        self, element: etree._Element, *, typed: bool = False
    ) -> dict[str, AttributeRule]:
        """The attributes of ``element`` whose value fails their pattern (``typed``: or
        surely fails their datatype, but for a language tag, which has words of its own)."""
        return {
            clark: rule
            for rule_of in self._rules(element)
            for clark, rule in rule_of.attributes.items()
            if rule.pattern or (typed and rule.values is None and rule.datatype != "language")
            if clark in element.attrib
            if _fails(rule, element.get(clark, ""))
        }


def _refused(element: etree._Element, clark: str, rule: AttributeRule) -> str:
    value, tag = element.get(clark, ""), schema().shown(str(element.tag))
    if not value.strip(XML_WHITE_SPACE):
        wants = BLANK_WANTS.get((tag, rule.shown), rule.wanted)
        return f'{rule.shown}="{value}" on <{tag}> is blank; it needs {wants}'
    return f'{rule.shown}="{value.strip(XML_WHITE_SPACE)}" on <{tag}> is not {rule.wanted}'


def _fails(rule: AttributeRule, value: str) -> bool:
    """Whether ``value`` is surely outside the attribute's datatype (False when unsure)."""
    if rule.pattern:
        return not _matches(rule.pattern, value)
    if rule.datatype == "positiveInteger":
        number = POSITIVE_INTEGER.fullmatch(value)
        limit = rule.maximum
        return not number or not 0 < int(number.group(1)) <= (limit or int(number.group(1)))
    shape = SHAPES.get(rule.datatype)
    return shape is not None and shape.fullmatch(collapse(value)) is None


def _matches(pattern: str, value: str) -> bool:
    """Whether ``value`` matches an XML Schema ``pattern``; a pattern outside the part of the
    syntax :func:`python_pattern` reads counts as matched, so nothing is blamed on a guess."""
    translated = python_pattern(pattern)
    try:
        return translated is None or re.fullmatch(translated, value) is not None
    except re.error:
        return True


def python_pattern(pattern: str) -> str | None:
    """An XML Schema regular expression as Python's ``re`` reads it alike: a dot and ``\\s``
    mean XML's blanks and line ends, ``^`` and ``$`` are plain characters; None for escapes
    and class subtractions this does not translate."""
    out, in_class, index = [], False, 0
    while index < len(pattern):
        char, pair = pattern[index], pattern[index : index + 2]
        if char == "\\":
            if pair[1:] not in PLAIN_ESCAPES or (in_class and pair == "\\S"):
                return None
            out.append(BLANKS[in_class].get(pair, pair))
            index += 2
            continue
        if char == "[" and in_class:
            return None
        in_class = (in_class or char == "[") and char != "]"
        out.append(ANYWHERE.get(char, char) if not in_class and char != "]" else char)
        index += 1
    return "".join(out)
