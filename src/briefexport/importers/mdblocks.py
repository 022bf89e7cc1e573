"""Markdown blocks (markdown-it-py syntax tree of CommonMark with GFM tables) to the model's
blocks: sections from ``##`` to ``####`` headings, paragraphs, lists and quotes; tables and
figures are in :mod:`.mdcaptioned`, the body's rules in ``body.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..errors import Severity
from ..inlines import canonical, plain_text
from ..model import (
    Block,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Section,
    SourcePosition,
    Text,
)
from ..rules.blank import is_blank
from .mdcaptioned import CaptionedConverter, captioned_kind
from .mdcontext import BodyContext
from .mdinline import convert_inline
from .mdnodes import attr, drop_prefix, raw_prefix
from .placement import Place, misplaced

MAX_SECTION_DEPTH = 3
TRAILING_ID = re.compile(r"\s*\{#([A-Za-z_][\w.-]*)\}$")
ATTRIBUTION_DASHES = ("— ", "-- ")
PLACES = {"a heading": Place.PHRASE, "a caption": Place.LINKED, "a table cell": Place.LINKED}
"""The schema's place of inline content, by the name :meth:`BlockConverter._inline` gets."""


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
        self.captioned = CaptionedConverter(context, self._inline)
        self.lead_node: SyntaxTreeNode | None = None  # the body's first block, set by the body

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
        if is_blank(plain_text(title)):
            self.context.problems.error(line, "a heading needs a title; this one is empty")
        where = self.context.position(heading)
        ident = self.context.claim_id(attr(heading, "id") or trailing_id, where)
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
            elif (kind := captioned_kind(node)) is not None:
                caption = self.captioned.caption(caption_node, kind)
                index += caption is not None
                block = self.captioned.captioned(node, kind, caption or ())
                out.extend([(node, block)] if block is not None else [])
            else:
                block = self._block(node)
                out.extend([(node, block)] if block is not None else [])
            index += 1
        return out

    def _block(self, node: SyntaxTreeNode) -> Block | None:
        match node.type:
            case "paragraph":
                return Paragraph(self._inline(node.children[0]), lead=self._lead(node))
            case "bullet_list" | "ordered_list":
                items = tuple(self._list_item(item) for item in node.children)
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

    def _lead(self, node: SyntaxTreeNode) -> bool:
        """Whether the paragraph is marked ``{.lead}``; only the body's first block may be."""
        if attr(node, "class") != "lead":
            return False
        if node is self.lead_node:
            return True
        message = "only the first paragraph of the body may be the lead paragraph ({.lead})"
        self.context.problems.error(self.context.line(node), message)
        return False

    def _list_item(self, item: SyntaxTreeNode) -> ListItem:
        return ListItem(self._some_paragraphs(item, "a list item"))

    def _some_paragraphs(self, node: SyntaxTreeNode, what: str) -> tuple[Paragraph, ...]:
        """The paragraphs of a list item or quote, reported when there are none and nothing
        said why already (a nested list or heading left out is reported where it is)."""
        problems = self.context.problems
        before = len(problems.diagnostics)
        paragraphs = self.paragraphs(node.children)
        said = any(found.severity is Severity.ERROR for found in problems.diagnostics[before:])
        if not paragraphs and not said:
            message = f"{what} needs at least one paragraph; this one is empty"
            self.context.problems.error(self.context.line(node), message)
        return paragraphs

    def _quote(self, node: SyntaxTreeNode) -> Quote:
        paragraphs = self._some_paragraphs(node, "a block quote")
        last_node = node.children[-1] if node.children else None
        if len(paragraphs) > 1 and last_node is not None and last_node.type == "paragraph":
            dash = raw_prefix(last_node, ATTRIBUTION_DASHES)
            if dash is not None:
                attribution = drop_prefix(paragraphs[-1].children, dash.strip())
                problem = misplaced(attribution, Place.LINKED)
                if problem is not None:
                    self.context.problems.error(self.context.line(last_node), problem)
                return Quote(paragraphs[:-1], attribution)
        return Quote(paragraphs)

    def _inline(self, node: SyntaxTreeNode, no_notes_in: str | None = None) -> tuple[Inline, ...]:
        """Inline content; ``no_notes_in`` names a place where footnotes cannot be called."""
        context = self.context.inline_context(node)
        context.no_notes_in = no_notes_in or context.no_notes_in
        inlines = convert_inline(node, context)
        problem = misplaced(inlines, PLACES.get(no_notes_in or "", Place.PARAGRAPH))
        if problem is not None:
            context.problems.error(context.line, problem)
        return inlines


def _trailing_id(title: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], str | None]:
    """Split a pandoc-style ``{#id}`` off the end of a heading."""
    last = title[-1] if title else None
    found = TRAILING_ID.search(last.value) if isinstance(last, Text) else None
    if not isinstance(last, Text) or found is None:
        return title, None
    return canonical((*title[:-1], Text(last.value[: found.start()]))), found[1]
