"""Block content to Typst markup: paragraphs, sections, lists, quotations, tables and figures.

Headings are Typst headings (level 1 for a top-level section), so the PDF gets H1-H3 tags and
bookmarks; figures and tables carry the brief's own labels ("Figure 1") in their captions, with
Typst's numbering switched off. A paragraph the placement check wants broken without regard to
widows and orphans is wrapped in ``loose`` (``house-body.typ``), one it wants on one page in an
unbreakable block, and the closing paragraph it wants kept with the colophon in
``keep-with-colophon``. A paragraph calling a note marks its lines for the placement check
(``calling``), and the page it starts on may end early (``shorten``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from ...model import Block, Cell, Figure, Inline, ListBlock, Paragraph, Quote, Section, Table
from ...shared.tables import numeric_columns, place_cells
from ..print_resolution import image_size
from .context import RenderContext
from .inlines import inlines_to_typst
from .markup import array, call, content, escape, hash_call, length, paragraphs, string

MAX_HEADING = 3
SHORT_LIST = 3  # items, as the XHTML writer's ``short`` lists


def blocks_to_typst(ctx: RenderContext, blocks: Iterable[Block], depth: int) -> str:
    """Markup for a run of blocks; ``depth`` is the nesting level of the enclosing section."""
    return paragraphs(block_to_typst(ctx, block, depth) for block in blocks)


def block_to_typst(ctx: RenderContext, block: Block, depth: int) -> str:
    """Markup for one block."""
    match block:
        case Paragraph():
            return paragraph_to_typst(ctx, block)
        case Section():
            return section_to_typst(ctx, block, depth + 1)
        case ListBlock():
            return list_to_typst(ctx, block)
        case Quote():
            return quote_to_typst(ctx, block)
        case Table():
            return table_to_typst(ctx, block)
        case Figure():
            return figure_to_typst(ctx, block)
        case _:
            assert_never(block)


def ends_with_paragraph(blocks: tuple[Block, ...]) -> bool:
    """Whether the last block of ``blocks`` (inside the last section, at any depth) is a
    paragraph."""
    match blocks[-1:]:
        case (Section() as last,):
            return ends_with_paragraph(last.blocks)
        case (Paragraph(),):
            return True
        case _:
            return False


def paragraph_to_typst(ctx: RenderContext, paragraph: Paragraph, in_flow: bool = True) -> str:
    """A paragraph, as the layout of earlier passes wants it; one ``in_flow`` (not inside a
    list or quotation) that calls a note marks its lines, and its first page may end early."""
    number = ctx.next_paragraph()
    markup = kept_paragraph(ctx, paragraph, number)
    if not in_flow or not ctx.calls_notes(number):
        return markup
    lines = dict(ctx.layout.shortened).get(number, 0)
    marked = hash_call("calling", str(number), trailing=markup)
    return marked if not lines else hash_call("shorten", str(lines)) + "\n" + marked


def kept_paragraph(ctx: RenderContext, paragraph: Paragraph, number: int) -> str:
    markup = inlines_to_typst(ctx, paragraph.children)
    kept = number == ctx.layout.with_colophon or number in ctx.layout.unbreakable
    if paragraph.lead:
        markup = hash_call("lead", trailing=markup)
    elif kept:  # text alone in a block is no paragraph for Typst 0.15 (no P tag): say it is
        markup = hash_call("par", trailing=markup)
    if number == ctx.layout.with_colophon:
        return hash_call("keep-with-colophon", trailing=markup)
    if number in ctx.layout.unbreakable:
        return hash_call("block", width="100%", breakable="false", trailing=markup)
    if number in ctx.layout.loose:
        return hash_call("loose", trailing=markup)
    return markup


def section_to_typst(ctx: RenderContext, section: Section, level: int) -> str:
    title = inlines_to_typst(ctx, section.title)
    heading = hash_call("heading", level=str(min(level, MAX_HEADING)), trailing=title)
    return paragraphs([heading, blocks_to_typst(ctx, section.blocks, level)])


def list_to_typst(ctx: RenderContext, block: ListBlock) -> str:
    """A list; one of up to :data:`SHORT_LIST` items is kept on one page."""
    items = (content(paragraphs(paragraph_items(ctx, item.paragraphs))) for item in block.items)
    markup = "#" + call("enum" if block.ordered else "list", *items)
    if len(block.items) > SHORT_LIST:
        return markup
    return hash_call("block", width="100%", breakable="false", trailing=markup)


def paragraph_items(ctx: RenderContext, items: Iterable[Paragraph]) -> list[str]:
    return [paragraph_to_typst(ctx, paragraph, in_flow=False) for paragraph in items]


def quote_to_typst(ctx: RenderContext, quote: Quote) -> str:
    body = content(paragraphs(paragraph_items(ctx, quote.paragraphs)))
    if not quote.attribution:
        return "#" + call("quotation", body)
    attribution = content(inlines_to_typst(ctx, quote.attribution))
    return "#" + call("quotation", body, attribution=attribution)


def caption(ctx: RenderContext, label: str | None, text: tuple[Inline, ...]) -> str:
    """ "Figure 1" (or "Table 1") in the house style, then the caption text."""
    body = content(inlines_to_typst(ctx, text)) if text else "none"
    if not label:
        return body
    return call("caption-label", content(escape(label)), body)


def figure_to_typst(ctx: RenderContext, figure: Figure) -> str:
    image = figure.image
    width, height = image_size(image, ctx.pixel_sizes)
    picture = call(
        "figure-image",
        string(ctx.image_path(image)),
        string(image.alt_text),
        length(width),
        length(height),
    )
    named = {"caption": caption(ctx, figure.label, figure.caption)}
    if not (figure.label or figure.caption):
        named = {}
    return "#" + call("figure", picture, **named)


def table_to_typst(ctx: RenderContext, table: Table) -> str:
    """The table on the shared grid (:mod:`briefexport.shared.tables`): columns of numbers set
    flush right with tabular figures, as the XHTML writer classes them."""
    rows = table.head + table.body
    placed, columns = place_cells(rows)
    numbers = numeric_columns(table)
    positions = iter(placed)
    cells: list[str] = []
    for index, row in enumerate(rows):
        in_head = index < len(table.head)
        row_cells = []
        for cell in row.cells:
            _, column, spanned = next(positions)
            numeric = column in numbers and spanned.colspan == 1
            row_cells.append(cell_to_typst(ctx, cell, in_head, numeric))
        if in_head and row_cells:
            cells.append(call("table.header", *row_cells))
        else:
            cells.extend(row_cells)
    inset = call("cell-inset", str(len(table.head)))
    grid = call("table", *cells, columns=array(["1fr"] * columns), inset=inset)
    if not (table.label or table.caption):
        return "#" + grid
    described = caption(ctx, table.label, table.caption)
    return "#" + call("figure", grid, kind="table", caption=described)


def cell_to_typst(ctx: RenderContext, cell: Cell, in_head: bool, numeric: bool = False) -> str:
    named: dict[str, str] = {}
    if cell.colspan > 1:
        named["colspan"] = str(cell.colspan)
    if cell.rowspan > 1:
        named["rowspan"] = str(cell.rowspan)
    body = inlines_to_typst(ctx, cell.children)
    if numeric:
        named["align"] = "end + top"
        body = hash_call("text", number_width=string("tabular"), trailing=body)
    function = "header-cell" if in_head else "row-header-cell" if cell.header else "table.cell"
    return call(function, content(body), **named)
