"""JATS block content (of ``body``, ``sec``, ``boxed-text``, notes and abstracts) to blocks.

Paragraphs, lists, quotes, tables and figures map one to one. A ``p`` holding a list, table,
figure or box is split around it. Lists nest one level in a brief, so a nested list's items join
its parent item; list items, quotes and notes hold paragraphs only, so what else they hold is
flattened into paragraphs. Definition lists, verse, speeches, statements, code and display
formulas become the nearest thing a brief has (listed in docs/importing.md); media and
supplementary material are dropped. Every such change is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

from lxml import etree

from ...inlines import canonical
from ...model import (
    Block,
    Figure,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Styled,
    Table,
    Text,
    TextStyle,
)
from ..captions import label_prefix, split_attribution
from .context import JatsContext, Level, Scope, local_name, text_of
from .figures import figure_blocks
from .inline import children, formula, inline, inlines
from .structure import boxed_blocks, group_blocks, section_blocks
from .tables import table_blocks

HEADS = frozenset({"title", "label", "sec-meta", "caption", "object-id", "attrib", "permissions"})
IN_P = frozenset(
    {"list", "disp-quote", "fig", "fig-group", "table-wrap", "table-wrap-group", "boxed-text",
     "def-list", "preformat", "code", "statement", "verse-group", "speech", "graphic",
     "supplementary-material", "media", "array", "chem-struct-wrap"}
)  # fmt: skip
ORDERED = frozenset({"order", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper"})

Converter = Callable[["BlockBuilder", etree._Element, int], list[Block]]


class BlockBuilder:
    """Converts block content at one inline ``level`` (body paragraphs or note paragraphs)."""

    def __init__(self, ctx: JatsContext, level: Level = Level.BODY) -> None:
        self.ctx = ctx
        self.level = level
        self.scope = Scope(ctx, level)

    def container(self, element: etree._Element, depth: int) -> list[Block]:
        """The blocks of ``element``'s children (its headings skipped), in order."""
        out: list[Block] = []
        for child in element:
            if isinstance(child.tag, str) and local_name(child) not in HEADS:
                out += self.block(child, depth)
        return out

    def block(self, element: etree._Element, depth: int) -> list[Block]:
        """One block element; ``depth`` is the level a section found here would have."""
        name = local_name(element)
        converter = CONVERTERS.get(name)
        if converter is not None:
            return converter(self, element, depth)
        if name in ("disp-formula", "disp-formula-group", "tex-math") or name.startswith("mml:"):
            return self.paragraphs_of(canonical(formula(element, self.scope)))
        if name in ("supplementary-material", "media", "array", "chem-struct-wrap", "glossary"):
            self.ctx.notices.dropped(element)
            return []
        if name in ("ref-list", "fn-group", "ack", "app-group", "table-wrap-foot"):
            return []  # read where they belong (back matter, notes, tables)
        return self._unknown(element)

    def paragraphs_of(self, content: tuple[Inline, ...], lead: bool = False) -> list[Block]:
        """One paragraph of ``content``, or nothing when it is empty."""
        return [Paragraph(content, lead)] if content else []

    def paragraph(self, element: etree._Element, depth: int) -> list[Block]:
        """A ``p``, split around the blocks it holds."""
        parent = element.getparent()
        in_body = parent is not None and local_name(parent) == "body"
        lead = in_body and element.get("content-type") == "lead"
        out: list[Block] = []
        current: list[Inline] = [Text(element.text)] if element.text else []
        for child in element:
            if isinstance(child.tag, str) and local_name(child) in IN_P:
                out += self.paragraphs_of(canonical(current), lead and not out)
                out += self.block(child, depth)
                current = []
            elif isinstance(child.tag, str):
                current += inline(child, self.scope)
            if child.tail:
                current.append(Text(child.tail))
        return out + self.paragraphs_of(canonical(current), lead and not out)

    def flat_paragraphs(
        self, element: etree._Element, where: str, skip: frozenset[str] = HEADS
    ) -> tuple[Paragraph, ...]:
        """The paragraphs of ``element``; other blocks inside it are flattened (reported)."""
        blocks: list[Block] = []
        for child in element:
            if isinstance(child.tag, str) and local_name(child) not in skip:
                blocks += self.block(child, 1)
        if any(not isinstance(block, Paragraph) for block in blocks):
            self.ctx.notices.repeated(
                element, f"lists, tables or sections inside {where} flattened"
            )
        return tuple(p for block in blocks for p in flatten(block, self.ctx, element))

    def _unknown(self, element: etree._Element) -> list[Block]:
        content = canonical(children(element, self.scope))
        if content:
            self.ctx.notices.repeated(element, f"<{local_name(element)}> kept as a paragraph")
        elif text_of(element) or len(element):
            self.ctx.notices.dropped(element)
        return self.paragraphs_of(content)


def flatten(block: Block, ctx: JatsContext, where: etree._Element) -> list[Paragraph]:
    """The paragraphs a block reads as where only paragraphs may stand."""
    match block:
        case Paragraph():
            return [block]
        case ListBlock(_, items):
            return [p for item in items for p in item.paragraphs]
        case Quote(paragraphs, attribution):
            return [*paragraphs, *([Paragraph(attribution)] if attribution else [])]
        case Section(_, title, blocks):
            heading = [Paragraph((Styled(TextStyle.BOLD, title),))] if title else []
            return heading + [p for inner in blocks for p in flatten(inner, ctx, where)]
        case Figure(_, label, caption, image):
            text = canonical((Text(label_prefix(label, caption)), *caption))
            return [Paragraph(text or (Text(image.alt_text),))]
        case Table():
            ctx.notices.repeated(where, "a table where only paragraphs may stand dropped")
            return []
        case _:
            assert_never(block)


def _list(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    kind = element.get("list-type", "bullet")
    if kind not in ("bullet", "order", "simple"):
        builder.ctx.notices.repeated(element, f"list numbering style {kind!r} becomes 1, 2, 3")
    items: list[ListItem] = []
    for item in element.iterfind("list-item"):
        paragraphs = builder.flat_paragraphs(item, "a list item", HEADS)
        label = text_of(item.find("label"))
        if label and paragraphs and kind == "simple":
            first = paragraphs[0]
            paragraphs = (
                Paragraph(canonical((Text(f"{label} "), *first.children))),
                *paragraphs[1:],
            )
        elif label:
            builder.ctx.notices.repeated(item, "list item labels dropped (lists are numbered anew)")
        if paragraphs:
            items.append(ListItem(paragraphs))
    title = inlines(element.find("title"), builder.scope)
    heading = builder.paragraphs_of((Styled(TextStyle.BOLD, title),) if title else ())
    return [*heading, ListBlock(kind in ORDERED, tuple(items))] if items else heading


def _quote(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    paragraphs = builder.flat_paragraphs(element, "a quotation")
    attrib = element.find("attrib")
    linked = builder.scope.inner(Level.LINKED)
    attribution = () if attrib is None else inlines(attrib, linked)
    if attrib is None and paragraphs:
        paragraphs, attribution = split_attribution(paragraphs)
    return [Quote(paragraphs, attribution)] if paragraphs else []


def _verse(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    builder.ctx.notices.repeated(element, "verse becomes a quotation, one paragraph a line")
    lines = [canonical(children(line, builder.scope)) for line in element.iter("verse-line")]
    attrib = element.find("attrib")
    attribution = () if attrib is None else inlines(attrib, builder.scope.inner(Level.LINKED))
    paragraphs = tuple(Paragraph(line) for line in lines if line)
    return [Quote(paragraphs, attribution)] if paragraphs else []


def _speech(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    builder.ctx.notices.repeated(element, "speech becomes a quotation with the speaker in bold")
    speaker = inlines(element.find("speaker"), builder.scope)
    paragraphs = list(builder.flat_paragraphs(element, "a speech", HEADS | {"speaker"}))
    if speaker and paragraphs:
        first = paragraphs[0]
        paragraphs[0] = Paragraph(
            canonical((Styled(TextStyle.BOLD, speaker), Text(": "), *first.children))
        )
    return [Quote(tuple(paragraphs))] if paragraphs else []


def _definitions(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    builder.ctx.notices.repeated(
        element, "definition list becomes a bulleted list of 'term: definition'"
    )
    items = []
    for item in element.iterfind("def-item"):
        term = inlines(item.find("term"), builder.scope)
        definitions = [
            p for d in item.iterfind("def") for p in builder.flat_paragraphs(d, "a definition")
        ]
        first = Paragraph(
            canonical(
                (
                    Styled(TextStyle.BOLD, term),
                    Text(": "),
                    *(definitions[0].children if definitions else ()),
                )
            )
        )
        items.append(ListItem((first, *definitions[1:])))
    return [ListBlock(False, tuple(items))] if items else []


def _code(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    builder.ctx.notices.repeated(element, "code and preformatted text become monospace paragraphs")
    lines = [line for line in "".join(element.itertext()).split("\n") if line.strip()]
    return [Paragraph((Styled(TextStyle.MONOSPACE, (Text(line.strip()),)),)) for line in lines]


def _statement(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    head = " ".join(
        text for text in (text_of(element.find("label")), text_of(element.find("title"))) if text
    )
    builder.ctx.notices.repeated(element, "statements become paragraphs with their label in bold")
    heading = [Paragraph((Styled(TextStyle.BOLD, (Text(head),)),))] if head else []
    return heading + builder.container(element, depth)


def _alternatives(builder: BlockBuilder, element: etree._Element, depth: int) -> list[Block]:
    for preferred in ("table", "graphic", "tex-math", "mml:math"):
        for child in element:
            if local_name(child) == preferred:
                return builder.block(child, depth)
    builder.ctx.notices.dropped(element, "no alternative a brief can hold")
    return []


CONVERTERS: dict[str, Converter] = {
    "p": BlockBuilder.paragraph,
    "list": _list,
    "disp-quote": _quote,
    "verse-group": _verse,
    "speech": _speech,
    "def-list": _definitions,
    "preformat": _code,
    "code": _code,
    "statement": _statement,
    "alternatives": _alternatives,
    "sec": section_blocks,
    "boxed-text": boxed_blocks,
    "fig": figure_blocks,
    "graphic": figure_blocks,
    "table-wrap": table_blocks,
    "fig-group": group_blocks,
    "table-wrap-group": group_blocks,
}
