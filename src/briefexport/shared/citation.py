"""The suggested citation printed in every format, built from the brief's metadata.

The style is that of a report in ISO 690 and the Chicago Manual of Style's bibliography form,
in the brief's language::

    Authors. Title: Subtitle. Series Number. Place: Publisher, Date. https://doi.org/DOI

* Authors: the first inverted ("Okafor-Blanc, Mireille"), the others as printed, joined as
  CLDR lists them in the language ("A, B and C", "A، B، اور C");
* the title in italics (upright for Arabic-script titles, which have no italics);
* the series with the report number (the brief's publisher id), the place and the publisher;
* the publication date in the language's long form (CLDR);
* the DOI as a ``https://doi.org/`` link, with no full stop after it so it can be copied.

Each part ends with the language's full stop (Urdu's is U+06D4) unless it already ends a sentence.
"""

from __future__ import annotations

import enum

from ..model import Inline, Link, Metadata, PersonName, Styled, Text, TextStyle
from ..model.record import Record, record
from .bidi import has_rtl_letters
from .front import document_title, doi_url, report_line, sentence
from .i18n import join_list, label, long_date


class PieceKind(enum.Enum):
    """How a piece of the citation is printed."""

    TEXT = "text"
    TITLE = "title"  # italic where the script has italics
    LINK = "link"


@record
class CitationPiece(Record):
    """A piece of the suggested citation; ``href`` for links."""

    text: str
    kind: PieceKind = PieceKind.TEXT
    href: str | None = None

    @property
    def italic(self) -> bool:
        """Whether the piece is set in italics: a title in a script that has them."""
        return self.kind is PieceKind.TITLE and not has_rtl_letters(self.text)


def inverted_name(name: PersonName, language: str) -> str:
    """ "Surname, Given Names Suffix" with the language's comma."""
    if not name.given_names:
        return name.surname
    rest = " ".join(part for part in (name.given_names, name.suffix) if part)
    return f"{name.surname}{label(language, 'comma')}{rest}"


def author_list(meta: Metadata) -> str:
    """The authors, the first inverted, joined as the language lists them."""
    names = [person.name.display for person in meta.authors]
    if names:
        names[0] = inverted_name(meta.authors[0].name, meta.language)
    return join_list(names, meta.language)


def suggested_citation(meta: Metadata) -> tuple[CitationPiece, ...]:
    """The citation as pieces to print one after the other (see the module docstring)."""
    language = meta.language
    place = f"{meta.publisher_location}: " if meta.publisher_location else ""
    published = f"{place}{meta.publisher}{label(language, 'comma')}{long_date(meta.date, language)}"
    title = document_title(meta)
    pieces = [
        CitationPiece(sentence(author_list(meta), language) + " ") if meta.authors else None,
        CitationPiece(title, PieceKind.TITLE),
        CitationPiece(sentence(title, language)[len(title) :] + " "),
        CitationPiece(sentence(report_line(meta), language) + " "),
        CitationPiece(sentence(published, language)),
    ]
    if meta.doi:
        url = doi_url(meta.doi)
        pieces.append(CitationPiece(" "))
        pieces.append(CitationPiece(url, PieceKind.LINK, url))
    return tuple(piece for piece in pieces if piece is not None and piece.text)


def citation_text(meta: Metadata) -> str:
    """The suggested citation as one line of plain text."""
    return "".join(piece.text for piece in suggested_citation(meta))


def citation_inlines(meta: Metadata) -> tuple[Inline, ...]:
    """The suggested citation as model inlines, for writers to render like any text."""
    inlines: list[Inline] = []
    for piece in suggested_citation(meta):
        match piece.kind:
            case PieceKind.TEXT:
                inlines.append(Text(piece.text))
            case PieceKind.TITLE:
                text = Text(piece.text)
                inlines.append(Styled(TextStyle.ITALIC, (text,)) if piece.italic else text)
            case PieceKind.LINK:
                inlines.append(Link(piece.href or piece.text, (Text(piece.text),)))
    return tuple(inlines)
