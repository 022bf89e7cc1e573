"""Markdown inline content (markdown-it-py syntax tree) to the model's inlines.

Handled: text, emphasis (italic), strong (bold), code spans (monospace), links and autolinks,
``[^id]`` footnote calls, line breaks (a space: briefs have no forced breaks), and the inline HTML
that Markdown has no syntax for: ``<sup>``, ``<sub>``, ``<u>`` (also ``<strong>``, ``<em>``,
``<code>``) and ``<span class="..." data-..="..">`` spans.
Bracketed spans (attrs plugin, as in pandoc) carry the rest: ``[text]{.underline}``,
``[text]{.smallcaps}``, citation parts ``[..]{.article-title}`` (also ``.source``,
``.person-group``, ``.string-name``, ``.collab``), ``[May 3, 2024]{.date iso="2024-05-03"}``,
a whole citation ``[..]{.citation type="report"}``, and a reference-list call ``[@id]{.cite}``.
Anything else (images inside text, other HTML, strikethrough) is reported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..inlines import canonical, plain_text
from ..model import (
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    PublicationType,
    Reference,
    SourcePosition,
    Styled,
    Text,
    TextStyle,
)
from ..rules.links import link_problem
from ..rules.partial_dates import partial_date_exists
from ..shared.markdown_spans import SPAN_STYLES
from .problems import Problems

HTML_STYLES = {
    "sup": TextStyle.SUPERSCRIPT,
    "sub": TextStyle.SUBSCRIPT,
    "u": TextStyle.UNDERLINE,
    "strong": TextStyle.BOLD,
    "b": TextStyle.BOLD,
    "em": TextStyle.ITALIC,
    "i": TextStyle.ITALIC,
    "code": TextStyle.MONOSPACE,
}
_OPEN_TAG = re.compile(
    r"<(sup|sub|u|strong|b|em|i|code)>|<(span) class=\"([\w-]+)\"((?: data-\w+=\"[^\"<>]*\")*)>",
    re.IGNORECASE,
)
_DATA_ATTRIBUTE = re.compile(r"data-(\w+)=\"([^\"<>]*)\"")
_CLOSE_TAG = re.compile(r"</(sup|sub|u|strong|b|em|i|code|span)>", re.IGNORECASE)
CITATION_FIELDS = frozenset(field.value for field in CitationField)
_UNRESOLVED_CALL = re.compile(r"(?<!\\)\[\^([^\]\s]+)\]")
_NODE_STYLES = {
    "strong": TextStyle.BOLD,
    "em": TextStyle.ITALIC,
}


@dataclass
class InlineContext:
    """Where inline content comes from, for diagnostics and footnote calls. ``locate`` gives
    where a link to ``href`` starts, ``offset`` lines below the first line of the content."""

    problems: Problems
    line: int
    footnote_for: Callable[[str], Footnote | None] = lambda label: None
    reference_for: Callable[[str], Reference | None] = lambda ref_id: None
    no_notes_in: str | None = None
    locate: Callable[[int, str], SourcePosition | None] = lambda offset, href: None


@dataclass
class _Frame:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Inline] = field(default_factory=list)


def convert_inline(node: SyntaxTreeNode, context: InlineContext) -> tuple[Inline, ...]:
    """The inlines of a markdown-it ``inline`` node, in normal form."""
    texts = " ".join(child.content for child in node.walk() if child.type == "text")
    for found in _UNRESOLVED_CALL.finditer(node.content):
        if found[0] in texts and context.footnote_for(found[1]) is None:
            context.problems.error(
                context.line, f"call to footnote [^{found[1]}] that is not defined"
            )
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
    if opening and opening[1]:
        stack.append(_Frame(opening[1].lower()))
    elif opening:
        attrs = dict(_DATA_ATTRIBUTE.findall(opening[4] or ""))
        stack.append(_Frame("span", {**attrs, "class": opening[3]}))
    elif closing and len(stack) > 1 and stack[-1].tag == closing[1].lower():
        frame = stack.pop()
        children = tuple(frame.children)
        if frame.tag == "span":
            stack[-1].children.append(_span(frame.attrs, children, context))
        else:
            stack[-1].children.append(Styled(HTML_STYLES[frame.tag], children))
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
        case "footnote_anchor":
            return []
        case "span":
            attrs = {key: str(value) for key, value in node.attrs.items()}
            return [_span(attrs, tuple(_convert_children(node.children, context)), context)]
        case _:
            return _unsupported(node, context)


def _link(node: SyntaxTreeNode, context: InlineContext) -> Inline:
    href = str(node.attrs.get("href", ""))
    children = tuple(_convert_children(node.children, context))
    problem = link_problem(href)
    if problem:
        context.problems.error(context.line, problem)
        return Styled(TextStyle.UNDERLINE, children) if children else Text(href)
    return Link(href, children, context.locate(_line_offset(node), href))


def _line_offset(node: SyntaxTreeNode) -> int:
    """How many line breaks come before ``node`` in the inline content holding it."""
    root = node
    while root.parent is not None and root.type != "inline":
        root = root.parent
    breaks = 0
    for other in root.walk():
        if other is node:
            break
        breaks += other.type in ("softbreak", "hardbreak")
    return breaks


def _footnote_ref(label: str, context: InlineContext) -> list[Inline]:
    if context.no_notes_in:
        message = f"footnote [^{label}] cannot be called from {context.no_notes_in}"
        context.problems.error(context.line, message + "; call it from a paragraph")
        return []
    note = context.footnote_for(label)
    if note is None:
        context.problems.error(context.line, f"call to footnote [^{label}] that is not defined")
        return []
    return [FootnoteRef(note)]


def _span(attrs: dict[str, str], children: tuple[Inline, ...], context: InlineContext) -> Inline:
    """A bracketed span ``[..]{.kind}`` or an HTML ``<span class="kind" data-..>``."""
    kind = attrs.get("class", "")
    if kind in SPAN_STYLES:
        return Styled(SPAN_STYLES[kind], children)
    if kind in CITATION_FIELDS:
        return CitationPart(CitationField(kind), children)
    if kind == "date":
        return _cited_date(attrs.get("iso", ""), children, context)
    if kind == "citation":
        return _citation(attrs.get("type", "other"), children, context)
    if kind == "cite":
        return _citation_ref(plain_text(children).removeprefix("@"), context)
    context.problems.error(context.line, f"span class {kind!r} cannot be placed in a brief")
    return Styled(TextStyle.ITALIC, children) if children else Text("")


def _cited_date(iso: str, children: tuple[Inline, ...], context: InlineContext) -> Inline:
    if not partial_date_exists(iso.strip()):
        message = f"date iso={iso!r} is not an existing date written YYYY, YYYY-MM or YYYY-MM-DD"
        context.problems.error(context.line, message)
    return CitedDate(iso, plain_text(children))


def _citation(kind: str, children: tuple[Inline, ...], context: InlineContext) -> Inline:
    try:
        publication_type = PublicationType(kind)
    except ValueError:
        known = ", ".join(t.value for t in PublicationType)
        context.problems.error(context.line, f"citation type {kind!r} is not one of {known}")
        publication_type = PublicationType.OTHER
    return Citation(publication_type, children)


def _citation_ref(ref_id: str, context: InlineContext) -> Inline:
    reference = context.reference_for(ref_id)
    if reference is None:
        context.problems.error(context.line, f"call to reference {ref_id!r} that is not listed")
        return Text(f"[@{ref_id}]")
    return CitationRef(reference)


def _unsupported(node: SyntaxTreeNode, context: InlineContext) -> list[Inline]:
    what = "an image inside text" if node.type == "image" else f"inline {node.type!r}"
    context.problems.error(context.line, f"{what} cannot be placed in a brief")
    return [Text(node.content)] if node.content else _convert_children(node.children, context)
