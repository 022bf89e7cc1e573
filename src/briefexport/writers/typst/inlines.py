"""Inline content to Typst markup: formatting, links, citations and footnote calls.

The first call of a note carries the note itself (``#footnote[...]<fn-3>``), so Typst prints it
at the foot of the calling page; a later call refers to it (``#footnote(<fn-3>)``) and shows the
same number. Each note and reference prints the model's number (``numbering: numbered("3")``),
not Typst's footnote counter, so the numbers are the model's even when a note is moved to the
endnotes, and they are right in Typst's first layout pass: with a counter, every calling
paragraph and note is laid out again once the counter is known. Functions such as ``mono`` and
``note-call`` are the house style's (``house-body.typ``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

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
    Paragraph,
    Styled,
    Text,
    TextStyle,
)
from ...shared.bidi import ISOLATE_CLOSE, ISOLATE_OPEN, direction_runs, has_rtl_letters
from ...shared.notes import call_separator, with_call_separators
from ...shared.runs import OVERLONG_RUN, cluster_pieces
from ...shared.urls import LONGEST_UNBROKEN, is_printed_address, url_pieces
from .context import RenderContext, endnote_label, note_label
from .markup import call, escape, hash_call, label, paragraphs, string
from .runs import Spans, run_spans

STYLE_FUNCTIONS: dict[TextStyle, str] = {
    TextStyle.BOLD: "strong",
    TextStyle.ITALIC: "emph",
    TextStyle.UNDERLINE: "underline",
    TextStyle.SUPERSCRIPT: "super",
    TextStyle.SUBSCRIPT: "sub",
    TextStyle.SMALL_CAPS: "smallcaps",
    TextStyle.MONOSPACE: "mono",
}


def inlines_to_typst(ctx: RenderContext, inlines: Iterable[Inline]) -> str:
    """Markup for a run of inline nodes; calls side by side read "4,5", as in print. Overlong
    runs are found across the nodes of a text once, where it starts (:mod:`.runs`)."""
    inlines = tuple(inlines)
    if ctx.run_spans is not None:  # inside a text whose runs are known
        return separated(ctx, inlines)
    ctx.run_spans = run_spans(inlines)
    try:
        return separated(ctx, inlines)
    finally:
        ctx.run_spans = None


def separated(ctx: RenderContext, inlines: tuple[Inline, ...]) -> str:
    """The markup of each node; a stretch in the other direction is enclosed in the isolate
    controls LRI/RLI ... PDI (see :mod:`briefexport.shared.bidi`), which Typst applies as the
    Unicode Bidirectional Algorithm says."""
    parts = []
    around = ctx.direction
    for run in direction_runs(inlines, around):
        if run.isolate is None:
            parts.append(calls_separated(ctx, run.inlines))
            continue
        ctx.direction = run.isolate
        try:
            parts += ISOLATE_OPEN[run.isolate], calls_separated(ctx, run.inlines), ISOLATE_CLOSE
        finally:
            ctx.direction = around
    return "".join(parts)


def calls_separated(ctx: RenderContext, inlines: tuple[Inline, ...]) -> str:
    """The markup of each node, a separator before a call right after another."""
    parts = []
    for inline, after_call in with_call_separators(inlines):
        if after_call:
            parts.append(hash_call("note-separator", trailing=escape(call_separator(ctx.language))))
        parts.append(inline_to_typst(ctx, inline))
    return "".join(parts)


def inline_to_typst(ctx: RenderContext, inline: Inline) -> str:
    """Markup for one inline node."""
    match inline:
        case Text(value):
            return text_markup(value, (ctx.run_spans or {}).get(id(inline)))
        case Styled(TextStyle.ITALIC, children):
            return slanted(inlines_to_typst(ctx, children), plain_text(children))
        case Styled(style, children):
            function = STYLE_FUNCTIONS[style]
            if ctx.in_note and style is TextStyle.SUPERSCRIPT:
                function = "raised"  # the note's number is its one `super` (house.typ)
            return hash_call(function, trailing=inlines_to_typst(ctx, children))
        case Link():
            return link_to_typst(ctx, inline)
        case FootnoteRef(note):
            return footnote_call(ctx, note)
        case CitationRef(reference):
            target = label(f"ref-{reference.number}")
            return hash_call("link", target, trailing=escape(f"[{reference.number}]"))
        case Citation(_, children):
            return inlines_to_typst(ctx, children)
        case CitationPart(citation_field, children):
            markup = inlines_to_typst(ctx, children)
            if citation_field is CitationField.SOURCE:
                return slanted(markup, plain_text(children))
            return markup
        case CitedDate(_, text):
            return escape(text)
        case _:
            assert_never(inline)


def text_markup(text: str, spans: Spans | None = None) -> str:
    """``text`` as markup. Typst 0.15 lets a word wider than the line run past the margin
    (CSS's overflow-wrap has no counterpart), so each overlong run
    (:mod:`briefexport.shared.runs`) is set cluster by cluster in boxes: a line may break
    between two boxes (UAX #14: around an inline object) and, unlike a ZERO WIDTH SPACE, a box
    adds no character to the PDF's text, which copies and is found as written. ``spans``: where
    the runs lie when they were found across nodes (:mod:`.runs`), else in ``text`` alone."""
    if spans is None:
        spans = tuple(run.span() for run in OVERLONG_RUN.finditer(text))
    parts, end = [], 0
    for begin, stop in spans:
        parts.append(escape(text[end:begin]))
        parts.extend(hash_call("box", trailing=escape(c)) for c in cluster_pieces(text[begin:stop]))
        end = stop
    parts.append(escape(text[end:]))
    return "".join(parts)


def slanted(markup: str, text: str) -> str:
    """``markup`` in italics, or upright when ``text`` has Arabic-script or Hebrew letters,
    which have no italics (a slanted Naskh is only a synthetic oblique)."""
    return markup if has_rtl_letters(text) else hash_call("emph", trailing=markup)


def footnote_call(ctx: RenderContext, note: Footnote) -> str:
    """A call to ``note``: the note itself, a reference to it, or a link to its endnote."""
    number = string(str(note.number))
    if ctx.in_note:  # a note that calls another note: a plain cross-reference
        return hash_call("note-call", label(target_label(ctx, note)), number)
    ordinal = ctx.count_call(note)
    if ctx.is_endnote(note):
        return hash_call("note-call", label(target_label(ctx, note)), number)
    numbering = call("numbered", number)
    if ordinal > 1:
        return hash_call("footnote", label(note_label(note)), numbering=numbering)
    body = note_body(ctx, note)
    return hash_call("footnote", numbering=numbering, trailing=body) + label(note_label(note))


def target_label(ctx: RenderContext, note: Footnote) -> str:
    """Where a link to ``note`` points: its endnote, else its page note."""
    return endnote_label(note) if ctx.is_endnote(note) else note_label(note)


def note_body(ctx: RenderContext, note: Footnote) -> str:
    """A note's paragraphs as markup; calls inside it are cross-references."""
    ctx.in_note, outer_runs, ctx.run_spans = True, ctx.run_spans, None  # a text of its own
    around, ctx.direction = ctx.direction, ctx.note_direction(note)
    try:
        return paragraphs(paragraph_markup(ctx, paragraph) for paragraph in note.paragraphs)
    finally:
        ctx.in_note, ctx.run_spans, ctx.direction = False, outer_runs, around


def paragraph_markup(ctx: RenderContext, paragraph: Paragraph) -> str:
    return inlines_to_typst(ctx, paragraph.children)


def link_to_typst(ctx: RenderContext, link: Link) -> str:
    """An external link; a bare URL in right-to-left text is kept whole and left to right."""
    text = plain_text(link.children)
    printed = is_printed_address(text, link.href)
    if printed and all(isinstance(inline, Text) for inline in link.children):
        markup = hash_call("link", string(link.href), trailing=address(text))
    else:
        markup = hash_call("link", string(link.href), trailing=inlines_to_typst(ctx, link.children))
    if ctx.rtl and printed:
        return hash_call("ltr-url", trailing=markup)
    return markup


def address(url: str) -> str:
    """A web address that breaks only between its pieces (:mod:`briefexport.shared.urls`):
    each piece in a ``box``, inside which a line never breaks nor is a word hyphenated, and
    between which it may (UAX #14: around an inline object, as at HTML's ``<wbr>``; a box
    is one link annotation, as WeasyPrint's ``span`` is). A long piece is boxed when it fits
    the line (``url-piece``), else it may break anywhere."""
    return "".join(
        hash_call("box", string(piece))
        if len(piece) <= LONGEST_UNBROKEN
        else hash_call("url-piece", string(piece), trailing=text_markup(piece))
        for piece in url_pieces(url)
    )
