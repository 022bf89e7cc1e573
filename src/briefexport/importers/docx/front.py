"""The front matter of a Word document: the paragraphs before the body, read by their style.

Series ("Policy Brief · Climate Adaptation" gives the series and the heading), Title, Subtitle,
Byline ("By", "Edited by"), Author, Author Role, Affiliation, Editor, Publication Date (or
pandoc's Date), Disclaimer, Abstract and Keywords paragraphs, as our DOCX writer and pandoc write
them. A document whose by-line is plain text is read as the extracted-text importer reads one:
"By" or "Edited by", then a bold name and italic role and affiliation lines, a date line and a
parenthesised disclaimer (:mod:`briefexport.importers.textlayout`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ...inlines import plain_text
from ...model import Affiliation, Contributor, Inline, Paragraph, Text
from ...rules.dates import printed_date
from ..names import split_affiliation, split_name
from ..textlayout import Chunk, read_front_page
from .inline import InlineReader, Reading
from .items import Item, has_image
from .items import plain_text as item_text
from .restrict import linked, phrase
from .styles import FRONT_ROLES, Role

SERIES_SEPARATOR = " \u00b7 "


@dataclass
class _Person:
    name: str
    role: str | None = None
    affiliations: list[Affiliation] = field(default_factory=list)
    orcid: str | None = None
    email: str | None = None


@dataclass
class Front:
    """What the front matter says."""

    series: str | None = None
    heading: str | None = None
    title: tuple[Inline, ...] = ()
    subtitle: tuple[Inline, ...] = ()
    authors: list[Contributor] = field(default_factory=list)
    editors: list[Contributor] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    date: dt.date | None = None
    disclaimer: tuple[Inline, ...] = ()
    abstract: list[Paragraph] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


class FrontReader:
    """Reads the leading front-matter items of a document."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.reader = InlineReader(reading, calls=False)
        self.front = Front()
        self.groups: dict[str, list[_Person]] = {"authors": [], "editors": []}
        self.group = "authors"

    def read(self, items: list[Item]) -> tuple[Front, list[Item]]:
        """The front matter, and the items left for the body."""
        index = 0
        while index < len(items) and (
            items[index].role in FRONT_ROLES or self._empty(items[index])
        ):
            self.reading.line = items[index].line
            self._item(items[index])
            index += 1
        if not self.groups["authors"] and self.front.title:
            index += self._plain_byline(items[index:])
        self._people()
        return self.front, items[index:]

    def _empty(self, item: Item) -> bool:
        blank = not plain_words(item.element) and not has_image(item.element)
        return not item.is_table and item.role is Role.BODY and blank

    def _item(self, item: Item) -> None:
        if item.is_table or item.role is Role.BODY:
            return
        content = self.reader.paragraph(item.element)
        text = " ".join(plain_text(content).split())
        front, role = self.front, item.role
        if role is Role.SERIES:
            front.series, _, heading = text.partition(SERIES_SEPARATOR)
            front.heading = heading or None
        elif role in (Role.TITLE, Role.SUBTITLE):
            target = "title" if role is Role.TITLE and not front.title else "subtitle"
            setattr(front, target, phrase(content, self.reading))
        elif role in (Role.BYLINE, Role.AUTHOR, Role.EDITOR, Role.ROLE, Role.AFFILIATION):
            self._byline(role, text)
        elif role is Role.CONTACT:
            self._contact(text)
        elif role is Role.DATE:
            front.date = printed_date(text)
            if front.date is None:
                self.reading.problems.warning(item.line, f"date {text!r} not understood")
        elif role is Role.DISCLAIMER:
            front.disclaimer = linked(content, self.reading)
        elif role is Role.ABSTRACT and content:
            front.abstract.append(Paragraph(content))
        elif role is Role.KEYWORDS:
            listed = text.partition(":")[2] if ":" in text else text
            front.keywords += [word.strip() for word in listed.split(",") if word.strip()]

    def _byline(self, role: Role, text: str) -> None:
        if role is Role.BYLINE:
            self.group = "editors" if text.lower().startswith("edited") else "authors"
            return
        people = self.groups["editors" if role is Role.EDITOR else self.group]
        if role in (Role.AUTHOR, Role.EDITOR) and text:
            people.append(_Person(text))
        elif people and role is Role.ROLE:
            people[-1].role = text
        elif people and role is Role.AFFILIATION and text:
            people[-1].affiliations.append(self._affiliation(text))

    def _contact(self, text: str) -> None:
        """An Author Contact line: the last person's ORCID iD or e-mail address."""
        people = self.groups[self.group]
        if not people or not text:
            return
        if text.startswith(("https://orcid.org/", "http://orcid.org/")):
            people[-1].orcid = text
        elif "@" in text:
            people[-1].email = text

    def _affiliation(self, text: str) -> Affiliation:
        candidate = split_affiliation(text, f"aff{len(self.front.affiliations) + 1}")
        for known in self.front.affiliations:
            if (known.institution, known.department) == (
                candidate.institution,
                candidate.department,
            ):
                return known
        self.front.affiliations.append(candidate)
        return candidate

    def _people(self) -> None:
        for key in ("authors", "editors"):
            people = [
                Contributor(split_name(p.name), p.role, p.orcid, p.email, tuple(p.affiliations))
                for p in self.groups[key]
            ]
            getattr(self.front, key).extend(people)

    def _plain_byline(self, items: list[Item]) -> int:
        """Read a by-line written as plain text; return how many paragraphs it took."""
        chunks, counts = self._chunks(items[:40])
        page = read_front_page([Chunk(0, ["title"]), *chunks])
        for person in page.authors + page.editors:
            for affiliation in person.affiliations:
                if affiliation not in self.front.affiliations:
                    self.front.affiliations.append(affiliation)
        self.front.authors += page.authors
        self.front.editors += page.editors
        self.front.date = self.front.date or page.date
        if page.disclaimer and not self.front.disclaimer:
            self.front.disclaimer = (Text(page.disclaimer),)
        return sum(counts[: page.rest - 1])

    def _chunks(self, items: list[Item]) -> tuple[list[Chunk], list[int]]:
        """Paragraphs as the text importer's chunks: a "By" block gathers its name lines."""
        chunks: list[Chunk] = []
        counts: list[int] = []
        for item in items:
            if item.is_table:
                break
            line = _marked(item.element)
            in_byline = chunks and chunks[-1].lines[0].lower().startswith(("by", "edited by"))
            if in_byline and line[:1] in "*_" and line:
                chunks[-1].lines.append(line)
                counts[-1] += 1
            else:
                chunks.append(Chunk(item.line, [line or " "]))
                counts.append(1)
        return chunks, counts


def _marked(paragraph: Any) -> str:
    """A paragraph in the Markdown-style marks the text importer reads (**bold**, *italic*).

    Read from the runs directly: probing must not convert (and so report) the body's content.
    """
    runs = [run for run in paragraph.children if type(run).__name__ == "Run" and plain_words(run)]
    text = plain_words(paragraph)
    if runs and all(run.is_bold for run in runs):
        return f"**{text}**"
    if runs and all(run.is_italic for run in runs):
        return f"*{text}*"
    return text


def plain_words(element: Any) -> str:
    """The element's text, spaces collapsed."""
    return " ".join(item_text(element).split())
