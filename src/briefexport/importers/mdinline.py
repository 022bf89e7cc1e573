"""Markdown inline content (markdown-it-py syntax tree) to the model's inlines.

Handled: text, emphasis (italic), strong (bold), code spans (monospace), links and autolinks,
``[^id]`` footnote calls, line breaks (a space: briefs have no forced breaks), and the inline HTML
that Markdown has no syntax for: ``<sup>``, ``<sub>``, ``<u>`` and ``<span class="smallcaps">``.
Anything else (images inside text, other HTML, strikethrough) is reported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..inlines import canonical
from ..model import Footnote, FootnoteRef, Inline, Link, Styled, Text, TextStyle
from .problems import Problems

ALLOWED_SCHEMES = ("http:", "https:", "mailto:")
HTML_STYLES = {
    "sup": TextStyle.SUPERSCRIPT,
    "sub": TextStyle.SUBSCRIPT,
    "u": TextStyle.UNDERLINE,
    "span": TextStyle.SMALL_CAPS,
}
_OPEN_TAG = re.compile(r"<(sup|sub|u)>|<(span) class=\"smallcaps\">", re.IGNORECASE)
_CLOSE_TAG = re.compile(r"</(sup|sub|u|span)>", re.IGNORECASE)
_NODE_STYLES = {
    "strong": TextStyle.BOLD,
    "em": TextStyle.ITALIC,
}


@dataclass
class InlineContext:
    """Where inline content comes from, for diagnostics and footnote calls."""

    problems: Problems
    line: int
    footnote_for: Callable[[str], Footnote | None] = lambda label: None


@dataclass
class _Frame:
    tag: str
    children: list[Inline] = field(default_factory=list)


def convert_inline(node: SyntaxTreeNode, context: InlineContext) -> tuple[Inline, ...]:
    """The inlines of a markdown-it ``inline`` node, in normal form."""
    return canonical(_convert_children(node.children, context))


def _convert_children(nodes: list[SyntaxTreeNode], context: InlineContext) -> list[Inline]:
    stack = [_Frame("")]
    for node in nodes:
        if node.type == "html_inline":
            _html_tag(node.content, stack, context)
        else:
            stack[-1].children.extend(_convert_node(node, context))
    while len(stack) > 1:
        frame = stack.pop()
        context.problems.error(context.line, f"<{frame.tag}> is never closed")
        stack[-1].children.extend(frame.children)
    return stack[0].children


def _html_tag(tag: str, stack: list[_Frame], context: InlineContext) -> None:
    opening, closing = _OPEN_TAG.fullmatch(tag), _CLOSE_TAG.fullmatch(tag)
    if opening:
        stack.append(_Frame((opening[1] or opening[2]).lower()))
    elif closing and len(stack) > 1 and stack[-1].tag == closing[1].lower():
        frame = stack.pop()
        stack[-1].children.append(Styled(HTML_STYLES[frame.tag], tuple(frame.children)))
    else:
        context.problems.error(context.line, f"unsupported or unbalanced inline HTML {tag!r}")
        stack[-1].children.append(Text(tag))


def _convert_node(node: SyntaxTreeNode, context: InlineContext) -> list[Inline]:
    match node.type:
        case "text":
            return [Text(node.content)]
        case "softbreak" | "hardbreak":
            return [Text(" ")]
        case "strong" | "em":
            children = tuple(_convert_children(node.children, context))
            return [Styled(_NODE_STYLES[node.type], children)]
        case "code_inline":
            return [Styled(TextStyle.MONOSPACE, (Text(node.content),))]
        case "link":
            return [_link(node, context)]
        case "footnote_ref":
            return _footnote_ref(str(node.meta.get("label", "")), context)
        case _:
            return _unsupported(node, context)


def _link(node: SyntaxTreeNode, context: InlineContext) -> Inline:
    href = str(node.attrs.get("href", ""))
    children = tuple(_convert_children(node.children, context))
    if not href.lower().startswith(ALLOWED_SCHEMES):
        context.problems.error(context.line, f"link {href!r} is not http, https or mailto")
        return Styled(TextStyle.UNDERLINE, children) if children else Text(href)
    return Link(href, children or (Text(href),))


def _footnote_ref(label: str, context: InlineContext) -> list[Inline]:
    note = context.footnote_for(label)
    if note is None:
        context.problems.error(context.line, f"call to footnote [^{label}] that is not defined")
        return []
    return [FootnoteRef(note)]


def _unsupported(node: SyntaxTreeNode, context: InlineContext) -> list[Inline]:
    what = "an image inside text" if node.type == "image" else f"inline {node.type!r}"
    context.problems.error(context.line, f"{what} cannot be placed in a brief")
    return [Text(node.content)] if node.content else _convert_children(node.children, context)
