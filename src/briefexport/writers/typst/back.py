"""What follows the body: references and notes printed as endnotes (the colophon is
:mod:`.colophon`'s).

Notes go to the closing "Notes" section only when the placement check could not keep them on
the page of their call; notes no call places are printed in the same way, without a heading,
as the WeasyPrint engine prints them.
"""

from __future__ import annotations

from ...model import Footnote
from .context import RenderContext, endnote_label, note_label
from .inlines import inlines_to_typst, note_body
from .markup import call, content, escape, hash_call, label, paragraphs, string


def references_to_typst(ctx: RenderContext) -> str:
    """The numbered reference list; each entry carries the label its citations link to. The
    last entry is numbered as a paragraph, which a later pass may keep with the colophon
    (:attr:`Layout.with_colophon`): then it is a list of its own after the others."""
    references = ctx.brief.references
    if not references:
        return ""
    items = []
    for reference in references:
        anchor = hash_call("metadata", "none") + label(f"ref-{reference.number}")
        body = anchor + inlines_to_typst(ctx, (reference.citation,))
        items.append(call("enum.item", str(reference.number), content(body)))
    heading = hash_call("heading", level="1", trailing=escape(ctx.label("references")))
    # Its items are the sheet's `li` without a paragraph inside, which CSS sets apart by nothing.
    if ctx.next_paragraph() != ctx.layout.with_colophon:
        return paragraphs([heading, "#" + call("enum", *items, spacing="0pt")])
    before = hash_call(
        "entries-before-kept", trailing="#" + call("enum", *items[:-1], spacing="0pt")
    )
    kept = hash_call("keep-entry-with-colophon", trailing="#" + call("enum", items[-1]))
    return paragraphs([heading, before if items[:-1] else "", kept])


def endnotes_to_typst(ctx: RenderContext) -> str:
    """Notes moved off the page foot (with a heading), then notes no call placed."""
    moved = [note for note in ctx.brief.footnotes if ctx.is_endnote(note)]
    parts = []
    if moved:
        entries = paragraphs(endnote(ctx, note, endnote_label(note)) for note in moved)
        parts.append(
            "#" + call("notes-section", content(escape(ctx.label("notes"))), content(entries))
        )
    uncalled = [note for note in ctx.uncalled_notes() if not ctx.is_endnote(note)]
    if uncalled:
        entries = paragraphs(endnote(ctx, note, note_label(note)) for note in uncalled)
        parts.append("#" + call("notes-section", "none", content(entries)))
    return paragraphs(parts)


def endnote(ctx: RenderContext, note: Footnote, name: str) -> str:
    """One note as a paragraph: its bold number, then its text."""
    number = hash_call("note-number", string(str(note.number)))
    anchor = hash_call("metadata", "none") + label(name)
    entry = anchor + number + note_body(ctx, note)
    direction = ctx.note_direction(note)
    if direction != ctx.brief_direction:  # its paragraphs set in the note's own direction
        return hash_call("text", dir=direction, trailing=entry)
    return entry
