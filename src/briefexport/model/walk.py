"""A walk over the model: the children of every node, and every node below a set of nodes.

Pre-order, in document order. A footnote call does not lead into its note (notes are walked from
``Brief.footnotes``), nor a citation call into the reference list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import assert_never

from .content import (
    Block,
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    FootnoteRef,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Styled,
    Table,
    Text,
)


def child_blocks(block: Block) -> tuple[Block, ...]:
    """The blocks directly inside ``block``."""
    match block:
        case Section():
            return block.blocks
        case ListBlock():
            return tuple(paragraph for item in block.items for paragraph in item.paragraphs)
        case Quote():
            return block.paragraphs
        case Paragraph() | Table() | Figure():
            return ()
        case _:
            assert_never(block)


def own_inlines(block: Block) -> tuple[Inline, ...]:
    """The inline content ``block`` holds itself (not that of the blocks inside it)."""
    match block:
        case Paragraph():
            return block.children
        case Section():
            return block.title
        case Quote():
            return block.attribution
        case Table():
            cells = (cell for row in block.head + block.body for cell in row.cells)
            return block.caption + tuple(inline for cell in cells for inline in cell.children)
        case Figure():
            return block.caption
        case ListBlock():
            return ()
        case _:
            assert_never(block)


def child_inlines(inline: Inline) -> tuple[Inline, ...]:
    """The inlines directly inside ``inline``."""
    match inline:
        case Styled() | Link() | Citation() | CitationPart():
            return inline.children
        case Text() | CitedDate() | FootnoteRef() | CitationRef():
            return ()
        case _:
            assert_never(inline)


def walk_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block of ``blocks`` and every block inside them."""
    for block in blocks:
        yield block
        yield from walk_blocks(child_blocks(block))


def walk_inlines(inlines: Iterable[Inline]) -> Iterator[Inline]:
    """Every inline of ``inlines`` and every inline inside them."""
    for inline in inlines:
        yield inline
        yield from walk_inlines(child_inlines(inline))


def inlines_of(blocks: Iterable[Block]) -> Iterator[Inline]:
    """Every inline anywhere in ``blocks``, in reading order (a quote's attribution last)."""
    for block in blocks:
        if isinstance(block, Quote):
            yield from inlines_of(block.paragraphs)
            yield from walk_inlines(block.attribution)
        else:
            yield from walk_inlines(own_inlines(block))
            yield from inlines_of(child_blocks(block))
