"""The in-memory model of a policy brief: what every reader produces and every writer walks.

The model mirrors the canonical JATS 1.3 profile described in ``docs/format.md``, but knows
nothing about XML, HTML, DOCX or PDF. Every value is frozen and made of tuples, so briefs compare
by value (the JATS round trip relies on it) and can be shared between threads.

Cross references are resolved by the reader: a :class:`FootnoteRef` holds its :class:`Footnote`,
a :class:`CitationRef` its :class:`Reference`, and a contributor holds its affiliations.
Writers never look an id up. :mod:`.walk` visits every node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from pathlib import Path

from .content import (
    Block,
    Cell,
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    PublicationType,
    Quote,
    Reference,
    Row,
    Section,
    SourcePosition,
    Styled,
    Table,
    Text,
    TextStyle,
)
from .metadata import Affiliation, Contributor, Metadata, Permissions, PersonName
from .record import Record, record
from .walk import inlines_of, walk_blocks, walk_inlines

__all__ = [
    "Affiliation",
    "Block",
    "Brief",
    "Cell",
    "Citation",
    "CitationField",
    "CitationPart",
    "CitationRef",
    "CitedDate",
    "Contributor",
    "Figure",
    "Footnote",
    "FootnoteRef",
    "Image",
    "Inline",
    "Link",
    "ListBlock",
    "ListItem",
    "Metadata",
    "Paragraph",
    "Permissions",
    "PersonName",
    "PublicationType",
    "Quote",
    "Reference",
    "Row",
    "Section",
    "SourcePosition",
    "Styled",
    "Table",
    "Text",
    "TextStyle",
]


@record
class Brief(Record):
    """A whole brief. ``footnotes`` are in numbering order, ``references`` in list order."""

    meta: Metadata
    body: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = ()
    references: tuple[Reference, ...] = ()
    origin: Path | None = field(default=None, compare=False, repr=False)
    """The file the brief was read from, resolved (its figures are read relative to its
    folder); None for a brief made in code. No output may be written over these files."""

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure of the body, in document order."""
        return tuple(block for block in walk_blocks(self.body) if isinstance(block, Figure))

    def inlines(self) -> Iterator[Inline]:
        """Every inline of the body, then of the notes, then of the reference list."""
        yield from inlines_of(self.body)
        for note in self.footnotes:
            yield from inlines_of(note.paragraphs)
        yield from walk_inlines(reference.citation for reference in self.references)
