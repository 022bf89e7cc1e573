"""Inline content to XHTML: formatting, links, citations and footnote calls."""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from lxml import etree

from ...inlines import plain_text
from ...model import (
    Citation,
    CitationField,
    CitationPart,
    CitationRef,
    CitedDate,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    Styled,
    Text,
    TextStyle,
)
from ...shared.i18n import is_rtl
from ...shared.notes import call_id, note_id
from .context import NotePlacement, RenderContext
from .markup import EPUB_TYPE, append_text, child, valid_href


def style_element(style: TextStyle) -> tuple[str, dict[str, str]]:
    """The HTML element (and attributes) of a text style."""
    match style:
        case TextStyle.BOLD:
            return "b", {}
        case TextStyle.ITALIC:
            return "i", {}
        case TextStyle.UNDERLINE:
            return "u", {}
        case TextStyle.SUPERSCRIPT:
            return "sup", {}
        case TextStyle.SUBSCRIPT:
            return "sub", {}
        case TextStyle.SMALL_CAPS:
            return "span", {"class": "sc"}
        case TextStyle.MONOSPACE:
            return "code", {}
        case _:
            assert_never(style)


def inlines_to_xhtml(ctx: RenderContext, parent: etree._Element, inlines: Iterable[Inline]) -> None:
    """Append ``inlines`` to ``parent``."""
    for inline in inlines:
        inline_to_xhtml(ctx, parent, inline)


def inline_to_xhtml(ctx: RenderContext, parent: etree._Element, inline: Inline) -> None:
    """Append one inline node to ``parent``."""
    match inline:
        case Text(value):
            append_text(parent, value)
        case Styled(style, children):
            name, attrs = style_element(style)
            inlines_to_xhtml(ctx, child(parent, name, attrs), children)
        case Link():
            link_to_xhtml(ctx, parent, inline)
        case FootnoteRef(note):
            footnote_call(ctx, parent, note)
        case CitationRef(reference):
            attrs = {"href": f"#ref-{reference.number}", "role": "doc-biblioref"}
            child(parent, "a", {**attrs, "class": "citation-ref"}, f"[{reference.number}]")
        case Citation(publication_type, children):
            classes = f"citation {publication_type.value}"
            inlines_to_xhtml(ctx, child(parent, "span", {"class": classes}), children)
        case CitationPart(citation_field, children):
            name = "cite" if citation_field is CitationField.SOURCE else "span"
            inlines_to_xhtml(ctx, child(parent, name, {"class": citation_field.value}), children)
        case CitedDate(iso, text):
            child(parent, "time", {"datetime": iso, "class": "cited-date"}, text)
        case _:
            assert_never(inline)


def link_to_xhtml(ctx: RenderContext, parent: etree._Element, link: Link) -> None:
    """An external link; a bare URL keeps left-to-right order inside right-to-left text."""
    text = plain_text(link.children)
    attrs = {"href": valid_href(link.href)}
    if text.startswith(("http://", "https://", "www.")) or text == link.href:
        attrs["class"] = "url"
        if is_rtl(ctx.brief.meta.language):
            attrs["dir"] = "ltr"
    inlines_to_xhtml(ctx, child(parent, "a", attrs), link.children)


def footnote_call(ctx: RenderContext, parent: etree._Element, note: Footnote) -> None:
    """A call to ``note``, shaped by the placement of the notes."""
    if ctx.in_note:  # a note that calls another note: a plain cross-reference
        child(parent, "a", {"href": f"#{note_id(note)}", "class": "note-xref"}, str(note.number))
        return
    ordinal = ctx.count_call(note)
    match ctx.placement:
        case NotePlacement.PAGE_FLOAT:
            if ordinal == 1:
                floating_note(ctx, parent, note)
            else:
                attrs = {"href": f"#{note_id(note)}", "id": call_id(note, ordinal)}
                attrs["class"] = "footnote-call footnote-repeat"
                child(parent, "a", attrs, str(note.number))
        case NotePlacement.AFTER_BLOCK:
            if ordinal == 1:
                ctx.pending.append(note)
            attrs = {EPUB_TYPE: "noteref", "role": "doc-noteref", "class": "footnote-call"}
            attrs |= {"href": f"#{note_id(note)}", "id": call_id(note, ordinal)}
            child(parent, "a", attrs, str(note.number))
        case NotePlacement.END:
            attrs = {"role": "doc-noteref", "class": "footnote-call"}
            attrs |= {"href": f"#{note_id(note)}", "id": call_id(note, ordinal)}
            child(parent, "a", attrs, str(note.number))
        case _:
            assert_never(ctx.placement)


def floating_note(ctx: RenderContext, parent: etree._Element, note: Footnote) -> None:
    """The whole note inline at its first call; CSS ``float: footnote`` moves it to the page foot.

    Its paragraphs are spans, as a block inside a paragraph is not allowed.
    """
    span = child(parent, "span", {"class": "footnote", "id": note_id(note)})
    note_paragraphs_inline(ctx, span, note)


def note_paragraphs_inline(ctx: RenderContext, parent: etree._Element, note: Footnote) -> None:
    """A note's paragraphs as ``<span class="fn-p">`` children of ``parent``."""
    ctx.in_note = True
    try:
        for paragraph in note.paragraphs:
            inlines_to_xhtml(ctx, child(parent, "span", {"class": "fn-p"}), paragraph.children)
    finally:
        ctx.in_note = False
