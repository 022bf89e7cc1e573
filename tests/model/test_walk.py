"""The walk over the model reaches every block and inline, in document order."""

from __future__ import annotations

import datetime as dt

from briefexport.model import (
    Brief,
    Cell,
    Citation,
    CitationField,
    CitationPart,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Link,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    PublicationType,
    Quote,
    Reference,
    Row,
    Section,
    Styled,
    Table,
    Text,
    TextStyle,
)
from briefexport.model.walk import walk_blocks

IMAGE = Image("a.png", "alt", "image/png", b"")


def text(value: str) -> Text:
    return Text(value)


def sample() -> Brief:
    note = Footnote("n1", 1, (Paragraph((text("note"),)),))
    figure = Figure("f1", None, (text("caption"),), IMAGE)
    table = Table(
        None,
        None,
        (text("table caption"),),
        (Row((Cell((text("head"),), header=True),)),),
        (Row((Cell((Styled(TextStyle.BOLD, (text("cell"),)),)),)),),
    )
    inner = Section(
        "s2",
        (text("inner title"),),
        (figure, Quote((Paragraph((text("quoted"),)),), (text("who"),))),
    )
    body = (
        Paragraph((text("lead"), FootnoteRef(note)), lead=True),
        ListBlock(False, (ListItem((Paragraph((Link("https://x.org", (text("item"),)),)),)),)),
        Section("s1", (text("outer title"),), (inner, table)),
    )
    citation = Citation(PublicationType.BOOK, (CitationPart(CitationField.SOURCE, (text("src"),)),))
    meta = Metadata("en", "S", "J", "P", (text("T"),), (), dt.date(2026, 1, 1))
    return Brief(meta, body, (note,), (Reference("r1", 1, citation),))


def test_every_text_is_reached_in_document_order() -> None:
    texts = [inline.value for inline in sample().inlines() if isinstance(inline, Text)]
    assert texts == [
        "lead",
        "item",
        "outer title",
        "inner title",
        "caption",
        "quoted",
        "who",
        "table caption",
        "head",
        "cell",
        "note",
        "src",
    ]


def test_blocks_and_figures_in_nested_sections() -> None:
    brief = sample()
    kinds = [type(block).__name__ for block in walk_blocks(brief.body)]
    assert kinds == [
        "Paragraph",
        "ListBlock",
        "Paragraph",
        "Section",
        "Section",
        "Figure",
        "Quote",
        "Paragraph",
        "Table",
    ]
    assert [figure.id for figure in brief.figures] == ["f1"]
