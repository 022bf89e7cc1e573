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
from ...shared.bidi import Direction, direction_runs, has_rtl_letters, paragraph_direction
from ...shared.i18n import is_rtl
from ...shared.notes import LATIN_COMMA, call_id, call_separator, note_id, with_call_separators
from ...shared.urls import LONGEST_UNBROKEN, is_printed_address, url_pieces
from .context import NotePlacement, RenderContext
from .markup import AFTER_CALL, EPUB_TYPE, SEPARATOR, append_text, child, valid_href


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


UPRIGHT = "upright"


def inlines_to_xhtml(
    ctx: RenderContext, parent: etree._Element, inlines: Iterable[Inline], after_call: bool = False
) -> None:
    """Append ``inlines`` to ``parent``; a run in the other direction goes into an isolating
    ``<span dir>`` (see :mod:`briefexport.shared.bidi`). ``after_call``: they follow a call."""
    for run in direction_runs(tuple(inlines), ctx.direction):
        target = parent if run.isolate is None else child(parent, "span", {"dir": run.isolate})
        with ctx.directed(run.isolate or ctx.direction):
            for inline, separated in with_call_separators(run.inlines, after_call):
                inline_to_xhtml(ctx, target, inline, separated)
        after_call = False  # a run in the other direction starts after text


def text_to_xhtml(ctx: RenderContext, parent: etree._Element, text: str) -> None:
    """Append plain text, isolating what runs in the other direction."""
    inlines_to_xhtml(ctx, parent, (Text(text),))


def slanted(
    ctx: RenderContext, parent: etree._Element, name: str, text: str, attrs: dict[str, str]
) -> etree._Element:
    """An italic element (``i``, ``em``, ``cite``); upright when it holds Arabic-script or Hebrew
    letters, which have no italics (a slanted Naskh is only a synthetic oblique)."""
    if has_rtl_letters(text):
        attrs = {**attrs, "class": " ".join(filter(None, (attrs.get("class"), UPRIGHT)))}
    return child(parent, name, attrs)


def inline_to_xhtml(
    ctx: RenderContext, parent: etree._Element, inline: Inline, after_call: bool = False
) -> None:
    """Append one inline node to ``parent``; ``after_call`` marks a call right after another."""
    match inline:
        case Text(value):
            append_text(parent, value)
        case Styled():
            styled_to_xhtml(ctx, parent, inline, after_call)
        case Link():
            link_to_xhtml(ctx, parent, inline)
        case FootnoteRef(note):
            call = footnote_call(ctx, parent, note)
            if after_call:
                mark_after_call(ctx, call)
        case CitationRef(reference):
            attrs = {"href": f"#ref-{reference.number}", "role": "doc-biblioref"}
            child(parent, "a", {**attrs, "class": "citation-ref"}, f"[{reference.number}]")
        case Citation(publication_type, children):
            classes = f"citation {publication_type.value}"
            inlines_to_xhtml(ctx, child(parent, "span", {"class": classes}), children)
        case CitationPart():
            citation_part_to_xhtml(ctx, parent, inline)
        case CitedDate(iso, text):
            child(parent, "time", {"datetime": iso, "class": "cited-date"}, text)
        case _:
            assert_never(inline)


def styled_to_xhtml(
    ctx: RenderContext, parent: etree._Element, styled: Styled, after_call: bool
) -> None:
    """Styled text as its element; italics slanted as the script allows (:func:`slanted`)."""
    name, attrs = style_element(styled.style)
    if styled.style is TextStyle.ITALIC:
        element = slanted(ctx, parent, name, plain_text(styled.children), attrs)
    else:
        element = child(parent, name, attrs)
    inlines_to_xhtml(ctx, element, styled.children, after_call)


def citation_part_to_xhtml(ctx: RenderContext, parent: etree._Element, part: CitationPart) -> None:
    """A part of a citation as a classed span; the source as ``cite``, slanted."""
    attrs = {"class": part.field.value}
    if part.field is CitationField.SOURCE:
        element = slanted(ctx, parent, "cite", plain_text(part.children), attrs)
    else:
        element = child(parent, "span", attrs)
    inlines_to_xhtml(ctx, element, part.children)


def link_to_xhtml(ctx: RenderContext, parent: etree._Element, link: Link) -> None:
    """An external link; a bare URL keeps left-to-right order inside right-to-left text and
    may break only after a slash or before a dot (``<wbr>``), never inside its scheme."""
    text = plain_text(link.children)
    attrs = {"href": valid_href(link.href)}
    if is_printed_address(text, link.href):
        attrs["class"] = "url"
        if is_rtl(ctx.brief.meta.language):
            attrs["dir"] = "ltr"
        if all(isinstance(inline, Text) for inline in link.children):
            breakable_url(child(parent, "a", attrs), text)
            return
    inlines_to_xhtml(ctx, child(parent, "a", attrs), link.children)


def breakable_url(anchor: etree._Element, url: str) -> None:
    """``url`` as the text of ``anchor``, breakable only between its pieces
    (:func:`~briefexport.shared.urls.url_pieces`): ``<wbr>`` there, and each piece in
    ``span.url-part``, which CSS keeps whole. A piece longer than a short line may still break
    anywhere rather than run past the margin."""
    for index, piece in enumerate(url_pieces(url)):
        if index:
            child(anchor, "wbr")
        if len(piece) <= LONGEST_UNBROKEN:
            child(anchor, "span", {"class": "url-part"}, piece)
        else:
            append_text(anchor, piece)


def footnote_call(ctx: RenderContext, parent: etree._Element, note: Footnote) -> etree._Element:
    """A call to ``note``, shaped by the placement of the notes; returns the calling element."""
    href = f"#{note_id(note)}"
    if ctx.in_note:  # a note that calls another note: a plain cross-reference
        return child(parent, "a", {"href": href, "class": "note-xref"}, str(note.number))
    ordinal = ctx.count_call(note)
    match ctx.placement:
        case NotePlacement.PAGE_FLOAT:
            if ordinal == 1:
                return floating_note(ctx, parent, note)
            attrs = {"href": href, "id": call_id(note, ordinal)}
            attrs["class"] = "footnote-call footnote-repeat"
        case NotePlacement.AFTER_BLOCK:
            if ordinal == 1:
                ctx.pending.append(note)
            attrs = {EPUB_TYPE: "noteref", "role": "doc-noteref", "class": "footnote-call"}
            attrs |= {"href": href, "id": call_id(note, ordinal)}
        case NotePlacement.END:
            attrs = {"role": "doc-noteref", "class": "footnote-call"}
            attrs |= {"href": href, "id": call_id(note, ordinal)}
        case _:
            assert_never(ctx.placement)
    return child(parent, "a", attrs, str(note.number))


def mark_after_call(ctx: RenderContext, call: etree._Element) -> None:
    """Mark a call right after another; the stylesheets print a Latin comma before it unless
    the call names another separator (:func:`briefexport.shared.notes.call_separator`)."""
    call.set("class", f"{call.get('class')} {AFTER_CALL}")
    separator = call_separator(ctx.brief.meta.language)
    if separator != LATIN_COMMA:
        call.set(SEPARATOR, separator)


def floating_note(ctx: RenderContext, parent: etree._Element, note: Footnote) -> etree._Element:
    """The whole note inline at its first call; CSS ``float: footnote`` moves it to the page foot.

    Its paragraphs are spans, as a block inside a paragraph is not allowed.
    """
    attrs = {"class": "footnote", "id": note_id(note)}
    if note.paragraphs:
        attrs |= direction_attrs(ctx, note.paragraphs[0].children)
    span = child(parent, "span", attrs)
    note_paragraphs_inline(ctx, span, note)
    return span


def note_direction(ctx: RenderContext, inlines: tuple[Inline, ...]) -> Direction:
    """A note paragraph's direction: the brief's, unless it has letters of the other only."""
    return paragraph_direction(inlines, ctx.document_direction)


def direction_attrs(ctx: RenderContext, inlines: tuple[Inline, ...]) -> dict[str, str]:
    """``dir`` for a note paragraph, except in a left-to-right brief where it goes that way."""
    direction = note_direction(ctx, inlines)
    if direction == "ltr" and ctx.document_direction == "ltr":
        return {}
    return {"dir": direction}


def note_paragraphs_inline(ctx: RenderContext, parent: etree._Element, note: Footnote) -> None:
    """A note's paragraphs as ``<span class="fn-p">`` children of ``parent``."""
    ctx.in_note = True
    try:
        for paragraph in note.paragraphs:
            attrs = {"class": "fn-p", **direction_attrs(ctx, paragraph.children)}
            span = child(parent, "span", attrs)
            with ctx.directed(note_direction(ctx, paragraph.children)):
                inlines_to_xhtml(ctx, span, paragraph.children)
    finally:
        ctx.in_note = False
