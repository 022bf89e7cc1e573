"""Number footnotes by their first call in the finished body, as the canonical profile does.

Importers that move content around (the JATS importer moves boxes and back-matter sections)
build notes with a provisional number, then call :func:`number_notes` on the final body: each
call is pointed at the renumbered note, and notes never called follow the called ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import assert_never

from ..model import (
    Block,
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    Figure,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Styled,
    Table,
    Text,
)


def number_notes(
    body: tuple[Block, ...], notes: Iterable[Footnote]
) -> tuple[tuple[Block, ...], tuple[Footnote, ...], list[Footnote]]:
    """The body with calls renumbered, every note in number order, and the notes never called."""
    order: dict[str, Footnote] = {}
    for block in body:
        _collect(block, order)
    uncalled = [note for note in notes if note.id not in order]
    renumbered = {
        note.id: replace(note, number=number)
        for number, note in enumerate([*order.values(), *uncalled], start=1)
    }
    new_body = tuple(_block(block, renumbered) for block in body)
    return new_body, tuple(renumbered.values()), uncalled


def _collect(block: Block, order: dict[str, Footnote]) -> None:
    for paragraph in _paragraphs(block):
        for inline in paragraph.children:
            for note in _calls(inline):
                order.setdefault(note.id, note)


def _paragraphs(block: Block) -> list[Paragraph]:
    match block:
        case Paragraph():
            return [block]
        case Section(_, _, blocks):
            return [p for inner in blocks for p in _paragraphs(inner)]
        case ListBlock(_, items):
            return [p for item in items for p in item.paragraphs]
        case Quote(paragraphs, _):
            return list(paragraphs)
        case Table() | Figure():
            return []
        case _:
            assert_never(block)


def _calls(inline: Inline) -> list[Footnote]:
    match inline:
        case FootnoteRef(note):
            return [note]
        case Styled() | Link() | Citation() | CitationPart():
            return [note for child in inline.children for note in _calls(child)]
        case Text() | CitedDate() | CitationRef():
            return []
        case _:
            assert_never(inline)


def _block(block: Block, notes: dict[str, Footnote]) -> Block:
    match block:
        case Paragraph(children, lead):
            return Paragraph(_inlines(children, notes), lead)
        case Section(blocks=blocks):
            return replace(block, blocks=tuple(_block(inner, notes) for inner in blocks))
        case ListBlock(ordered, items):
            return ListBlock(ordered, tuple(ListItem(_paras(i.paragraphs, notes)) for i in items))
        case Quote(paragraphs, attribution):
            return Quote(_paras(paragraphs, notes), attribution)
        case Table() | Figure():
            return block
        case _:
            assert_never(block)


def _paras(paragraphs: tuple[Paragraph, ...], notes: dict[str, Footnote]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(_inlines(p.children, notes), p.lead) for p in paragraphs)


def _inlines(inlines: tuple[Inline, ...], notes: dict[str, Footnote]) -> tuple[Inline, ...]:
    return tuple(_inline(inline, notes) for inline in inlines)


def _inline(inline: Inline, notes: dict[str, Footnote]) -> Inline:
    match inline:
        case FootnoteRef(note):
            return FootnoteRef(notes[note.id])
        case Styled() | Link() | Citation() | CitationPart():
            return replace(inline, children=_inlines(inline.children, notes))
        case Text() | CitedDate() | CitationRef():
            return inline
        case _:
            assert_never(inline)
