"""The brief as the presentation writers print it: :func:`typeset` applies the smart
typography of :mod:`.typography` to every text of the model, once, before rendering.

Names of people, identifiers, URLs, dates and alt texts are left as written; everything a reader
reads as prose (titles, paragraphs, notes, citations, captions, roles, affiliations, the rights
lines, keywords) is made typographic. Footnote calls are pointed at the typographic notes, so a
writer that prints a note from its call (the PDF) prints the same text as the note list.

When one process writes a brief to several formats (``--to pdf,docx,epub``), each writer asks for
the same typeset brief: the last one made in each thread is kept and given again for the same
brief object, so the work is done once.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import assert_never

from ..model import (
    Affiliation,
    Block,
    Brief,
    Cell,
    Citation,
    Contributor,
    Figure,
    Footnote,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Quote,
    Reference,
    Row,
    Section,
    Table,
)
from .typography import smart_inlines, smart_text


class _Typesetter:
    """Maps a brief's parts to their typographic form in one language."""

    def __init__(self, language: str, notes: Mapping[str, Footnote] | None = None) -> None:
        self.language = language
        self.notes = notes or {}
        self.inlines = partial(smart_inlines, language=language, notes=self.notes)

    def text(self, value: str | None) -> str | None:
        return smart_text(value, self.language) if value else value

    def paragraphs(self, paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(Paragraph(self.inlines(p.children), p.lead) for p in paragraphs)

    def block(self, block: Block) -> Block:
        match block:
            case Paragraph():
                return Paragraph(self.inlines(block.children), block.lead)
            case Section():
                blocks = tuple(self.block(child) for child in block.blocks)
                return Section(block.id, self.inlines(block.title), blocks, block.source)
            case ListBlock():
                items = tuple(ListItem(self.paragraphs(i.paragraphs)) for i in block.items)
                return ListBlock(block.ordered, items)
            case Quote():
                return Quote(self.paragraphs(block.paragraphs), self.inlines(block.attribution))
            case Table():
                caption, head = self.inlines(block.caption), self.rows(block.head)
                body = self.rows(block.body)
                return Table(block.id, block.label, caption, head, body, block.source)
            case Figure():
                caption = self.inlines(block.caption)
                return Figure(block.id, block.label, caption, block.image, block.source)
            case _:
                assert_never(block)

    def rows(self, rows: tuple[Row, ...]) -> tuple[Row, ...]:
        return tuple(Row(tuple(self.cell(cell) for cell in row.cells)) for row in rows)

    def citation(self, citation: Citation) -> Citation:
        return Citation(citation.publication_type, self.inlines(citation.children))

    def cell(self, cell: Cell) -> Cell:
        return Cell(self.inlines(cell.children), cell.header, cell.colspan, cell.rowspan)

    def affiliation(self, affiliation: Affiliation) -> Affiliation:
        department = self.text(affiliation.department)
        return replace(affiliation, institution=self.text(affiliation.institution) or "",
                       department=department)  # fmt: skip

    def person(self, person: Contributor) -> Contributor:
        affiliations = tuple(self.affiliation(a) for a in person.affiliations)
        return replace(person, role=self.text(person.role), affiliations=affiliations)

    def meta(self, meta: Metadata) -> Metadata:
        rights = meta.permissions
        if rights is not None:
            rights = replace(rights, statement=self.text(rights.statement),
                             license_text=self.text(rights.license_text))  # fmt: skip
        return replace(
            meta,
            title=self.inlines(meta.title),
            subtitle=self.inlines(meta.subtitle),
            disclaimer=self.inlines(meta.disclaimer),
            abstract=self.paragraphs(meta.abstract),
            series=self.text(meta.series) or meta.series,
            heading=self.text(meta.heading),
            running_head=self.text(meta.running_head),
            authors=tuple(self.person(person) for person in meta.authors),
            editors=tuple(self.person(person) for person in meta.editors),
            affiliations=tuple(self.affiliation(a) for a in meta.affiliations),
            permissions=rights,
            keywords=tuple(self.text(word) or word for word in meta.keywords),
        )


class _LastTypeset(threading.local):
    """The last brief this thread typeset, and the result."""

    source: Brief | None = None
    result: Brief | None = None


_last = _LastTypeset()


def typeset(brief: Brief, smart: bool = True) -> Brief:
    """``brief`` with typographic quotes, dashes, ellipses and no-break spaces (``smart``), or
    unchanged."""
    if not smart:
        return brief
    if _last.source is not brief or _last.result is None:
        _last.source, _last.result = brief, _typeset(brief)
    return _last.result


def _typeset(brief: Brief) -> Brief:
    language = brief.meta.language
    plain = _Typesetter(language)
    notes = {note.id: Footnote(note.id, note.number, plain.paragraphs(note.paragraphs), note.source)
             for note in brief.footnotes}  # fmt: skip
    setter = _Typesetter(language, notes)
    references = tuple(
        Reference(ref.id, ref.number, setter.citation(ref.citation)) for ref in brief.references
    )
    return Brief(
        meta=setter.meta(brief.meta),
        body=tuple(setter.block(block) for block in brief.body),
        footnotes=tuple(notes[note.id] for note in brief.footnotes),
        references=references,
    )
