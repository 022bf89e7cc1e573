"""Footnote bodies: each called note becomes a ``w:footnote`` in ``word/footnotes.xml``.

Links inside a note are related from the footnotes part, not from the main document: an id from
the wrong part is a dangling reference and Word reports the file as damaged. A note nothing calls
cannot be a Word footnote (Word needs the call); it follows the body as Footnote Text paragraphs
led by its number, as the PDF prints it, so no format leaves it out.
"""

from __future__ import annotations

from dataclasses import replace

from docx.oxml.ns import qn

from ...model import Footnote, Paragraph
from ...shared.bidi import Direction, paragraph_direction
from . import stylemap as sm
from .blocks import paragraph_to_docx
from .context import Context
from .footnotes import note_mark
from .xml import Element, RunFormat, text_run, w


def notes_to_docx(ctx: Context) -> None:
    """Write the body of every note that was called, in number order."""
    in_notes = replace(ctx, part=ctx.notes.part)
    for note in ctx.brief.footnotes:
        if note.number in ctx.notes.called:
            ctx.notes.add_note(note, note_paragraphs(in_notes, note))


def uncalled_notes_to_docx(ctx: Context) -> list[Element]:
    """The notes no call placed, for the end of the body (call after the body is written)."""
    nodes: list[Element] = []
    for note in ctx.brief.footnotes:
        if note.number not in ctx.notes.called:
            number = RunFormat(style_id=ctx.style(sm.FOOTNOTE_NUMBER), rtl=ctx.rtl)
            tab = w("r")
            if ctx.rtl:
                tab.append(RunFormat(rtl=True).properties())
            tab.append(w("tab"))
            mark = [text_run(str(note.number), number.properties()), tab]
            nodes += note_paragraphs(ctx, note, mark)
    return nodes


def note_paragraphs(
    ctx: Context, note: Footnote, mark: list[Element] | None = None
) -> list[Element]:
    """The note's paragraphs in Footnote Text; the first starts with ``mark``, by default the
    note's number in the note number's style (:data:`.stylemap.FOOTNOTE_NUMBER`).

    Each paragraph takes the brief's direction unless all its letters are of the other (an
    English citation in an Urdu brief, ``w:bidi`` off); runs in the other direction inside a
    paragraph are isolated by :func:`~.inlines.inlines_to_docx`.
    """
    source = note.paragraphs or (Paragraph(()),)
    base: Direction = "rtl" if ctx.rtl else "ltr"
    directions = [paragraph_direction(para.children, base) == "rtl" for para in source]
    paragraphs = [
        paragraph_to_docx(ctx, para, sm.FOOTNOTE_TEXT, rtl)
        for para, rtl in zip(source, directions, strict=True)
    ]
    first = paragraphs[0]
    if mark is None:
        mark = note_mark(ctx.style(sm.FOOTNOTE_NUMBER), directions[0])
    position = 1 if len(first) and first[0].tag == qn("w:pPr") else 0
    first[position:position] = mark
    for later in paragraphs[1:]:  # no number hangs here: start at the text's indent
        properties = later.find(qn("w:pPr"))
        if properties is not None:  # it holds the style: w:ind comes after pStyle and bidi
            properties.append(w("ind", hanging="0"))
    return paragraphs
