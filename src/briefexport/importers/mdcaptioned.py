"""Markdown tables and figures, with their captions, to the model's Table and Figure.

A table is a GFM pipe table (one header row) whose cells may open with a span marker
(``{colspan=2 rowspan=3}``); a figure is a paragraph holding only an image. Either may carry
attrs-plugin attributes (``{#id label="Table 1"}``) and be followed by its caption paragraph,
``Table: ...`` (pandoc's ``table_captions``) or ``Figure: ...``, as docs/markdown.md describes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import unquote

from markdown_it.tree import SyntaxTreeNode

from ..errors import UnsafeResourceError
from ..inlines import collapse_space
from ..model import Block, Cell, Figure, Image, Inline, Row, Table
from ..resources import read_image
from .mdcontext import BodyContext
from .mdnodes import attr, drop_prefix, raw_prefix
from .tablegrid import extra_cells

ROW_HEADERS = "row-headers"
CAPTION_PREFIX = {"table": "Table:", "figure": "Figure:"}
SPAN_MARKER = re.compile(
    r"\{((?:colspan|rowspan)=[1-9][0-9]{0,3}(?: (?:col|row)span=[1-9][0-9]{0,3})?)\}(?: |$)"
)
InlineReader = Callable[[SyntaxTreeNode, str | None], tuple[Inline, ...]]


def captioned_kind(node: SyntaxTreeNode) -> str | None:
    """``"table"`` or ``"figure"`` when the node is one, else None."""
    if node.type == "table":
        return "table"
    return "figure" if _is_figure(node) else None


class CaptionedConverter:
    """Converts the tables and figures of one document; ``inline`` reads a node's inline
    content, given the name of a place where footnotes cannot be called."""

    def __init__(self, context: BodyContext, inline: InlineReader) -> None:
        self.context = context
        self._inline = inline

    def caption(self, node: SyntaxTreeNode | None, kind: str) -> tuple[Inline, ...] | None:
        """The caption ``node`` gives a table or figure (``kind``), or None when it is none."""
        if node is None or node.type != "paragraph":
            return None
        prefix = raw_prefix(node, (CAPTION_PREFIX[kind],))
        if prefix is None:
            return None
        return drop_prefix(self._inline(node.children[0], "a caption"), prefix)

    def captioned(
        self, node: SyntaxTreeNode, kind: str, caption: tuple[Inline, ...]
    ) -> Block | None:
        """The table or figure (``kind``) of ``node``; None after reporting why it cannot be."""
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
        if not body:
            message = "a table needs at least one row below its header"
            self.context.problems.error(self.context.line(node), message)
        if ROW_HEADERS in (attr(node, "class") or "").split():
            body = tuple(_first_cell_header(row) for row in body)
        where = self.context.position(node)
        ident = self.context.claim_id(attr(node, "id"), where)
        return Table(ident, attr(node, "label"), caption, head, body, where)

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
                content = drop_prefix(content, marker[0].strip())
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
        ident = self.context.claim_id(attr(node, "id"), where)
        return Figure(ident, attr(node, "label"), caption, image_node, where)


def _alt_text(image: SyntaxTreeNode) -> str:
    """The alt text as a reader sees it: escapes undone, entities decoded, markup dropped."""
    parts = []
    for node in image.walk():
        if node.type in ("text", "code_inline"):
            parts.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return collapse_space("".join(parts))


def _spans(marker: str) -> tuple[int, int]:
    """Colspan and rowspan of a span marker's ``colspan=2 rowspan=3`` (1 when not given)."""
    values = dict(item.split("=") for item in marker.split())
    return int(values.get("colspan", 1)), int(values.get("rowspan", 1))


def _first_cell_header(row: Row) -> Row:
    first, *rest = row.cells
    return Row((replace(first, header=True), *rest)) if row.cells else row


def _is_figure(node: SyntaxTreeNode) -> bool:
    if node.type != "paragraph" or not node.children:
        return False
    content = [child for child in node.children[0].children if child.type != "softbreak"]
    return len(content) == 1 and content[0].type == "image"
