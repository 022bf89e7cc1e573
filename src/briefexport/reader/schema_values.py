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
from .locate import Locator
from .schema_check import Findings
from .schema_rules import schema

DATATYPE_ERROR = "Error validating datatype"
FAILED_CONTENT = re.compile(r"Element ([\w:.-]+) failed to validate content")
INVALID_ATTRIBUTE = re.compile(r"Invalid attribute ([\w:.-]+) for element ([\w:.-]+)")
FAILED_ATTRIBUTES = re.compile(r"Element ([\w:.-]+) failed to validate attributes")
XML_SPACE = " \t\r\n"
PLAIN_ESCAPES = set("sSdnrt.\\-^$[](){}?*+|")
BLANKS = {False: {"\\s": "[ \t\n\r]", "\\S": "[^ \t\n\r]"}, True: {"\\s": " \t\n\r"}}
ANYWHERE = {".": "[^\n\r]", "^": "\\^", "$": "\\$"}  # outside a character class


@dataclass
class Values:
    """Per libxml2 entry (by index) its rewording, or None to drop it; the elements at fault."""

    reworded: dict[int, Diagnostic | None] = field(default_factory=dict)
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
    """Rewordings of the datatype errors among ``entries``."""
    found = Values()
    for index, entry in enumerate(entries):
        following = entries[index + 1] if index + 1 < len(entries) else None
        if entry.message.startswith(DATATYPE_ERROR) and following is not None:
            failed = FAILED_CONTENT.match(following.message)
            if failed:
                _content(
                    index, lines.subjects(following.line, failed.group(1)), findings, at, found
                )
        elif invalid := INVALID_ATTRIBUTE.match(entry.message):
            subjects = lines.subjects(entry.line, invalid.group(2))
            _attribute(index, invalid.group(1), subjects, findings, at, found)
        elif failed := FAILED_ATTRIBUTES.match(entry.message):
            subjects = lines.subjects(entry.line, failed.group(1))[:1]
            found.elements.update(subjects)
            _patterned(index, subjects, findings, at, found)
    return found


def _content(
    index: int, subjects: list[etree._Element], findings: Findings, at: Locator, found: Values
) -> None:
    """Error validating datatype, then Element E failed to validate content: one line at E."""
    for element in subjects:
        wanted = [schema().rules[k].wanted for k in findings.rules.get(element, ())]
        if wanted and wanted[0] and len(element) == 0:
            text = element.text or ""
            tag = schema().shown(str(element.tag))
            message = (
                f"<{tag}> is empty; it needs text"
                if not text.strip(XML_SPACE)
                else f"<{tag}> holds {text!r}, which is not {wanted[0]}"
            )
            found.reworded[index] = at.error(element, message)
            found.reworded[index + 1] = None
            found.elements.add(element)
            return


def _attribute(
    index: int,
    name: str,
    subjects: list[etree._Element],
    findings: Findings,
    at: Locator,
    found: Values,
) -> None:
    """Invalid attribute A for element X, where X takes A: its value is what is wrong."""
    for element in subjects:
        for key in findings.rules.get(element, ()):
            for clark, rule in schema().rules[key].attributes.items():
                if etree.QName(clark).localname == name.rpartition(":")[2] and rule.values is None:
                    value = element.get(clark, "")
                    tag = schema().shown(str(element.tag))
                    message = f'{rule.shown}="{value}" on <{tag}> is not {rule.wanted}'
                    found.reworded[index] = at.error(element, message)
                    found.elements.add(element)
                    return


def _patterned(
    index: int, subjects: list[etree._Element], findings: Findings, at: Locator, found: Values
) -> None:
    """Element X failed to validate attributes: name the attribute when exactly one of X's
    attributes fails its schema pattern (libxml2 has said one value is wrong; not which)."""
    for element in subjects:
        failing = {
            clark: rule
            for key in findings.rules.get(element, ())
            for clark, rule in schema().rules[key].attributes.items()
            if rule.pattern and clark in element.attrib
            if not _matches(rule.pattern, element.get(clark, ""))
        }
        if len(failing) == 1:
            clark, rule = failing.popitem()
            tag = schema().shown(str(element.tag))
            message = f'{rule.shown}="{element.get(clark)}" on <{tag}> is not {rule.wanted}'
            found.reworded[index] = at.error(element, message)


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
