"""Helpers over inline content shared by readers, importers and writers.

``canonical`` defines the one normal form of inline content (XML whitespace collapsed, no
leading or trailing space in a block, adjacent text merged, empty formatting dropped, and
formatting that holds nothing but footnote calls dropped too: every writer prints a call raised,
in its own call style, so ``<sup><xref ref-type="fn"/></sup>`` says nothing more than the call,
and the call then stands beside the calls around it (:mod:`briefexport.shared.notes`). The
reader, the importers and the Hypothesis strategies all pass through it, so writing a brief and
reading it back gives an equal model.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeAlias, assert_never

from .model import (
    Citation,
    CitationPart,
    CitationRef,
    CitedDate,
    FootnoteRef,
    Inline,
    Link,
    Styled,
    Text,
)

if TYPE_CHECKING:
    from lxml import etree

Container: TypeAlias = Styled | Link | Citation | CitationPart

XML_WHITE_SPACE = " \t\r\n"  # XML 1.0 section 2.3: S; a no-break space is text
_XML_SPACE = re.compile(f"[{XML_WHITE_SPACE}]+")


def mixed_content(
    element: etree._Element, convert: Callable[[etree._Element], list[Inline]]
) -> list[Inline]:
    """An XML element's mixed content in order, not yet normalised: its text, each child element
    as ``convert`` makes it, and the text after each child (a comment or processing instruction
    is left out, the text after it kept)."""
    text = element.text
    out: list[Inline] = [Text(text)] if text else []
    for child in element:
        if isinstance(child.tag, str):
            out += convert(child)
        tail = child.tail
        if tail:
            out.append(Text(tail))
    return out


def plain_text(inlines: Iterable[Inline]) -> str:
    """The text a reader sees, without footnote or reference calls."""
    return "".join(_plain(inline) for inline in inlines)


def _plain(inline: Inline) -> str:
    match inline:
        case Text():
            return inline.value
        case CitedDate():
            return inline.text
        case Styled() | Link() | Citation() | CitationPart():
            return plain_text(inline.children)
        case FootnoteRef() | CitationRef():
            return ""
        case _:
            assert_never(inline)


def canonical(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Return ``inlines`` in normal form (see the module docstring)."""
    collapsed, _ = _collapse(tuple(inlines), after_space=True)
    return _merge_text(_rstrip(collapsed))


def collapse_space(text: str) -> str:
    """Collapse runs of XML whitespace to one space and strip it from both ends (Unicode
    spaces such as U+00A0 are text, kept as written, as :func:`canonical` keeps them)."""
    return _single_spaced(text).strip(" ")


def _single_spaced(text: str) -> str:
    """Runs of XML whitespace as one space (most texts have none: checked before the regex)."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return _XML_SPACE.sub(" ", text)
    return text


def _collapse(inlines: tuple[Inline, ...], after_space: bool) -> tuple[tuple[Inline, ...], bool]:
    out: list[Inline] = []
    for inline in inlines:
        match inline:
            case Text():
                value = _single_spaced(inline.value)
                if after_space:
                    value = value.lstrip(" ")
                if value:
                    out.append(inline if value == inline.value else Text(value))
                    after_space = value.endswith(" ")
            case CitedDate():
                text = collapse_space(inline.text)
                out.append(CitedDate(inline.iso, text))
                after_space = after_space and not text
            case Styled() | Link() | Citation() | CitationPart():
                children, after_space = _collapse(inline.children, after_space)
                if children or not isinstance(inline, Styled):
                    out.append(with_children(inline, children))
            case FootnoteRef() | CitationRef():
                out.append(inline)
                after_space = False
            case _:
                assert_never(inline)
    return _kept(out, inlines), after_space


def _rstrip(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if inlines and isinstance(inlines[-1], Text) and not inlines[-1].value.endswith(" "):
        return inlines  # most often: nothing to strip
    items = list(inlines)
    while items:
        last = items[-1]
        if isinstance(last, Text):
            value = last.value.rstrip(" ")
            if value:
                items[-1] = last if value == last.value else Text(value)
                break
            items.pop()
        elif isinstance(last, Container):
            children = _rstrip(last.children)
            if not children and isinstance(last, Styled):
                items.pop()
                continue
            items[-1] = with_children(last, children)
            break
        else:
            break
    return _kept(items, inlines)


def _merge_text(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Container):
            inline = with_children(inline, _merge_text(inline.children))
        parts = _without_call_formatting(inline) if isinstance(inline, Styled) else (inline,)
        for part in parts:
            if isinstance(part, Text) and out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].value + part.value)
            else:
                out.append(part)
    return _kept(out, inlines)


def _kept(new: list[Inline], old: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``new`` as a tuple, ``old`` itself when they hold the same inlines."""
    if len(new) == len(old) and all(map(operator.is_, new, old)):
        return old
    return tuple(new)


def with_children(inline: Container, children: tuple[Inline, ...]) -> Container:
    """``inline`` holding ``children`` (itself when they are its own), made with its class
    rather than ``dataclasses.replace``, which costs several times as much."""
    if children is inline.children:
        return inline
    match inline:
        case Styled():
            return Styled(inline.style, children)
        case Link():
            return Link(inline.href, children, inline.source)
        case Citation():
            return Citation(inline.publication_type, children)
        case CitationPart():
            return CitationPart(inline.field, children)
        case _:
            assert_never(inline)


def _without_call_formatting(inline: Styled) -> tuple[Inline, ...]:
    """The children of formatting that holds footnote calls and at most spaces, else the inline."""
    if not any(isinstance(child, FootnoteRef) for child in inline.children):
        return (inline,)
    spaces = (child for child in inline.children if not isinstance(child, FootnoteRef))
    if all(isinstance(child, Text) and not child.value.strip(" ") for child in spaces):
        return inline.children
    return (inline,)
