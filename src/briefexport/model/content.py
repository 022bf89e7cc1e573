"""The content of a brief: inlines, blocks, footnotes and references.

These types refer to one another (a footnote call holds its note, a note holds paragraphs of
inlines, a section holds blocks), so they live in one module. ``Inline`` and ``Block`` are closed
unions: a writer that matches over them with ``assert_never`` is told by mypy about a new member.

Sections, tables, figures, footnotes and links read from a file carry where they start there
(:class:`SourcePosition`), so that a writer's warning can point at the source; the position is
left out of comparison, so a brief read back from another format still equals the original.
"""

from __future__ import annotations

import enum
from dataclasses import field
from typing import TypeAlias

from .record import Record, record


class TextStyle(enum.Enum):
    """Inline formatting, one JATS element each."""

    BOLD = "bold"
    ITALIC = "italic"
    UNDERLINE = "underline"
    SUPERSCRIPT = "sup"
    SUBSCRIPT = "sub"
    SMALL_CAPS = "sc"
    MONOSPACE = "monospace"


class CitationField(enum.Enum):
    """Tagged parts of a citation (JATS elements inside ``mixed-citation``)."""

    PERSON_GROUP = "person-group"
    STRING_NAME = "string-name"
    COLLAB = "collab"
    ARTICLE_TITLE = "article-title"
    SOURCE = "source"


class PublicationType(enum.Enum):
    """The ``publication-type`` of a citation."""

    WEBPAGE = "webpage"
    REPORT = "report"
    JOURNAL = "journal"
    BOOK = "book"
    OTHER = "other"


@record
class SourcePosition(Record):
    """Line and column (both 1-based) where a node starts in the file it was read from."""

    line: int
    column: int


# ---------------------------------------------------------------------------- inlines


@record
class Text(Record):
    """Plain text, whitespace already normalised by the reader."""

    value: str


@record
class Styled(Record):
    """Formatted text: bold, italic, superscript and so on."""

    style: TextStyle
    children: tuple[Inline, ...]


@record
class Link(Record):
    """An external link (``ext-link``); the scheme is http, https or mailto."""

    href: str
    children: tuple[Inline, ...]
    source: SourcePosition | None = field(default=None, compare=False, repr=False)


@record
class FootnoteRef(Record):
    """A call to a footnote; the same note may be called more than once."""

    note: Footnote


@record
class CitationRef(Record):
    """A call to an entry of the reference list (``xref ref-type="bibr"``)."""

    reference: Reference


@record
class Citation(Record):
    """A structured citation (``mixed-citation``): text with tagged parts."""

    publication_type: PublicationType
    children: tuple[Inline, ...]


@record
class CitationPart(Record):
    """An author group, a name, a title or a source inside a citation."""

    field: CitationField
    children: tuple[Inline, ...]


@record
class CitedDate(Record):
    """A date as printed in a citation (``string-date``) with its ISO 8601 value.

    ``iso`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (checked by the reader).
    """

    iso: str
    text: str


Inline: TypeAlias = (
    Text | Styled | Link | FootnoteRef | CitationRef | Citation | CitationPart | CitedDate
)


# ---------------------------------------------------------------------------- blocks


@record
class Paragraph(Record):
    """A paragraph; ``lead`` marks the brief's opening paragraph (printed bold)."""

    children: tuple[Inline, ...]
    lead: bool = False


@record
class ListItem(Record):
    """One item of a list."""

    paragraphs: tuple[Paragraph, ...]


@record
class ListBlock(Record):
    """A bulleted (``ordered=False``) or numbered list."""

    ordered: bool
    items: tuple[ListItem, ...]


@record
class Quote(Record):
    """A block quotation with an optional attribution."""

    paragraphs: tuple[Paragraph, ...]
    attribution: tuple[Inline, ...] = ()


@record
class Cell(Record):
    """A table cell; ``header`` for ``th``."""

    children: tuple[Inline, ...]
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@record
class Row(Record):
    """A table row."""

    cells: tuple[Cell, ...]


@record
class Table(Record):
    """A table with its label ("Table 1"), caption, header rows and body rows."""

    id: str | None
    label: str | None
    caption: tuple[Inline, ...]
    head: tuple[Row, ...]
    body: tuple[Row, ...]
    source: SourcePosition | None = field(default=None, compare=False, repr=False)


@record
class Image(Record):
    """An image file of the brief, already read and checked by the reader.

    ``href`` is the relative path inside the brief's folder as written in the source;
    ``source`` is where the element naming it (``graphic``) starts.
    """

    href: str
    alt_text: str
    media_type: str
    data: bytes
    source: SourcePosition | None = field(default=None, compare=False, repr=False)


@record
class Figure(Record):
    """A figure: an image with a label ("Figure 1") and a caption."""

    id: str | None
    label: str | None
    caption: tuple[Inline, ...]
    image: Image
    source: SourcePosition | None = field(default=None, compare=False, repr=False)


@record
class Section(Record):
    """A titled section; sections nest up to three levels."""

    id: str | None
    title: tuple[Inline, ...]
    blocks: tuple[Block, ...]
    source: SourcePosition | None = field(default=None, compare=False, repr=False)


Block: TypeAlias = Paragraph | Section | ListBlock | Quote | Table | Figure


# ---------------------------------------------------------------------------- notes and references


@record
class Footnote(Record):
    """A footnote; ``number`` follows the order of first call (1, 2, ...)."""

    id: str
    number: int
    paragraphs: tuple[Paragraph, ...]
    source: SourcePosition | None = field(default=None, compare=False, repr=False)


@record
class Reference(Record):
    """An entry of the reference list, numbered in list order."""

    id: str
    number: int
    citation: Citation
