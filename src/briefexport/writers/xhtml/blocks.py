"""Block content to XHTML: paragraphs, sections, lists, quotations, tables and figures."""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from lxml import etree

from ...model import Block, Cell, Figure, Inline, ListBlock, Paragraph, Quote, Section, Table
from ...shared.tables import numeric_columns, place_cells
from .context import RenderContext, source_id
from .inline import inlines_to_xhtml
from .markup import append_text, child
from .notes import flush_notes

MAX_HEADING = 6


def blocks_to_xhtml(
    ctx: RenderContext, parent: etree._Element, blocks: Iterable[Block], depth: int
) -> None:
    """Append ``blocks`` to ``parent``; EPUB notes follow the block that first calls them."""
    for block in blocks:
        block_to_xhtml(ctx, parent, block, depth)
        flush_notes(ctx, parent)


def block_to_xhtml(ctx: RenderContext, parent: etree._Element, block: Block, depth: int) -> None:
    """Append one block; ``depth`` is the nesting level of the enclosing section (0 at top)."""
    match block:
        case Paragraph():
            paragraph_to_xhtml(ctx, parent, block)
        case Section():
            section_to_xhtml(ctx, parent, block, depth + 1)
        case ListBlock():
            list_to_xhtml(ctx, parent, block)
        case Quote():
            quote_to_xhtml(ctx, parent, block)
        case Table():
            table_to_xhtml(ctx, parent, block)
        case Figure():
            figure_to_xhtml(ctx, parent, block)
        case _:
            assert_never(block)


def paragraph_to_xhtml(ctx: RenderContext, parent: etree._Element, paragraph: Paragraph) -> None:
    p = child(parent, "p", {"class": "lead"} if paragraph.lead else None)
    inlines_to_xhtml(ctx, p, paragraph.children)


def section_to_xhtml(
    ctx: RenderContext, parent: etree._Element, section: Section, level: int
) -> None:
    """``<section>`` with ``h2`` for a top-level section, ``h3`` below it, and so on."""
    element = child(parent, "section", {"id": ctx.section_id(section.id)})
    heading = child(element, f"h{min(level + 1, MAX_HEADING)}")
    inlines_to_xhtml(ctx, heading, section.title)
    flush_notes(ctx, element)
    blocks_to_xhtml(ctx, element, section.blocks, level)


SHORT_LIST = 3  # items; a list this short is kept on one page


def list_to_xhtml(ctx: RenderContext, parent: etree._Element, block: ListBlock) -> None:
    attrs = {"class": "short"} if len(block.items) <= SHORT_LIST else None
    element = child(parent, "ol" if block.ordered else "ul", attrs)
    for item in block.items:
        li = child(element, "li")
        for paragraph in item.paragraphs:
            paragraph_to_xhtml(ctx, li, paragraph)


def quote_to_xhtml(ctx: RenderContext, parent: etree._Element, quote: Quote) -> None:
    """A block quotation; the attribution stays outside ``<blockquote>`` as HTML asks."""
    wrapper = child(parent, "div", {"class": "quote"})
    blockquote = child(wrapper, "blockquote")
    for paragraph in quote.paragraphs:
        paragraph_to_xhtml(ctx, blockquote, paragraph)
    if quote.attribution:
        inlines_to_xhtml(ctx, child(wrapper, "p", {"class": "attribution"}), quote.attribution)


def caption_content(
    ctx: RenderContext, caption: etree._Element, label: str | None, text: tuple[Inline, ...]
) -> None:
    """ "Figure 1" (or "Table 1") in its own span, then the caption text."""
    if label:
        child(caption, "span", {"class": "label"}, label)
        if text:
            append_text(caption, " ")
    inlines_to_xhtml(ctx, caption, text)


def figure_to_xhtml(ctx: RenderContext, parent: etree._Element, figure: Figure) -> None:
    element = child(parent, "figure", {"id": source_id(figure.id)} if figure.id else None)
    image = figure.image
    child(element, "img", {"src": ctx.image_src(image), "alt": image.alt_text})
    if figure.label or figure.caption:
        caption_content(ctx, child(element, "figcaption"), figure.label, figure.caption)


def table_to_xhtml(ctx: RenderContext, parent: etree._Element, table: Table) -> None:
    element = child(parent, "table", {"id": source_id(table.id)} if table.id else None)
    if table.label or table.caption:
        caption_content(ctx, child(element, "caption"), table.label, table.caption)
    numbers = numeric_columns(table)
    grid, columns = place_cells(table.head + table.body)
    if any(cell.colspan > 1 for _, _, cell in grid):
        # One <col> per column: the Nu Html Checker (26.9) reports "no cells beginning in" a
        # column made by one spanning cell when a later span crosses it (valid HTML all the
        # same); columns that <col> elements establish are counted right.
        colgroup = child(element, "colgroup")
        for _ in range(columns):
            child(colgroup, "col")
    positions = iter(grid)
    for group, rows in (("thead", table.head), ("tbody", table.body)):
        if rows:
            section = child(element, group)
            for row in rows:
                tr = child(section, "tr")
                for cell in row.cells:
                    _, column, placed = next(positions)
                    numeric = column in numbers and placed.colspan == 1
                    cell_to_xhtml(ctx, tr, cell, group == "thead", numeric)


def cell_to_xhtml(
    ctx: RenderContext, tr: etree._Element, cell: Cell, in_head: bool, numeric: bool = False
) -> None:
    """A ``th`` or ``td``; a cell of a column of numbers is classed ``num`` (set flush right)."""
    attrs: dict[str, str] = {"class": "num"} if numeric else {}
    if cell.header:
        attrs["scope"] = "col" if in_head else "row"
    if cell.colspan > 1:
        attrs["colspan"] = str(cell.colspan)
    if cell.rowspan > 1:
        attrs["rowspan"] = str(cell.rowspan)
    inlines_to_xhtml(ctx, child(tr, "th" if cell.header else "td", attrs), cell.children)
