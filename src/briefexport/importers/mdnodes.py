"""Small readings of markdown-it-py syntax tree nodes shared by the Markdown block converters:
an attribute set by the attrs plugin (``{#id .class key="value"}``), the raw text a paragraph
opens with, and such a prefix taken off converted inline content."""

from __future__ import annotations

import html

from markdown_it.tree import SyntaxTreeNode

from ..inlines import canonical
from ..model import Inline, Text


def raw_prefix(paragraph: SyntaxTreeNode, prefixes: tuple[str, ...]) -> str | None:
    """The prefix the paragraph's source starts with (an escaped one does not count)."""
    raw = paragraph.children[0].content if paragraph.children else ""
    return next((prefix for prefix in prefixes if raw.startswith(prefix)), None)


def drop_prefix(inlines: tuple[Inline, ...], prefix: str) -> tuple[Inline, ...]:
    """``inlines`` without ``prefix`` at the start of their first text."""
    first = inlines[0] if inlines else None
    if isinstance(first, Text) and first.value.startswith(prefix):
        return canonical((Text(first.value[len(prefix) :]), *inlines[1:]))
    return inlines


def attr(node: SyntaxTreeNode, name: str) -> str | None:
    """The node's attribute ``name`` as written (character references decoded), or None."""
    value = node.attrs.get(name)
    return html.unescape(str(value)) if value is not None else None
