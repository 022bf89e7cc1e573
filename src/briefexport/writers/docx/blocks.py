"""Block content to WordprocessingML paragraphs and tables (ECMA-376 Part 1, 17.3.1 and 17.4).

Word's built-in styles carry the structure (Heading 1-3, List Bullet, List Number, Quote), so
the navigation pane, the outline view and a table of contents work in the output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from docx.oxml.ns import qn

from ...model import Block, Figure, ListBlock, Paragraph, Quote, Section, Table
from . import stylemap as sm
from .context import Context
from .figures import figure_to_docx
from .inlines import inlines_to_docx
from .spacing import set_spacing, style_spacing
from .tables import table_to_docx
from .xml import Element, RunFormat, paragraph, text_run

MAX_HEADING_LEVEL = len(sm.HEADINGS)


def blocks_to_docx(ctx: Context, blocks: Iterable[Block], level: int = 1) -> list[Element]:
    """Paragraphs and tables for a sequence of blocks; ``level`` is the section depth."""
    return [node for block in blocks for node in block_to_docx(ctx, block, level)]


def block_to_docx(ctx: Context, block: Block, level: int) -> list[Element]:
    """The paragraphs (or table) for one block."""
    match block:
        case Paragraph():
            return [paragraph_to_docx(ctx, block, sm.LEAD if block.lead else sm.BODY_TEXT)]
        case Section(_, title, blocks):
            style = sm.HEADINGS[min(level, MAX_HEADING_LEVEL) - 1]
            heading = styled_paragraph(ctx, style)
            heading.extend(inlines_to_docx(ctx, title, RunFormat(rtl=ctx.rtl)))
            return [heading, *blocks_to_docx(ctx, blocks, level + 1)]
        case ListBlock():
            return list_to_docx(ctx, block)
        case Quote():
            return quote_to_docx(ctx, block)
        case Table():
            return table_to_docx(ctx, block)
        case Figure():
            return figure_to_docx(ctx, block)
        case _:
            assert_never(block)


def styled_paragraph(
    ctx: Context, style_name: str, num_id: int | None = None, rtl: bool | None = None
) -> Element:
    """An empty paragraph in a named style, right-to-left when the brief is (or ``rtl`` says)."""
    return paragraph(ctx.style(style_name), ctx.rtl if rtl is None else rtl, num_id)


def paragraph_to_docx(
    ctx: Context, para: Paragraph, style_name: str, rtl: bool | None = None
) -> Element:
    """One paragraph in a named style, in the brief's direction unless ``rtl`` says."""
    direction = ctx.rtl if rtl is None else rtl
    node = styled_paragraph(ctx, style_name, rtl=direction)
    node.extend(inlines_to_docx(ctx, para.children, RunFormat(rtl=direction)))
    return node


def list_to_docx(ctx: Context, block: ListBlock) -> list[Element]:
    """List items in List Bullet / List Number; an item's later paragraphs in List Continue."""
    style = sm.LIST_NUMBER if block.ordered else sm.LIST_BULLET
    num_id = restarted_numbering(ctx, style) if block.ordered else None
    nodes: list[Element] = []
    for item in block.items:
        for index, para in enumerate(item.paragraphs):
            if index == 0:
                node = styled_paragraph(ctx, style, num_id)
            else:
                node = styled_paragraph(ctx, sm.LIST_CONTINUE)
            node.extend(inlines_to_docx(ctx, para.children, RunFormat(rtl=ctx.rtl)))
            nodes.append(node)
    return nodes


def restarted_numbering(ctx: Context, style_name: str) -> int | None:
    """A new numbering instance starting at 1, sharing the list style's definition.

    Every paragraph in List Number otherwise shares one counter, so a second numbered list
    would go on from where the first stopped.
    """
    style = ctx.document.styles.element.get_by_id(ctx.style(style_name))
    num_ids = style.xpath("./w:pPr/w:numPr/w:numId/@w:val") if style is not None else []
    if not num_ids:
        return None
    numbering = ctx.document.part.numbering_part.element
    try:
        current = numbering.num_having_numId(int(num_ids[0]))
    except (KeyError, ValueError):  # the template's list style names a missing numbering
        return None
    abstract_id = int(current.abstractNumId.get(qn("w:val")) or 0)
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def quote_to_docx(ctx: Context, block: Quote) -> list[Element]:
    """Quote paragraphs, then the attribution after a dash."""
    nodes = [paragraph_to_docx(ctx, para, sm.QUOTE) for para in block.paragraphs]
    space_quote_inside(ctx, nodes)
    if block.attribution:
        node = styled_paragraph(ctx, sm.ATTRIBUTION)
        fmt = RunFormat(rtl=ctx.rtl)
        node.append(text_run("\u2014 ", fmt.properties()))
        node.extend(inlines_to_docx(ctx, block.attribution, fmt))
        nodes.append(node)
    return nodes


def space_quote_inside(ctx: Context, nodes: list[Element]) -> None:
    """Two paragraphs of one quotation as far apart as two paragraphs of running text.

    The Quote style carries the quotation's margins before and after it (the PDF's
    ``blockquote``), which Word would also leave between its paragraphs: the paragraphs inside
    take Body Text's space after (its style's, its parents' or the document defaults') and no
    space before, as direct spacing (17.3.1.33), so the quotation's first and last paragraph
    keep the style's.
    """
    between = style_spacing(ctx, ctx.style(sm.BODY_TEXT), "after")
    for index, node in enumerate(nodes):
        spacing: dict[str, str] = {}
        if index > 0:
            spacing["before"] = "0"
        if index < len(nodes) - 1:
            spacing["after"] = between
        if spacing:
            set_spacing(node, **spacing)
