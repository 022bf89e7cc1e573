"""Sections of a JATS article as a brief's sections: three levels, blocks before subsections.

A brief nests sections three levels deep; a deeper ``sec`` is folded into its parent (its title
kept as a bold paragraph). A section's ``label`` ("2.1") is kept before its title. A ``sec``
without a title gives its content to its parent. ``boxed-text`` becomes a section titled by its
caption or label; a box standing between paragraphs moves after them, because in JATS, as in a
brief, a section's subsections come after its paragraphs. Figure and table groups give their
members, the group's caption becoming a paragraph before them.
"""

from __future__ import annotations

from lxml import etree

from ...inlines import canonical
from ...model import Block, Inline, Paragraph, Section, Styled, Text, TextStyle
from ..captions import label_prefix
from .context import Builder, Level, local_name, text_of
from .figures import caption_inlines
from .inline import inlines

MAX_DEPTH = 3


def section_blocks(
    builder: Builder, element: etree._Element, depth: int, default_title: str = ""
) -> list[Block]:
    """A ``sec`` as a section, folded when deeper than three levels. Without a title it gives
    its content to its parent, unless ``default_title`` names it (acknowledgements...)."""
    title = _title(builder, element, element.find("title")) or _plain(default_title)
    if not title:
        builder.ctx.notices.warning(
            element, "section without a title: its content joins its parent"
        )
        return sections_last(builder, element, builder.container(element, depth))
    return _section(builder, element, title, depth, "section")


def boxed_blocks(builder: Builder, element: etree._Element, depth: int) -> list[Block]:
    """A ``boxed-text`` as a section titled by its caption title, title or label."""
    caption = element.find("caption")
    heading = caption.find("title") if caption is not None else None
    title = _title(builder, element, heading if heading is not None else element.find("title"))
    if not title:
        title = (Text(text_of(element.find("label")) or "Box"),)
        builder.ctx.notices.warning(
            element, f"boxed text without a title is titled {title[0].value!r}"
        )
    return _section(builder, element, title, depth, "boxed text")


def _plain(text: str) -> tuple[Inline, ...]:
    return (Text(text),) if text else ()


def _title(
    builder: Builder, element: etree._Element, title: etree._Element | None
) -> tuple[Inline, ...]:
    phrase = builder.scope.inner(Level.PHRASE)
    text = inlines(title, phrase) if title is not None else ()
    label = text_of(element.find("label"))
    if label and text:
        return canonical((Text(f"{label} "), *text))
    return text


def _section(
    builder: Builder, element: etree._Element, title: tuple[Inline, ...], depth: int, what: str
) -> list[Block]:
    content = sections_last(builder, element, builder.container(element, depth + 1))
    caption = element.find("caption")
    if local_name(element) == "boxed-text" and caption is not None:
        paragraphs = list(caption.iterfind("p"))
        content = [
            Paragraph(inlines(p, builder.scope)) for p in paragraphs if len(p) or p.text
        ] + content
    if depth > MAX_DEPTH:
        builder.ctx.notices.repeated(
            element, f"{what} nested deeper than three levels folded into its parent, title in bold"
        )
        return [Paragraph((Styled(TextStyle.BOLD, title),)), *content]
    ident = builder.ctx.ids.keep(element.get("id"), "sec")
    return [Section(ident, title, tuple(content), builder.ctx.notices.position(element))]


def sections_last(builder: Builder, element: etree._Element, blocks: list[Block]) -> list[Block]:
    """``blocks`` with every section after the other blocks (a box between paragraphs moves)."""
    first_section = next((i for i, b in enumerate(blocks) if isinstance(b, Section)), len(blocks))
    after = blocks[first_section:]
    if all(isinstance(block, Section) for block in after):
        return blocks
    builder.ctx.notices.warning(
        element, "a box or untitled section between paragraphs moved after them"
    )
    sections = [block for block in blocks if isinstance(block, Section)]
    return [block for block in blocks if not isinstance(block, Section)] + sections


def group_blocks(builder: Builder, element: etree._Element, depth: int) -> list[Block]:
    """A ``fig-group`` or ``table-wrap-group``: its caption as a paragraph, then its members."""
    caption = caption_inlines(element.find("caption"), builder.scope)
    label = text_of(element.find("label"))
    head = canonical((Text(label_prefix(label, caption)), *caption))
    builder.ctx.notices.repeated(
        element, f"<{local_name(element)}> gives its members, caption as a paragraph"
    )
    members = builder.container(element, depth)
    return ([Paragraph(head)] if head else []) + members
