"""The front page of a brief extracted from a PDF as text: title, people, date, disclaimer.

The layout recognised (Markdown-style emphasis as PDF extractors write it)::

    ## TITLE                        first non-empty line (the next lines of its block: subtitle)
    By                              "By" alone or "By Name"; then per person a **bold** name
    **Name**                        followed by *italic* lines: role, then affiliation
    *Role*                          ("Department, Institution")
    *Affiliation*
    Edited by                       the same for editors
    **Dr Name**
    June 14, 2024                   a date line
    *(Disclaimer)*                  a parenthesised line

The blocks after the title may come in any order; the body starts at the first block that is
none of these.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Affiliation, Contributor
from ..rules.dates import impossible_printed_date, printed_date
from .names import split_affiliation, split_name

_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?P<inner>.*?)\1$")
_BY = re.compile(r"^(?P<role>by|edited by)\b\s*(?P<rest>.*)$", re.IGNORECASE)


@dataclass
class Chunk:
    """A run of non-blank lines; ``line`` is the 1-based number of its first line."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        """The lines joined by spaces."""
        return " ".join(self.lines)


@dataclass
class FrontPage:
    """What the front page says; ``rest`` is where the body starts."""

    title: str = ""
    title_line: int = 1
    subtitle: str = ""
    authors: list[Contributor] = field(default_factory=list)
    editors: list[Contributor] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    date: dt.date | None = None
    impossible_date: tuple[int, str] | None = None  # line and text of a date with no such day
    disclaimer: str = ""
    rest: int = 0


def split_chunks(source: str) -> list[Chunk]:
    """The blocks of non-blank lines, trailing spaces (Markdown hard breaks) removed."""
    chunks: list[Chunk] = []
    current: Chunk | None = None
    for number, raw in enumerate(source.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            current = None
        elif current is None:
            current = Chunk(number, [line])
            chunks.append(current)
        else:
            current.lines.append(line)
    return chunks


def unwrap(text: str) -> str:
    """``text`` without heading marks and enclosing emphasis markers."""
    text = text.strip().lstrip("#").strip()
    while found := _EMPHASIS.match(text):
        text = found["inner"].strip()
    return text


def read_front_page(chunks: list[Chunk]) -> FrontPage:
    """Read the title and the front-page blocks that follow it."""
    page = FrontPage()
    if not chunks:
        return page
    page.title, page.title_line = unwrap(chunks[0].lines[0]), chunks[0].line
    page.subtitle = " ".join(unwrap(line) for line in chunks[0].lines[1:])
    index = 1
    while index < len(chunks) and _read_block(chunks[index], page):
        index += 1
    page.rest = index
    return page


def _read_block(chunk: Chunk, page: FrontPage) -> bool:
    byline = _BY.match(unwrap(chunk.lines[0]))
    if byline:
        people = _people([byline["rest"], *chunk.lines[1:]], page)
        (page.authors if byline["role"].lower() == "by" else page.editors).extend(people)
        return True
    date = printed_date(unwrap(chunk.text))
    if date is not None and page.date is None:
        page.date = date
        return True
    if page.date is None and impossible_printed_date(unwrap(chunk.text)):
        page.impossible_date = (chunk.line, unwrap(chunk.text))
        return True
    inner = unwrap(chunk.text)
    if inner.startswith("(") and inner.endswith(")") and not page.disclaimer:
        page.disclaimer = inner[1:-1].strip()
        return True
    return False


def _people(lines: list[str], page: FrontPage) -> list[Contributor]:
    """People from a byline: each non-italic line starts a person, italic lines describe them."""
    people: list[tuple[str, list[str]]] = []
    for line in (line.strip() for line in lines if line.strip()):
        if _is_italic(line) and people:
            people[-1][1].append(unwrap(line))
        else:
            names = re.split(r"\s+and\s+|\s*&\s*|,\s+", line)
            people.extend((unwrap(name.strip("*_ ")), []) for name in names if name.strip("*_ "))
    return [_contributor(name, details, page) for name, details in people]


def _is_italic(line: str) -> bool:
    return line[:1] in "*_" and line[:2] not in ("**", "__")


def _contributor(name: str, details: list[str], page: FrontPage) -> Contributor:
    role = details[0] if details else None
    affiliations = []
    for text in details[1:]:
        affiliation = _affiliation(text, page)
        affiliations.append(affiliation)
    return Contributor(name=split_name(name), role=role, affiliations=tuple(affiliations))


def _affiliation(text: str, page: FrontPage) -> Affiliation:
    candidate = split_affiliation(text, f"aff{len(page.affiliations) + 1}")
    for known in page.affiliations:
        if (known.institution, known.department) == (candidate.institution, candidate.department):
            return known
    page.affiliations.append(candidate)
    return candidate
