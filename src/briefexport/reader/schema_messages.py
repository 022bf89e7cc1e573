"""Clearer words for the RELAX NG errors libxml2 words for schema authors, not brief authors.

An empty element that needs children ("Expecting an element , got nothing") names that element
and what it needs; a language tag written with ``_`` suggests its BCP 47 spelling. The generic
"failed to validate" line libxml2 adds after such an error is dropped, as it says nothing more.
Any other message passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from ..errors import Diagnostic
from .locate import Locator

NOTHING = "Expecting an element , got nothing"
FAILED = re.compile(r"Element ([\w:.-]+) failed to validate (content|attributes)")
BAD_LANGUAGE = re.compile(r"Type language doesn't allow value '(.*)'")
NEEDS = {
    "tr": "a table row needs at least one cell (<td> or <th>)",
    "thead": "a table header needs at least one row (<tr>)",
    "tbody": "a table body needs at least one row (<tr>)",
    "list": "a list needs at least one <list-item>",
    "list-item": "a list item needs at least one paragraph (<p>)",
    "fn-group": "<fn-group> needs at least one footnote (<fn>)",
    "fn": "a footnote needs at least one paragraph (<p>)",
    "ref-list": "a reference list needs at least one <ref>",
    "disp-quote": "a quotation needs at least one paragraph (<p>)",
    "abstract": "an abstract needs at least one paragraph (<p>)",
}


def clearer(
    entries: Iterable[etree._LogEntry],
    tree: etree._ElementTree,
    at: Locator,
    plain: Callable[[etree._LogEntry], Diagnostic],
) -> list[Diagnostic]:
    """Diagnostics for RELAX NG log entries, reworded where a clearer message is known."""
    found: list[Diagnostic] = []
    redundant: str | None = None  # the element whose "failed to validate" line to drop next
    for entry in entries:
        failed = FAILED.match(entry.message)
        if failed and redundant in (failed.group(1), "*"):
            redundant = None
            continue
        redundant = None
        better = _reworded(entry, tree, at)
        if better is None:
            found.append(plain(entry))
        else:
            diagnostic, redundant = better
            found.append(diagnostic)
    return found


def _reworded(
    entry: etree._LogEntry, tree: etree._ElementTree, at: Locator
) -> tuple[Diagnostic, str] | None:
    if entry.message.startswith(NOTHING):
        empty = _empty_container(tree, entry.line)
        if empty is not None:
            tag = str(empty.tag)
            return at.error(empty, NEEDS[tag]), tag
    language = BAD_LANGUAGE.match(entry.message)
    if language:
        return _bad_language(language.group(1), entry.line or 1, at), "*"
    return None


def _empty_container(tree: etree._ElementTree, line: int) -> etree._Element | None:
    """The first element on ``line`` that needs children and has none."""
    for element in tree.getroot().iter(*NEEDS):
        if element.sourceline == line and len(element) == 0:
            return element
    return None


def _bad_language(value: str, line: int, at: Locator) -> Diagnostic:
    hint = ""
    if "_" in value:
        hint = f"; write {value.replace('_', '-')!r} (language tags use '-', not '_')"
    column = at.column_of_text(line, "xml:lang=")
    message = f"xml:lang {value!r} is not a BCP 47 language tag{hint}"
    return Diagnostic(at.name, line, column, message)
