"""Note texts placed away from their calls: EPUB 3 footnote asides and HTML endnotes.

EPUB follows the EPUB 3 Structural Semantics Vocabulary and DPUB-ARIA 1.1: a call is
``<a epub:type="noteref" role="doc-noteref">``, the note ``<aside epub:type="footnote"
role="doc-footnote">`` at block level, so reading systems can show it as a popup.
"""

from __future__ import annotations

from lxml import etree

from ...model import Footnote, Inline
from ...shared.notes import call_id, note_id
from .context import NotePlacement, RenderContext
from .inline import direction_attrs, inlines_to_xhtml, note_direction, note_paragraphs_inline
from .markup import EPUB_TYPE, append_text, child


def flush_notes(ctx: RenderContext, container: etree._Element) -> None:
    """Append the asides of the notes first called since the last flush (EPUB placement)."""
    if ctx.placement is not NotePlacement.AFTER_BLOCK:
        return
    notes, ctx.pending = ctx.pending, []
    for note in notes:
        note_aside(ctx, container, note, backlink=True)


def note_aside(
    ctx: RenderContext, container: etree._Element, note: Footnote, backlink: bool
) -> None:
    """``<aside epub:type="footnote">`` with the number linking back to the first call."""
    attrs = {EPUB_TYPE: "footnote", "role": "doc-footnote", "id": note_id(note)}
    aside = child(container, "aside", {**attrs, "class": "footnote"})
    for index, paragraph in enumerate(note.paragraphs):
        p = child(aside, "p", note_paragraph_attrs(ctx, paragraph.children))
        if index == 0:
            note_number(p, note, backlink)
        note_text(ctx, p, paragraph.children)


def note_paragraph_attrs(ctx: RenderContext, inlines: tuple[Inline, ...]) -> dict[str, str]:
    """A note paragraph takes the brief's direction unless all its letters are of the other (an
    English citation in an Urdu brief); runs in the other direction inside it are isolated."""
    return {"class": "fn-p", **direction_attrs(ctx, inlines)}


def note_number(p: etree._Element, note: Footnote, backlink: bool) -> None:
    """The note's number, linking back to its first call when there is one."""
    if backlink:
        attrs = {"href": f"#{call_id(note, 1)}", "role": "doc-backlink", "class": "footnote-number"}
        child(p, "a", attrs, f"{note.number}.")
    else:
        child(p, "span", {"class": "footnote-number"}, f"{note.number}.")
    append_text(p, " ")


def note_text(ctx: RenderContext, parent: etree._Element, inlines: tuple[Inline, ...]) -> None:
    ctx.in_note = True
    try:
        with ctx.directed(note_direction(ctx, inlines)):
            inlines_to_xhtml(ctx, parent, inlines)
    finally:
        ctx.in_note = False


def leftover_notes(ctx: RenderContext, container: etree._Element) -> None:
    """Notes that no call placed: asides without back-link (EPUB) or a plain closing list."""
    notes = ctx.uncalled_notes()
    if not notes or ctx.placement is NotePlacement.END:
        return
    if ctx.placement is NotePlacement.AFTER_BLOCK:
        for note in notes:
            note_aside(ctx, container, note, backlink=False)
        return
    section = child(container, "section", {"class": "endnotes uncalled"})
    for note in notes:
        div = child(section, "div", {"class": "endnote", "id": note_id(note)})
        p = child(div, "p", {"class": "fn-p"})
        note_number(p, note, backlink=False)
        note_paragraphs_inline(ctx, p, note)


def endnotes_section(ctx: RenderContext, container: etree._Element) -> None:
    """The closing list of notes, each with back-links to every one of its calls (HTML)."""
    if ctx.placement is not NotePlacement.END or not ctx.brief.footnotes:
        return
    attrs = {"id": "endnotes", "class": "endnotes", "role": "doc-endnotes"}
    attrs["aria-labelledby"] = "endnotes-title"
    section = child(container, "section", attrs)
    child(section, "h2", {"id": "endnotes-title"}, ctx.label("notes"))
    items = child(section, "ol")
    for note in ctx.brief.footnotes:
        item = child(items, "li", {"id": note_id(note), "value": str(note.number)})
        for paragraph in note.paragraphs:
            attrs = note_paragraph_attrs(ctx, paragraph.children)
            note_text(ctx, child(item, "p", attrs), paragraph.children)
        backlinks(ctx, item[-1] if len(item) else item, note)


def backlinks(ctx: RenderContext, parent: etree._Element, note: Footnote) -> None:
    """One "↩" link per call of ``note``."""
    label = ctx.label("back_to_text")
    for ordinal in range(1, ctx.calls.get(note.number, 0) + 1):
        append_text(parent, " ")
        attrs = {"href": f"#{call_id(note, ordinal)}", "role": "doc-backlink"}
        child(parent, "a", {**attrs, "class": "backlink", "aria-label": f"{label} {ordinal}"}, "↩")
