"""Blocks and footnotes to CommonMark, the reverse of ``briefexport.importers.mdblocks`` and
``mdcaptioned``."""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar
from typing import assert_never

from ...model import (
    Block,
    Cell,
    Figure,
    Footnote,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Row,
    Section,
    Table,
)
from ...shared.located import at
from ...shared.tables import place_cells
from .inlines import escape_text, inlines_to_markdown, link_destination

LOGGER = logging.getLogger(__name__)
TABLE_NUMBERS: ContextVar[tuple[Table, ...]] = ContextVar("table_numbers", default=())
"""The brief's tables in document order while it is written, to name them in warnings."""
_BLOCK_START = re.compile(
    r"^(#|[-+](?=\s|$)|-- |\d{1,9}(?=[.)])|Table:|Figure:|— |\[\^[^\]\s]+\]:)"
)
EMPTY_PARAGRAPH = "&#32;"
_BULLETS = ("-", "*")
_ORDERED_DELIMITERS = (".", ")")


def blocks_to_markdown(blocks: tuple[Block, ...], depth: int = 1) -> list[str]:
    """Markdown chunks (separated by blank lines when joined) for ``blocks``."""
    chunks: list[str] = []
    previous: Block | None = None
    alternate = False
    for block in blocks:
        if isinstance(previous, Section) and not isinstance(block, Section):
            message = "a block after a section joins that section in Markdown"
            LOGGER.warning(message, extra=at(previous.source))
        # lists in a row need different markers, or Markdown would merge them
        follows_list = isinstance(previous, ListBlock) and isinstance(block, ListBlock)
        alternate = not alternate if follows_list else False
        chunks.extend(block_to_markdown(block, depth, alternate))
        previous = block
    return chunks


def block_to_markdown(block: Block, depth: int, alternate: bool = False) -> list[str]:
    """One block as Markdown chunks; ``depth`` is the section level (1 for ``##``)."""
    match block:
        case Paragraph():
            return [paragraph_to_markdown(block)]
        case Section():
            return _section(block, depth)
        case ListBlock():
            return [_list(block, alternate)]
        case Quote():
            return [_quote(block)]
        case Table():
            return _table(block)
        case Figure():
            return _figure(block)
        case _:
            assert_never(block)


def paragraph_to_markdown(paragraph: Paragraph) -> str:
    """A paragraph on one line; the lead paragraph carries ``{.lead}``. An empty paragraph is
    one encoded space, which CommonMark keeps as a paragraph and the importer trims away."""
    text = guard_block_start(block_text(paragraph.children)) or EMPTY_PARAGRAPH
    return "{.lead}\n" + text if paragraph.lead else text


def block_text(inlines: tuple[Inline, ...]) -> str:
    """Inlines as the whole text of a block: edge whitespace CommonMark would trim kept."""
    text = inlines_to_markdown(inlines)
    if text[:1].isspace():
        text = f"&#{ord(text[0])};{text[1:]}"
    if text[-1:].isspace():
        text = f"{text[:-1]}&#{ord(text[-1])};"
    return text


def guard_block_start(text: str) -> str:
    """Escape what CommonMark would read as a heading, list, caption, attribution or, for a
    paragraph opening with a footnote call and a colon, a footnote definition."""
    found = _BLOCK_START.match(text)
    if found is None:
        return text
    mark = found[0]
    if mark[0].isdigit():
        return f"{mark}\\{text[len(mark) :]}"
    if mark.endswith(":"):
        return f"{mark[:-1]}\\:{text[len(mark) :]}"
    if mark == "— ":
        return "&#8212;" + text[1:]
    return "\\" + text


def _section(section: Section, depth: int) -> list[str]:
    title = block_text(section.title)
    anchor = f" {{#{section.id}}}" if section.id else ""
    heading = "#" * (depth + 1) + " " + title + anchor
    if depth > 3:
        LOGGER.warning(
            "section %r is nested deeper than three levels", title, extra=at(section.source)
        )
    return [heading, *blocks_to_markdown(section.blocks, depth + 1)]


def _list(block: ListBlock, alternate: bool) -> str:
    items = []
    for number, item in enumerate(block.items, start=1):
        if block.ordered:
            marker = f"{number}{_ORDERED_DELIMITERS[alternate]} "
        else:
            marker = f"{_BULLETS[alternate]} "
        paragraphs = [paragraph_to_markdown(p) for p in item.paragraphs] or [""]
        indent = " " * len(marker)
        body = "\n\n".join(paragraphs).replace("\n", "\n" + indent)
        items.append(marker + re.sub(r"\n +\n", "\n\n", body))
    loose = any(len(item.paragraphs) > 1 for item in block.items)
    return ("\n\n" if loose else "\n").join(items)


def _quote(quote: Quote) -> str:
    paragraphs = [paragraph_to_markdown(p) for p in quote.paragraphs]
    if quote.attribution:
        paragraphs.append("— " + block_text(quote.attribution))
    return "\n>\n".join("> " + p.replace("\n", "\n> ") for p in paragraphs)


def _attributes(element_id: str | None, label: str | None, *classes: str) -> list[str]:
    parts = [f"#{element_id}"] if element_id else []
    parts += [f".{name}" for name in classes]
    if label:
        parts.append(f'label="{_attribute_value(label)}"')
    return ["{" + " ".join(parts) + "}"] if parts else []


def _attribute_value(value: str) -> str:
    """A value for ``{key="value"}``: quotes, braces and backslashes as character references."""
    escaped = value.replace("&", "&amp;").replace('"', "&quot;").replace("\\", "&#92;")
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def _table(table: Table) -> list[str]:
    """A GFM pipe table; a spanning cell opens with ``{colspan=N rowspan=M}`` and every grid
    position it covers is an empty cell, so the importer rebuilds the same rows."""
    name, where = table_name(table), at(table.source)
    if len(table.head) != 1:
        LOGGER.warning("%s: Markdown tables have exactly one header row", name, extra=where)
    row_headers = _row_headers(table.body)
    if not row_headers and any(cell.header for row in table.body for cell in row.cells):
        LOGGER.warning("%s: header cells inside body rows become data cells", name, extra=where)
    # a header row spanning rows down would reach into the body: the rows it spanned are
    # written below the body, where its positions are empty cells
    head, body = _grid(table.head, first_row_alone=len(table.head) > 1), _grid(table.body)
    width = max((len(line) for line in head + body), default=1)
    header = head[0] if head else [""] * width
    lines = [_row(header, width), "|" + "---|" * width]
    lines += [_row(line, width) for line in body]
    lines += [_row(line, width) for line in head[1:]]
    caption = ["Table: " + block_text(table.caption)] if table.caption else []
    classes = ("row-headers",) if row_headers else ()
    return [*_attributes(table.id, table.label, *classes), "\n".join(lines), *caption]


def table_name(table: Table) -> str:
    """How a warning names a table: its label, else its place among the brief's tables."""
    if table.label:
        return f"table {table.label!r}"
    numbers = TABLE_NUMBERS.get()
    number = next((n for n, known in enumerate(numbers, 1) if known is table), None)
    return f"table {number}" if number else "a table without a label"


def _grid(rows: tuple[Row, ...], first_row_alone: bool = False) -> list[list[str]]:
    """The text of each grid position of a row group: the cell starting there (with its span
    marker), or empty where a span from the left or from above covers it."""
    lines: list[dict[int, str]] = [{} for _ in rows]
    placed, _ = place_cells(rows)
    for row, column, cell in placed:
        for line in lines[row : row + cell.rowspan]:
            line.update(dict.fromkeys(range(column, column + cell.colspan), ""))
        marker = _span_marker(cell, rowspan=not (first_row_alone and row == 0))
        lines[row][column] = marker + _cell_pipes_escaped(block_text(cell.children))
    return [[line[spot] for spot in sorted(line)] for line in lines]


def _cell_pipes_escaped(text: str) -> str:
    """Every ``|`` of a cell escaped: GFM splits a row at any pipe without a backslash before
    it, even inside a link target or an autolink, and removes that backslash before reading
    the cell, so ``<https://x.example/a\\|b>`` reads back as the link it was."""
    return re.sub(r"(?<!\\)\|", r"\\|", text)


def _span_marker(cell: Cell, rowspan: bool = True) -> str:
    spans = [f"colspan={cell.colspan}"] if cell.colspan > 1 else []
    spans += [f"rowspan={cell.rowspan}"] if rowspan and cell.rowspan > 1 else []
    return "{" + " ".join(spans) + "} " if spans else ""


def _row_headers(body: tuple[Row, ...]) -> bool:
    """True when exactly the first cell of every body row is a header cell."""
    return bool(body) and all(
        row.cells and row.cells[0].header and not any(c.header for c in row.cells[1:])
        for row in body
    )


def _row(texts: list[str], width: int) -> str:
    cells = [*texts, *[""] * (width - len(texts))]
    return "| " + " | ".join(cells) + " |"


def _figure(figure: Figure) -> list[str]:
    alt = escape_text(figure.image.alt_text)
    destination = link_destination(figure.image.href.replace("%", "%25"))  # a path as a URL
    caption = ["Figure: " + block_text(figure.caption)] if figure.caption else []
    return [*_attributes(figure.id, figure.label), f"![{alt}]({destination})", *caption]


def footnotes_to_markdown(notes: tuple[Footnote, ...]) -> list[str]:
    """``[^id]:`` definitions; later paragraphs of a note are indented by four spaces."""
    chunks = []
    for note in notes:
        paragraphs = [paragraph_to_markdown(p) for p in note.paragraphs]
        first, rest = paragraphs[0] if paragraphs else "", paragraphs[1:]
        chunks.append(f"[^{note.id}]: {first}" + "".join("\n\n    " + p for p in rest))
    return chunks
