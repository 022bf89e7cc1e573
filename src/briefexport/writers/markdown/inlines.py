"""Inline content to CommonMark text, the reverse of ``briefexport.importers.mdinline``.

Bold and italic plain text use ``**``/``*`` where CommonMark's flanking rules let them open and
close; everything else is a pandoc-style bracketed span (``[text]{.bold}``, ``{.underline}``,
``{.smallcaps}``, citation parts), because brackets nest strictly and emphasis delimiters never
pair across them. Superscript and subscript are inline HTML; footnote calls are ``[^id]``. A
citation is written as plain text when the importer's citation grammar reads it back the same.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import assert_never

from ...inlines import canonical, plain_text
from ...model import (
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    FootnoteRef,
    Inline,
    Link,
    Styled,
    Text,
    TextStyle,
)
from ...rules.citations import citation_from_text
from ...shared.located import at
from ...shared.markdown_spans import span_class

LOGGER = logging.getLogger(__name__)
_ALWAYS_ESCAPED = re.compile(r"([\\`*_\[\]<>|~^{}#])")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_DELIMITERS = {TextStyle.BOLD: "**", TextStyle.ITALIC: "*"}
_HTML_TAGS = {TextStyle.SUPERSCRIPT: "sup", TextStyle.SUBSCRIPT: "sub"}
_URL = re.compile(r"(https?|mailto):[^\s<>]*")
# Bracketed spans at most this deep; below, HTML spans (markdown-it stops at 20 brackets and a
# link inside still needs its own).
MAX_BRACKET_DEPTH = 8


def escape_text(text: str) -> str:
    """``text`` with every character CommonMark could read as markup escaped."""
    return _ENTITY_LIKE.sub(r"\\&", _ALWAYS_ESCAPED.sub(r"\\\1", text))


def inlines_to_markdown(inlines: tuple[Inline, ...], in_link: bool = False) -> str:
    """Inline content as Markdown text (one line); ``in_link`` inside a link's text."""
    parts = [inline_to_markdown(inline, in_link) for inline in inlines]
    simple = [_simple_emphasis(inline) for inline in inlines]
    for index, inline in enumerate(inlines):
        if isinstance(inline, Styled) and simple[index]:
            before = parts[index - 1][-1:] if index else ""
            after = parts[index + 1][:1] if index + 1 < len(parts) else ""
            if index + 1 < len(parts) and simple[index + 1]:
                after = "*"  # the next run's delimiter, not written yet
            parts[index] = _emphasis(inline.style, parts[index], (before, after), in_link)
        elif index and parts[index].startswith("`") and parts[index - 1].endswith("`"):
            # two code spans in a row would read as one: write this one as a span
            assert isinstance(inline, Styled)
            parts[index] = _span(span_class(inline.style), inline.children, in_link)
    for index in range(len(parts) - 1):
        if parts[index].endswith("!") and parts[index + 1].startswith("["):
            parts[index] = parts[index][:-1] + "\\!"  # "![" would start an image
    return "".join(parts)


def _simple_emphasis(inline: Inline) -> bool:
    """Bold or italic plain text: the only case written with ``**`` or ``*``."""
    return (
        isinstance(inline, Styled)
        and inline.style in _DELIMITERS
        and all(isinstance(child, Text) for child in inline.children)
    )


def inline_to_markdown(inline: Inline, in_link: bool = False) -> str:
    """One inline as Markdown; bold and italic content only (delimiters need the neighbours).

    Inside a link's text no bracket may open (CommonMark ends the link there), so spans are
    written as HTML spans.
    """
    match inline:
        case Text(value):
            return escape_text(value)
        case Styled():
            return _styled(inline, in_link)
        case Link():
            return _link(inline)
        case FootnoteRef(note):
            return f"[^{note.id}]"
        case CitationRef(reference):
            return _span("cite", (Text("@" + reference.id),), in_link)
        case Citation(publication_type, children):
            plain = _plain_citation(inline)
            if plain is not None:
                return plain
            return _span("citation", children, in_link, type=publication_type.value)
        case CitationPart(field, children):
            return _span(field.value, children, in_link)
        case CitedDate(iso, text):
            return _span("date", (Text(text),), in_link, iso=iso)
        case _:
            assert_never(inline)


def _styled(styled: Styled, in_link: bool) -> str:
    """Styled text as a code span, as emphasis, as an HTML element or as a classed span."""
    style, children = styled.style, styled.children
    if style == TextStyle.MONOSPACE and _plain_code(children):
        return _code_span(plain_text(children))
    if _simple_emphasis(styled):
        return inlines_to_markdown(children)  # delimiters chosen by inlines_to_markdown
    if style in _HTML_TAGS:
        tag = _HTML_TAGS[style]
        return f"<{tag}>{inlines_to_markdown(children, in_link)}</{tag}>"
    return _span(span_class(style), children, in_link)


def _plain_citation(citation: Citation) -> str | None:
    """The citation as plain text when the importer reads that text back to the same citation."""
    children = citation.children
    last = children[-1] if children else None
    link = last if isinstance(last, Link) and last.children == (Text(last.href),) else None
    rest = children[:-1] if link else children
    if any(isinstance(inline, Link) for inline in rest):
        return None
    flat = canonical((Text(plain_text(rest)), *([link] if link else [])))
    return inlines_to_markdown(flat) if citation_from_text(flat) == citation else None


def _span(kind: str, children: tuple[Inline, ...], in_link: bool, **attributes: str) -> str:
    """``[content]{.kind key="value"}``, or an HTML span in or around a link or over deeply
    nested content (markdown-it reads brackets nested 20 deep at most; HTML spans nest freely)."""
    in_link = in_link or _depth(children) >= MAX_BRACKET_DEPTH
    content = inlines_to_markdown(children, in_link)
    if in_link or _has_bracket_link(children):
        data = "".join(f' data-{key}="{value}"' for key, value in attributes.items())
        return f'<span class="{kind}"{data}>{content}</span>'
    data = "".join(f' {key}="{value}"' for key, value in attributes.items())
    return f"[{content}]{{.{kind}{data}}}"


def _depth(inlines: tuple[Inline, ...]) -> int:
    """How deeply formatting and citation parts nest in ``inlines``."""
    return max((1 + _depth(getattr(inline, "children", ())) for inline in inlines), default=0)


def _has_bracket_link(inlines: tuple[Inline, ...]) -> bool:
    """True when a ``[text](url)`` link or a ``[^id]`` call is written somewhere inside."""
    for inline in inlines:
        if isinstance(inline, FootnoteRef) or (
            isinstance(inline, Link) and not _is_autolink(inline)
        ):
            return True
        children = getattr(inline, "children", ())
        if isinstance(inline, Citation) and _plain_citation(inline) is not None:
            continue
        if children and _has_bracket_link(children):
            return True
    return False


def _is_autolink(link: Link) -> bool:
    return link.children == (Text(link.href),) and _URL.fullmatch(link.href) is not None


def _plain_code(children: tuple[Inline, ...]) -> bool:
    """Plain text without a pipe, which would split a table cell even inside backticks."""
    return all(isinstance(c, Text) for c in children) and "|" not in plain_text(children)


def _code_span(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _emphasis(style: TextStyle, body: str, neighbours: tuple[str, str], in_link: bool) -> str:
    """``**body**`` when CommonMark reads those delimiters as opening and closing, else a span."""
    marker = _DELIMITERS[style]
    before, after = neighbours
    opens = _flanks(before, body[:1])
    closes = _flanks(after, body[-1:])
    touching = "*" in (before, after, body[:1], body[-1:])
    if opens and closes and not touching:
        return f"{marker}{body}{marker}"
    if in_link:
        return f'<span class="{span_class(style)}">{body}</span>'
    return f"[{body}]{{.{span_class(style)}}}"


def _flanks(outside: str, inside: str) -> bool:
    """CommonMark's flanking rule for a delimiter between ``outside`` and ``inside`` characters."""
    if not inside or _kind(inside) == "space":
        return False
    return _kind(inside) != "punct" or _kind(outside) != "word"


def _kind(char: str) -> str:
    """ "space" (or line end), "punct" (Unicode P* and S*), or "word" as CommonMark classes them."""
    if not char or char in "\t\n\f\r " or unicodedata.category(char) == "Zs":
        return "space"
    return "punct" if unicodedata.category(char)[0] in "PS" else "word"


def _link(link: Link) -> str:
    href, children = link.href, link.children
    if _is_autolink(link):
        return f"<{href}>"
    if _has_bracket_link(children):
        message = "link %s: a link or footnote call inside link text breaks in Markdown"
        LOGGER.warning(message, href, extra=at(link.source))
    return f"[{inlines_to_markdown(children, in_link=True)}]({link_destination(href)})"


def link_destination(href: str) -> str:
    """``href`` as a link destination that reads back as written: backslashes and what looks
    like a character reference escaped, in ``<...>`` when it holds spaces or brackets."""
    escaped = _ENTITY_LIKE.sub(r"\&", re.sub(r"([\\<>])", r"\\\1", href))
    return f"<{escaped}>" if re.search(r"[\s()<>]", href) else escaped
