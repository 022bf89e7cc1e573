"""What follows the body: references, notes printed as endnotes, and the rights line.

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
    """The numbered reference list; each entry carries the label its citations link to."""
    references = ctx.brief.references
    if not references:
        return ""
    items = []
    for reference in references:
        anchor = hash_call("metadata", "none") + label(f"ref-{reference.number}")
        body = anchor + inlines_to_typst(ctx, (reference.citation,))
        items.append(call("enum.item", str(reference.number), content(body)))
    heading = hash_call("heading", level="1", trailing=escape(ctx.label("references")))
    return paragraphs([heading, "#" + call("enum", *items)])


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
    return anchor + number + note_body(ctx, note)


def rights_to_typst(ctx: RenderContext) -> str:
    """The copyright statement and the licence, if any."""
    permissions = ctx.brief.meta.permissions
    if permissions is None:
        return ""
    statement = permissions.statement
    if not statement and permissions.year and permissions.holder:
        statement = f"© {permissions.year} {permissions.holder}"
    licence = permissions.license_text or permissions.license_url
    parts = [escape(statement)] if statement else []
    if permissions.license_url and licence:
        parts.append(hash_call("link", string(permissions.license_url), trailing=escape(licence)))
    elif licence:
        parts.append(escape(licence))
    if not parts:
        return ""
    return "#" + call("rights", content(" ".join(parts)))
