"""The back matter of a Word document: the reference list and the rights lines.

Reference Entry (or pandoc's Bibliography) paragraphs are the reference list, numbered in order;
a heading right before the first of them is the list's label, not a section. An entry's leading
"n." is the number our writer prints when n is the entry's place in the list and the paragraph
starts as the writer starts it: a run holding only "n.", then a tab (else "2. Auflage" is the
entry's own text); a leading "[n]" likewise, when it is the entry's place and the paragraph starts
as the writer started it before: a run holding only "[n]", then a space. The bookmark
on the number is what "[n]" calls in the text link to. An entry that reads as a web citation
gets a structured citation. Rights paragraphs give the copyright statement and the licence (its
link and text); one paragraph that starts with "©" and holds the licence link is the
statement's sentence, then the licence's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...inlines import canonical, plain_text
from ...model import Citation, Link, Permissions, PublicationType, Reference, Text
from ...rules.citations import citation_from_text
from .inline import InlineReader, Reading
from .items import Item, bookmarks
from .styles import Role

_LISTED = re.compile(r"(\d+)\.")
_BRACKETED = re.compile(r"\[(\d+)\]")
# Our writer prints "© 2026 Holder. This brief is published under ..." as one paragraph.
_COPYRIGHT_SENTENCE = re.compile(r"(?P<statement>\u00a9[^.]*?)\.\s+(?P<licence>\S.*)", re.S)


def split_back(items: list[Item]) -> tuple[list[Item], list[Item], list[Item]]:
    """Body items, reference entries and rights paragraphs."""
    references = [item for item in items if item.role is Role.REFERENCE]
    rights = [item for item in items if item.role is Role.RIGHTS]
    skipped = (Role.REFERENCE, Role.RIGHTS, Role.GENERATED)
    body = [item for item in items if item.role not in skipped]
    if references:
        first = items.index(references[0])
        label = items[first - 1] if first else None
        if label is not None and label.role is Role.HEADING and label in body:
            body.remove(label)
    return body, references, rights


def read_references(items: list[Item], reading: Reading) -> tuple[Reference, ...]:
    """The reference list; its bookmarks are recorded for the calls in the text."""
    reader = InlineReader(reading, calls=False)
    found: list[Reference] = []
    for item in items:
        reading.line = item.line
        content = list(reader.paragraph(item.element))
        if content and isinstance(content[0], Text):
            number = _writers_number(item.element)
            content[0] = Text(_without_number(content[0].value, len(found) + 1, number))
        inlines = canonical(content)
        citation = citation_from_text(inlines) or Citation(PublicationType.OTHER, inlines)
        reference = Reference(f"ref{len(found) + 1}", len(found) + 1, citation)
        found.append(reference)
        reading.reference_bookmarks.update(dict.fromkeys(bookmarks(item.element), reference))
    return tuple(found)


@dataclass(frozen=True)
class WritersNumber:
    """The number our writer put before an entry: as printed ("3." or "[3]"), and its value."""

    printed: str
    value: int


def _without_number(text: str, place: int, number: WritersNumber | None) -> str:
    """An entry's text without the number the writer put before it (:func:`_writers_number`)
    when that number is the entry's place ("3." and a tab, or "[3]" and a space as it wrote
    them before, for the third entry); another number, or one that does not start the paragraph
    as the writer starts it, is the citation's own."""
    rest = text.lstrip()
    if number is None or number.value != place or not rest.startswith(number.printed):
        return text
    return rest[len(number.printed) :].lstrip()


def _writers_number(paragraph: Any) -> WritersNumber | None:
    """The writer's number: "n." when the paragraph starts with a run of only "n.", then a tab
    (in the same run or the next), as the writer writes an entry's number; "[n]" when it starts
    with a run of only "[n]", then one starting with a space, as it wrote it before."""
    leaves = list(itertools.islice(_leaves(paragraph), 2))
    kinds = [type(leaf).__name__ for leaf in leaves]
    listed = _LISTED.fullmatch(leaves[0].value) if kinds == ["Text", "Tab"] else None
    bracketed = _BRACKETED.fullmatch(leaves[0].value) if kinds == ["Text", "Text"] else None
    if bracketed is not None and not leaves[1].value[:1].isspace():
        bracketed = None
    found = listed or bracketed
    return WritersNumber(found[0], int(found[1])) if found is not None else None


def _leaves(paragraph: Any) -> Iterator[Any]:
    """The paragraph's children with its runs opened (bookmarks left out)."""
    for child in paragraph.children:
        kind = type(child).__name__
        if kind == "Run":
            yield from child.children
        elif kind != "Bookmark":
            yield child


def read_rights(items: list[Item], reading: Reading) -> Permissions | None:
    """Copyright statement and licence from the Rights paragraphs."""
    reader = InlineReader(reading, calls=False)
    statement = url = text = None
    for item in items:
        content = reader.paragraph(item.element)
        link = next((inline for inline in content if isinstance(inline, Link)), None)
        line = plain_text(content).strip()
        copyright_first = _COPYRIGHT_SENTENCE.match(line)
        if link is not None and copyright_first:  # one paragraph: copyright, then licence
            statement, line = copyright_first["statement"], copyright_first["licence"]
        if link is not None:
            url, text = link.href, line
        else:
            statement = line or statement
    if statement is None and url is None:
        return None
    year = re.search(r"\b(\d{4})\b", statement or "")
    licence_text = text if text and text != url else None
    return Permissions(statement, int(year.group(1)) if year else None, None, url, licence_text)
