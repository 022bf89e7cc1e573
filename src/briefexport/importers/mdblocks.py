"""Markdown blocks (markdown-it-py syntax tree) to the model's blocks; rules in ``body.py``."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

from markdown_it.tree import SyntaxTreeNode

from ..errors import UnsafeResourceError
from ..inlines import canonical, collapse_space
from ..model import (
    Block,
    Cell,
    Figure,
    Image,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Row,
    Section,
    SourcePosition,
    Table,
    Text,
)
from ..resources import read_image
from .mdcontext import BodyContext
from .mdinline import convert_inline
from .tablegrid import extra_cells

MAX_SECTION_DEPTH = 3
TRAILING_ID = re.compile(r"\s*\{#([A-Za-z_][\w.-]*)\}$")
ATTRIBUTION_DASHES = ("— ", "-- ")
ROW_HEADERS = "row-headers"
CAPTION_PREFIX = {"table": "Table:", "figure": "Figure:"}
SPAN_MARKER = re.compile(
    r"\{((?:colspan|rowspan)=[1-9][0-9]{0,3}(?: (?:col|row)span=[1-9][0-9]{0,3})?)\}(?: |$)"
)


@dataclass
class _OpenSection:
    depth: int
    id: str | None
    title: tuple[Inline, ...]
    blocks: list[Block] = field(default_factory=list)
    source: SourcePosition | None = None


class BlockConverter:
    """Converts the block nodes of one document, reporting what cannot be placed."""

    def __init__(self, context: BodyContext) -> None:
        self.context = context

    # ------------------------------------------------------------------ sections

    def sectioned(self, nodes: list[SyntaxTreeNode]) -> tuple[Block, ...]:
        """Blocks with ``##``..``####`` headings turned into nested sections."""
        stack = [_OpenSection(0, None, ())]
        for node, block in self._walk(nodes, headings=True):
            if block is not None:
                stack[-1].blocks.append(block)
            else:
                self._open_section(stack, node)
        while len(stack) > 1:
            self._close_section(stack)
        return tuple(stack[0].blocks)

    def _open_section(self, stack: list[_OpenSection], heading: SyntaxTreeNode) -> None:
        depth = int(heading.tag[1:]) - 1
        line = self.context.line(heading)
        if depth < 1 or depth > MAX_SECTION_DEPTH:
            self.context.problems.error(
                line, f"heading level {depth + 1} cannot be placed: sections use ## to ####"
            )
            depth = min(max(depth, 1), MAX_SECTION_DEPTH)
        if depth > stack[-1].depth + 1:
            self.context.problems.error(line, f"heading level {depth + 1} skips a level")
            depth = stack[-1].depth + 1
        while stack[-1].depth >= depth:
            self._close_section(stack)
        title, trailing_id = _trailing_id(self._inline(heading.children[0], "a heading"))
        where = self.context.position(heading)
        ident = self.context.claim_id(_attr(heading, "id") or trailing_id, where)
        stack.append(_OpenSection(depth, ident, title, source=where))

    @staticmethod
    def _close_section(stack: list[_OpenSection]) -> None:
        done = stack.pop()
        stack[-1].blocks.append(Section(done.id, done.title, tuple(done.blocks), done.source))

    # ------------------------------------------------------------------ blocks

    def blocks(self, nodes: list[SyntaxTreeNode]) -> tuple[Block, ...]:
        """Blocks where no heading may appear (list items, quotes, footnotes)."""
        return tuple(block for _, block in self._walk(nodes, headings=False) if block is not None)

    def paragraphs(self, nodes: list[SyntaxTreeNode]) -> tuple[Paragraph, ...]:
        """Paragraphs only; other blocks here are reported."""
        found: list[Paragraph] = []
        for node, block in self._walk(nodes, headings=False):
            if isinstance(block, Paragraph):
                found.append(block)
            elif block is not None:
                what = type(block).__name__.lower()
                self.context.problems.error(
                    self.context.line(node), f"a {what} cannot be placed here, only paragraphs"
                )
        return tuple(found)

    def _walk(
        self, nodes: list[SyntaxTreeNode], headings: bool
    ) -> list[tuple[SyntaxTreeNode, Block | None]]:
        out: list[tuple[SyntaxTreeNode, Block | None]] = []
        index = 0
        while index < len(nodes):
            node = nodes[index]
            caption_node = nodes[index + 1] if index + 1 < len(nodes) else None
            if node.type == "heading" and headings:
                out.append((node, None))
            elif node.type == "table" or _is_figure(node):
                kind = "table" if node.type == "table" else "figure"
                caption = self._caption(caption_node, kind)
                index += caption is not None
                block = self._captioned(node, kind, caption or ())
                out.extend([(node, block)] if block is not None else [])
            else:
                block = self._block(node)
                out.extend([(node, block)] if block is not None else [])
            index += 1
        return out

    def _block(self, node: SyntaxTreeNode) -> Block | None:
        match node.type:
            case "paragraph":
                return Paragraph(
                    self._inline(node.children[0]), lead=_attr(node, "class") == "lead"
                )
            case "bullet_list" | "ordered_list":
                items = tuple(ListItem(self.paragraphs(item.children)) for item in node.children)
                return ListBlock(node.type == "ordered_list", items)
            case "blockquote":
                return self._quote(node)
            case "hr":
                self.context.problems.warning(
                    self.context.line(node), "thematic break (---) has no place in a brief; ignored"
                )
                return None
            case _:
                self.context.problems.error(
                    self.context.line(node),
                    f"{node.type.replace('_', ' ')} cannot be placed in a brief",
                )
                return None

    def _quote(self, node: SyntaxTreeNode) -> Quote:
        paragraphs = self.paragraphs(node.children)
        last_node = node.children[-1] if node.children else None
        if len(paragraphs) > 1 and last_node is not None and last_node.type == "paragraph":
            dash = _raw_prefix(last_node, ATTRIBUTION_DASHES)
            if dash is not None:
                attribution = _drop_prefix(paragraphs[-1].children, dash.strip())
                return Quote(paragraphs[:-1], attribution)
        return Quote(paragraphs)

    # ------------------------------------------------------------------ tables and figures

    def _caption(self, node: SyntaxTreeNode | None, kind: str) -> tuple[Inline, ...] | None:
        if node is None or node.type != "paragraph":
            return None
        prefix = _raw_prefix(node, (CAPTION_PREFIX[kind],))
        if prefix is None:
            return None
        return _drop_prefix(self._inline(node.children[0], "a caption"), prefix)

    def _captioned(
        self, node: SyntaxTreeNode, kind: str, caption: tuple[Inline, ...]
    ) -> Block | None:
        if kind == "table":
            return self._table(node, caption)
        return self._figure(node, caption)

    def _table(self, node: SyntaxTreeNode, caption: tuple[Inline, ...]) -> Table:
        head: tuple[Row, ...] = ()
        body: tuple[Row, ...] = ()
        for part in node.children:
            below: dict[int, int] = {}  # column -> rows a span from above still covers
            rows = tuple(self._row(row, below) for row in part.children)
            if below:  # the reader refuses a span past its row group: say so here, located
                message = "a cell spans more rows than its part of the table has"
                hint = " (the header is one row)" if part.type == "thead" else ""
                self.context.problems.error(self.context.line(part), message + hint)
            if part.type == "thead":
                head = rows
            else:
                body = rows
        if ROW_HEADERS in (_attr(node, "class") or "").split():
            body = tuple(_first_cell_header(row) for row in body)
        where = self.context.position(node)
        ident = self.context.claim_id(_attr(node, "id"), where)
        return Table(ident, _attr(node, "label"), caption, head, body, where)

    def _row(self, row: SyntaxTreeNode, below: dict[int, int]) -> Row:
        """A row's cells: ``{colspan=N rowspan=M}`` opens a spanning cell, and the positions it
        covers (to its right, and in the rows below, tracked in ``below``) must be empty."""
        covered, cells = set(below), []
        for column, cell in enumerate(row.children):
            source = cell.children[0].content if cell.children else ""
            if column in covered:
                if source.strip():
                    message = "a cell covered by a spanning cell must be empty"
                    self.context.problems.error(self.context.line(cell), message)
                continue
            marker = SPAN_MARKER.match(source)
            colspan, rowspan = _spans(marker[1] if marker else "")
            content = self._inline(cell.children[0], "a table cell") if cell.children else ()
            if marker:
                content = _drop_prefix(content, marker[0].strip())
            cells.append(Cell(content, cell.type == "th", colspan, rowspan))
            covered.update(range(column + 1, column + colspan))
            if rowspan > 1:
                below.update(dict.fromkeys(range(column, column + colspan), rowspan))
        self._extra_cells(row)
        remaining = {spot: left - 1 for spot, left in below.items() if left > 1}
        below.clear()
        below.update(remaining)
        return Row(tuple(cells))

    def _extra_cells(self, row: SyntaxTreeNode) -> None:
        """GFM drops the cells of a row beyond the header's count: an error when they hold text."""
        line = self.context.line(row)
        extra = extra_cells(self.context.text_of(line), len(row.children))
        if extra is not None:
            message = f"this row has more cells than the table's {len(row.children)} columns"
            self.context.problems.error(line, message, extra)

    def _figure(self, node: SyntaxTreeNode, caption: tuple[Inline, ...]) -> Figure | None:
        image = node.children[0].children[0]
        href = unquote(str(image.attrs.get("src", "")))  # markdown-it percent-encodes paths
        try:
            data, media_type = read_image(self.context.base_dir, href)
        except UnsafeResourceError as error:
            self.context.problems.error(self.context.line(node), str(error))
            return None
        image_node = Image(href, _alt_text(image), media_type, data)
        where = self.context.position(node)
        if problem := self.context.figure_paths.conflict(href, where.line):
            self.context.problems.error(where.line, problem, where.column)
        ident = self.context.claim_id(_attr(node, "id"), where)
        return Figure(ident, _attr(node, "label"), caption, image_node, where)

    def _inline(self, node: SyntaxTreeNode, no_notes_in: str | None = None) -> tuple[Inline, ...]:
        """Inline content; ``no_notes_in`` names a place where footnotes cannot be called."""
        context = self.context.inline_context(node)
        context.no_notes_in = no_notes_in or context.no_notes_in
        return convert_inline(node, context)


def _alt_text(image: SyntaxTreeNode) -> str:
    """The alt text as a reader sees it: escapes undone, entities decoded, markup dropped."""
    parts = []
    for node in image.walk():
        if node.type in ("text", "code_inline"):
            parts.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return collapse_space("".join(parts))


def _trailing_id(title: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], str | None]:
    """Split a pandoc-style ``{#id}`` off the end of a heading."""
    last = title[-1] if title else None
    found = TRAILING_ID.search(last.value) if isinstance(last, Text) else None
    if not isinstance(last, Text) or found is None:
        return title, None
    return canonical((*title[:-1], Text(last.value[: found.start()]))), found[1]


def _spans(marker: str) -> tuple[int, int]:
    """Colspan and rowspan of a span marker's ``colspan=2 rowspan=3`` (1 when not given)."""
    values = dict(item.split("=") for item in marker.split())
    return int(values.get("colspan", 1)), int(values.get("rowspan", 1))


def _first_cell_header(row: Row) -> Row:
    first, *rest = row.cells
    return Row((replace(first, header=True), *rest)) if row.cells else row


def _raw_prefix(paragraph: SyntaxTreeNode, prefixes: tuple[str, ...]) -> str | None:
    """The prefix the paragraph's source starts with (an escaped one does not count)."""
    raw = paragraph.children[0].content if paragraph.children else ""
    return next((prefix for prefix in prefixes if raw.startswith(prefix)), None)


def _drop_prefix(inlines: tuple[Inline, ...], prefix: str) -> tuple[Inline, ...]:
    first = inlines[0] if inlines else None
    if isinstance(first, Text) and first.value.startswith(prefix):
        return canonical((Text(first.value[len(prefix) :]), *inlines[1:]))
    return inlines


def _is_figure(node: SyntaxTreeNode) -> bool:
    if node.type != "paragraph" or not node.children:
        return False
    content = [child for child in node.children[0].children if child.type != "softbreak"]
    return len(content) == 1 and content[0].type == "image"


def _attr(node: SyntaxTreeNode, name: str) -> str | None:
    value = node.attrs.get(name)
    return html.unescape(str(value)) if value is not None else None
