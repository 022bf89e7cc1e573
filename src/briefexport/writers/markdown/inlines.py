"""Inline content to CommonMark text, the reverse of ``briefexport.importers.mdinline``.

Bold and italic use ``**``/``*`` when CommonMark's flanking rules let them open and close there,
``<strong>``/``<em>`` otherwise; superscript and subscript are inline HTML; underline, small caps
and citation parts are pandoc-style bracketed spans; footnote calls are ``[^id]``. A citation
is written as plain text when the importer's citation grammar reads that text back to it.
"""

from __future__ import annotations

import re
from typing import assert_never

from ...importers.references import citation_from_text
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

_ALWAYS_ESCAPED = re.compile(r"([\\`*_\[\]<>|~^{}])")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_DELIMITERS = {TextStyle.BOLD: ("**", "strong"), TextStyle.ITALIC: ("*", "em")}
_HTML_TAGS = {
    TextStyle.SUPERSCRIPT: "sup",
    TextStyle.SUBSCRIPT: "sub",
    TextStyle.MONOSPACE: "code",
}
_SPANS = {TextStyle.UNDERLINE: "underline", TextStyle.SMALL_CAPS: "smallcaps"}
_URL = re.compile(r"(https?|mailto):[^\s<>]*")


def escape_text(text: str) -> str:
    """``text`` with every character CommonMark could read as markup escaped."""
    return _ENTITY_LIKE.sub(r"\\&", _ALWAYS_ESCAPED.sub(r"\\\1", text))


def inlines_to_markdown(inlines: tuple[Inline, ...]) -> str:
    """Inline content as Markdown text (one line)."""
    parts = [inline_to_markdown(inline) for inline in inlines]
    for index, inline in enumerate(inlines):
        if isinstance(inline, Styled) and inline.style in _DELIMITERS:
            before = parts[index - 1][-1:] if index else ""
            after = parts[index + 1][:1] if index + 1 < len(parts) else ""
            parts[index] = _emphasis(inline.style, parts[index], before, after)
    return "".join(parts)


def inline_to_markdown(inline: Inline) -> str:
    """One inline as Markdown; bold and italic content only (delimiters need the neighbours)."""
    match inline:
        case Text(value):
            return escape_text(value)
        case Styled(TextStyle.MONOSPACE, children) if all(isinstance(c, Text) for c in children):
            return _code_span(plain_text(children))
        case Styled(style, children):
            return _styled(style, inlines_to_markdown(children))
        case Link(href, children):
            return _link(href, children)
        case FootnoteRef(note):
            return f"[^{note.id}]"
        case CitationRef(reference):
            return f"[@{reference.id}]{{.cite}}"
        case Citation(publication_type, children):
            plain = _plain_citation(inline)
            if plain is not None:
                return plain
            return f'[{inlines_to_markdown(children)}]{{.citation type="{publication_type.value}"}}'
        case CitationPart(field, children):
            return f"[{inlines_to_markdown(children)}]{{.{field.value}}}"
        case CitedDate(iso, text):
            return f'[{escape_text(text)}]{{.date iso="{iso}"}}'
        case _:
            assert_never(inline)


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


def _styled(style: TextStyle, content: str) -> str:
    if style in _HTML_TAGS:
        tag = _HTML_TAGS[style]
        return f"<{tag}>{content}</{tag}>"
    if style in _SPANS:
        return f"[{content}]{{.{_SPANS[style]}}}"
    return content  # bold and italic: delimiters chosen by inlines_to_markdown


def _code_span(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _emphasis(style: TextStyle, content: str, before: str, after: str) -> str:
    """``**content**`` when CommonMark reads those delimiters as opening and closing."""
    marker, tag = _DELIMITERS[style]
    lead, body, trail = _split_space(content)
    opens = body[:1].isalnum() or _is_space_or_punct(lead[-1:] or before)
    closes = body[-1:].isalnum() or _is_space_or_punct(trail[:1] or after)
    if body and opens and closes and not body.startswith("*") and not body.endswith("*"):
        return f"{lead}{marker}{body}{marker}{trail}"
    return f"{lead}<{tag}>{body}</{tag}>{trail}"


def _split_space(content: str) -> tuple[str, str, str]:
    body = content.strip(" ")
    lead = content[: len(content) - len(content.lstrip(" "))]
    trail = content[len(content.rstrip(" ")) :]
    return lead, body, trail


def _is_space_or_punct(char: str) -> bool:
    """True at the start or end of the line, at a space, or at punctuation."""
    return not char or char.isspace() or not char.isalnum()


def _link(href: str, children: tuple[Inline, ...]) -> str:
    if children == (Text(href),) and _URL.fullmatch(href):
        return f"<{href}>"
    destination = f"<{href}>" if re.search(r"[\s()<>]", href) else href
    return f"[{inlines_to_markdown(children)}]({destination})"
