"""The body of a Word document (its items after the front matter) as the brief's blocks.

Headings open sections (the shallowest heading level used is the first level; a heading deeper
than three levels becomes a bold paragraph, reported). List paragraphs make lists (a nested
level joins its parent item), Quote paragraphs a quotation (a Quote Attribution paragraph, or a
last paragraph opening with a dash, its attribution), tables and pictures tables and figures.
A caption before a table, after a figure (or before one) is theirs; "Table 1: ..." gives the
label "Table 1", as do leading runs in the Caption Label character style ("Table 1 ...").
The first paragraph in the Lead Paragraph style is the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from ...inlines import canonical
from ...model import (
    Block,
    Cell,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Row,
    Section,
    SourcePosition,
    Styled,
    Table,
    Text,
    TextStyle,
)
from ..captions import label_prefix, split_attribution
from ..tablegrid import rectangular
from .figures import alt_text, figure_from
from .inline import InlineReader, Reading
from .items import Item
from .restrict import linked, phrase
from .styles import FRONT_ROLES, Role

MAX_DEPTH = 3
CAPTION_LABEL = "caption label"
_LABEL = re.compile(r"(?P<label>[^\W\d][^:]{0,30}?\s\d+[\w.\-\u2013]*)(?::\s+|\s*$)")


def _styled_label(paragraph: Any) -> str:
    """The text of a caption's first runs in the Caption Label character style, which our DOCX
    writer gives the label ("Table 1", then a space and the caption)."""
    parts: list[str] = []
    for run in getattr(paragraph, "children", ()):
        if (getattr(run, "style_name", None) or "").lower() != CAPTION_LABEL:
            break
        parts += [getattr(text, "value", "") for text in getattr(run, "children", ())]
    return "".join(parts).strip()


@dataclass
class _Open:
    depth: int
    title: tuple[Inline, ...]
    blocks: list[Block] = field(default_factory=list)
    source: SourcePosition | None = None


class BodyBuilder:
    """Turns body items into blocks, sections nested."""

    def __init__(self, reading: Reading, figure_prefix: str) -> None:
        self.reading = reading
        self.reader = InlineReader(reading)
        self.cells = InlineReader(reading, calls=False)
        self.figure_prefix = figure_prefix
        self.figures = 0

    def build(self, items: list[Item]) -> list[Block]:
        """The blocks of ``items``."""
        headings = [item.level for item in items if item.role is Role.HEADING]
        base = min(headings, default=1)
        stack = [_Open(0, ())]
        index = 0
        while index < len(items):
            item = items[index]
            self.reading.line = item.line
            if item.role is Role.HEADING and item.level - base + 1 <= MAX_DEPTH:
                title = phrase(self.cells.paragraph(item.element), self.reading)
                self._open(stack, item.level - base + 1, title, _position(item))
                index += 1
                continue
            blocks, index = self._blocks_at(items, index)
            if len(stack) > 1:
                blocks = [_unlead(block) for block in blocks]
            stack[-1].blocks.extend(blocks)
        while len(stack) > 1:
            _close(stack)
        return _lead_first(stack[0].blocks)

    def _open(
        self, stack: list[_Open], depth: int, title: tuple[Inline, ...], where: SourcePosition
    ) -> None:
        while stack[-1].depth >= depth:
            _close(stack)
        depth = min(depth, stack[-1].depth + 1)
        stack.append(_Open(depth, title or (Text("Untitled"),), source=where))

    def _blocks_at(self, items: list[Item], index: int) -> tuple[list[Block], int]:
        item = items[index]
        role = item.role
        if role in (Role.BULLET, Role.NUMBER, Role.CONTINUE):
            return self._list(items, index)
        if role is Role.QUOTE:
            return self._quote(items, index)
        if item.is_table:
            return self._table(item, None), index + 1
        if role is Role.CAPTION:
            return self._caption(items, index)
        if role is Role.FIGURE:
            following = items[index + 1] if index + 1 < len(items) else None
            if following is not None and following.role is Role.CAPTION:
                return self._figure(item, following), index + 2
            return self._figure(item, None), index + 1
        return self._paragraph(item), index + 1

    def _paragraph(self, item: Item) -> list[Block]:
        content = self.reader.paragraph(item.element)
        if not content:
            return []
        if item.role is Role.HEADING:
            self.reading.repeated("headings deeper than three levels become bold paragraphs")
            return [Paragraph((Styled(TextStyle.BOLD, phrase(content, self.reading)),))]
        if item.role is Role.CODE:
            return [Paragraph((Styled(TextStyle.MONOSPACE, content),))]
        if item.role in FRONT_ROLES or item.role in (Role.ATTRIBUTION, Role.REFERENCE, Role.RIGHTS):
            self.reading.repeated(
                f"a {item.role.value} paragraph inside the body read as body text"
            )
        return [Paragraph(content, lead=item.role is Role.LEAD)]

    def _list(self, items: list[Item], index: int) -> tuple[list[Block], int]:
        ordered = items[index].role is Role.NUMBER
        entries: list[list[Paragraph]] = []
        while index < len(items) and items[index].role in (Role.BULLET, Role.NUMBER, Role.CONTINUE):
            item = items[index]
            starts_item = item.role is not Role.CONTINUE and item.level == 0
            if starts_item and entries and (item.role is Role.NUMBER) != ordered:
                break  # the other kind of list starts here
            if item.level > 0:
                self.reading.repeated("nested list levels join their parent item")
            self.reading.line = item.line
            paragraph = Paragraph(self.reader.paragraph(item.element))
            if starts_item or not entries:
                entries.append([paragraph])
            else:
                entries[-1].append(paragraph)
            index += 1
        listed = tuple(ListItem(tuple(p for p in entry if p.children)) for entry in entries)
        return [ListBlock(ordered, tuple(i for i in listed if i.paragraphs))], index

    def _quote(self, items: list[Item], index: int) -> tuple[list[Block], int]:
        paragraphs: list[Paragraph] = []
        while index < len(items) and items[index].role is Role.QUOTE:
            paragraphs.append(Paragraph(self.reader.paragraph(items[index].element)))
            index += 1
        kept = tuple(p for p in paragraphs if p.children)
        attribution: tuple[Inline, ...] = ()
        if index < len(items) and items[index].role is Role.ATTRIBUTION:
            attribution = linked(self.cells.paragraph(items[index].element), self.reading)
            attribution = _without_dash(attribution)
            index += 1
        elif kept:
            kept, attribution = split_attribution(kept)
        return ([Quote(kept, attribution)] if kept else []), index

    def _caption(self, items: list[Item], index: int) -> tuple[list[Block], int]:
        following = items[index + 1] if index + 1 < len(items) else None
        if following is not None and following.is_table:
            return self._table(following, items[index]), index + 2
        if following is not None and following.role is Role.FIGURE:
            return self._figure(following, items[index]), index + 2
        self.reading.repeated("a caption with no table or figure next to it kept as a paragraph")
        return self._paragraph(items[index]), index + 1

    def caption_of(self, item: Item | None) -> tuple[str | None, tuple[Inline, ...]]:
        """The label and caption text of a caption paragraph."""
        if item is None:
            return None, ()
        content = linked(self.cells.paragraph(item.element), self.reading)
        first = content[0] if content else None
        if not isinstance(first, Text):
            return None, content
        found = _LABEL.match(first.value)
        if found is not None:
            rest = canonical((Text(first.value[found.end() :]), *content[1:]))
            return found.group("label"), rest
        label = _styled_label(item.element)
        if label and re.match(rf"{re.escape(label)}(\s|$)", first.value):
            rest = canonical((Text(first.value[len(label) :].lstrip()), *content[1:]))
            return label, rest
        return None, content

    def _figure(self, item: Item, caption: Item | None) -> list[Block]:
        label, text = self.caption_of(caption)
        self.figures += 1
        figure = figure_from(
            item.element, label, text, f"{self.figure_prefix}-{self.figures}", self.reading
        )
        if figure is None:  # its caption as a paragraph, or else its alt text
            caption_text = canonical((Text(label_prefix(label, text)), *text))
            alt = "" if caption_text else alt_text(item.element, self.reading)
            kept = caption_text or ((Text(alt),) if alt else ())
            return [Paragraph(kept)] if kept else []
        return [replace(figure, source=_position(item))]

    def _table(self, item: Item, caption: Item | None) -> list[Block]:
        label, text = self.caption_of(caption)
        head: list[Row] = []
        body: list[Row] = []
        for row in item.element.children:
            cells = tuple(self._cell(cell, row.is_header) for cell in row.children)
            (head if row.is_header and not body else body).append(Row(cells))
        if not head and not body:
            return []
        head_rows, body_rows, padded = rectangular(head, body)
        if padded:
            self.reading.repeated("table rows of unequal width padded with empty cells")
        return [Table(None, label, text, head_rows, body_rows, _position(item))]

    def _cell(self, cell: Any, in_header: bool) -> Cell:
        parts: list[Inline] = []
        header = in_header
        for child in cell.children:
            if type(child).__name__ != "Paragraph":
                self.reading.repeated("tables inside table cells dropped")
                continue
            header = header or (child.style_name or "").lower() == "table heading"
            content = self.cells.paragraph(child)
            if content:
                parts += [Text(" "), *content] if parts else list(content)
        return Cell(
            linked(canonical(parts), self.reading), header, cell.colspan or 1, cell.rowspan or 1
        )


def _close(stack: list[_Open]) -> None:
    done = stack.pop()
    stack[-1].blocks.append(Section(None, done.title, tuple(done.blocks), done.source))


def _position(item: Item) -> SourcePosition:
    """A Word file has no lines: its blocks are placed as its diagnostics are, ``N:1`` for the
    N-th paragraph or table of the body (:mod:`.items`)."""
    return SourcePosition(item.line, 1)


def _without_dash(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    first = content[0] if content else None
    if isinstance(first, Text) and first.value[:2] in ("\u2014 ", "\u2013 ", "--"):
        return canonical((Text(first.value[2:]), *content[1:]))
    return content


def _unlead(block: Block) -> Block:
    return Paragraph(block.children) if isinstance(block, Paragraph) else block


def _lead_first(blocks: list[Block]) -> list[Block]:
    """Only the body's first block may be the lead paragraph."""
    return [
        Paragraph(block.children)
        if isinstance(block, Paragraph) and block.lead and index
        else block
        for index, block in enumerate(blocks)
    ]
