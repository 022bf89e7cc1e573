"""Inline content to WordprocessingML runs (ECMA-376 Part 1, 17.3.2), one function per node type.

Formatting is carried down as a :class:`RunFormat`; a run has one character style, so the
innermost one wins (a link's Hyperlink style over a citation's source style).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import assert_never

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ...model import (
    Citation,
    CitationField,
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
from ...shared.bidi import ISOLATE_CLOSE, ISOLATE_OPEN, direction_runs
from ...shared.notes import call_separator, with_call_separators
from . import stylemap as sm
from .context import Context
from .xml import Element, RunFormat, code_run, text_run, w


def reference_bookmark(number: int) -> str:
    """The hidden bookmark on entry ``number`` of the reference list."""
    return f"_RefBib{number}"


def inlines_to_docx(ctx: Context, inlines: Iterable[Inline], fmt: RunFormat) -> list[Element]:
    """Runs, hyperlinks and note calls for a sequence of inlines.

    ``fmt.rtl`` is the direction of the text around them; a stretch in the other direction is
    enclosed in the isolate controls LRI/RLI ... PDI (see :mod:`briefexport.shared.bidi`), which
    Word and LibreOffice apply as the Unicode Bidirectional Algorithm says. A call right after
    another is preceded by a comma ("4,5", "4،5" in Urdu), as in print.
    """
    nodes: list[Element] = []
    for run in direction_runs(tuple(inlines), "rtl" if fmt.rtl else "ltr"):
        inner = fmt if run.isolate is None else replace(fmt, rtl=run.isolate == "rtl")
        if run.isolate is not None:
            nodes.append(text_run(ISOLATE_OPEN[run.isolate], RunFormat(rtl=inner.rtl).properties()))
        for inline, after_call in with_call_separators(run.inlines):
            if after_call:
                nodes.append(ctx.notes.separator(call_separator(ctx.language), ctx.rtl))
            nodes += inline_to_docx(ctx, inline, inner)
        if run.isolate is not None:
            nodes.append(text_run(ISOLATE_CLOSE, RunFormat(rtl=inner.rtl).properties()))
    return nodes


def inline_to_docx(ctx: Context, inline: Inline, fmt: RunFormat) -> list[Element]:
    """The elements for one inline node."""
    match inline:
        case Text(value):
            if fmt.style_id and fmt.style_id == ctx.style(sm.VERBATIM):
                return [code_run(value, fmt.properties())]
            return [text_run(value, fmt.for_text(value).properties())]
        case CitedDate(_, text):
            return [text_run(text, fmt.for_text(text).properties())]
        case Styled(style, children):
            return inlines_to_docx(ctx, children, styled_format(ctx, fmt, style))
        case Link(href, children):
            return [link_to_docx(ctx, href, children, fmt)]
        case FootnoteRef(note):
            return ctx.notes.call(note, ctx.rtl)
        case CitationRef(reference):
            return [citation_call(ctx, reference.number, fmt)]
        case Citation(_, children):
            return inlines_to_docx(ctx, children, fmt)
        case CitationPart(part_field, children):
            return inlines_to_docx(ctx, children, citation_format(ctx, fmt, part_field))
        case _:
            assert_never(inline)


def styled_format(ctx: Context, fmt: RunFormat, style: TextStyle) -> RunFormat:
    """``fmt`` with one more kind of formatting."""
    match style:
        case TextStyle.BOLD:
            return replace(fmt, bold=True)
        case TextStyle.ITALIC:
            return replace(fmt, italic=True)
        case TextStyle.UNDERLINE:
            return replace(fmt, underline=True)
        case TextStyle.SUPERSCRIPT:
            return replace(fmt, vertical="superscript")
        case TextStyle.SUBSCRIPT:
            return replace(fmt, vertical="subscript")
        case TextStyle.SMALL_CAPS:
            return replace(fmt, small_caps=True)
        case TextStyle.MONOSPACE:
            return replace(fmt, style_id=ctx.style(sm.VERBATIM))
        case _:
            assert_never(style)


def citation_format(ctx: Context, fmt: RunFormat, part_field: CitationField) -> RunFormat:
    """Titles and sources of a citation get their own character styles."""
    style_name = citation_style(part_field)
    if style_name is None or fmt.style_id:
        return fmt
    return replace(fmt, style_id=ctx.style(style_name))


def citation_style(part_field: CitationField) -> str | None:
    """The character style of a citation part, or None for those printed as plain text."""
    match part_field:
        case CitationField.ARTICLE_TITLE:
            return sm.CITATION_TITLE
        case CitationField.SOURCE:
            return sm.CITATION_SOURCE
        case CitationField.PERSON_GROUP | CitationField.STRING_NAME | CitationField.COLLAB:
            return None
        case _:
            assert_never(part_field)


def link_to_docx(ctx: Context, href: str, children: Iterable[Inline], fmt: RunFormat) -> Element:
    """A real ``w:hyperlink``; its relationship lives on the part being written."""
    rel_id = ctx.part.relate_to(href, RT.HYPERLINK, is_external=True)
    link = w("hyperlink", history="1")
    link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rel_id)
    link.extend(inlines_to_docx(ctx, children, replace(fmt, style_id=ctx.style(sm.HYPERLINK))))
    return link


def citation_call(ctx: Context, number: int, fmt: RunFormat) -> Element:
    """``[n]`` linked to entry ``n`` of the reference list, in the Hyperlink style: the print
    colours it as every link (the brand's link colour)."""
    link = w("hyperlink", anchor=reference_bookmark(number), history="1")
    call = replace(fmt, style_id=ctx.style(sm.HYPERLINK))
    link.append(text_run(f"[{number}]", call.properties()))
    return link
