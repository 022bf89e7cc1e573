"""``--to pdf --pdf-engine typst``: the printed brief through Typst 0.15, in this process.

The brief becomes Typst markup (:mod:`.markup` escapes every string of the brief, so a brief
can never run Typst code) after the house style (:mod:`.style`: ``brand.toml`` as a Typst
dictionary, then ``house.typ``), and is compiled in a private folder with only the brand's
fonts (:mod:`.compile`, :mod:`.fonts`). Typst's own query then says on which page each note
and its call landed; :mod:`.placement` corrects strays and compiles again.

``options.pdf_standard``: ``pdf/a-3b`` (default; the canonical JATS attached as
``AFRelationship /Source``), ``pdf/a-3b+ua-1`` (both at once, with the attachment),
``pdf/a-3a``, ``pdf/ua-1`` (no attachment) or ``none`` (a tagged PDF 1.7). The output is
tagged (``Note`` elements for footnotes) and reproducible for a fixed ``options.timestamp``.
No veraPDF runs here: conformance is Typst's claim, not verified.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...inlines import plain_text
from ...model import Brief
from ...options import WriteOptions
from ...shared.i18n import long_date
from .back import endnotes_to_typst, references_to_typst, rights_to_typst
from .blocks import blocks_to_typst
from .compile import NotePage, Workspace
from .context import Layout, RenderContext
from .fonts import for_text, warn_uncovered
from .front import document_metadata, front_to_typst
from .markup import call, content, escape, paragraphs, string
from .placement import corrected, strays
from .style import preamble

SOURCE_NAME = "brief.xml"
SOURCE_DESCRIPTION = "Canonical JATS 1.3 source of this brief"


@dataclass(frozen=True, slots=True)
class Typeset:
    """A compiled brief: the PDF, where Typst put each page note, and the layout that did it."""

    pdf: bytes
    notes: list[NotePage]
    layout: Layout


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as PDF bytes, every note on the page of its call (or an endnote)."""
    return typeset(brief, options).pdf


def typeset(brief: Brief, options: WriteOptions, layout: Layout | None = None) -> Typeset:
    """Compile, check where the notes landed, correct and compile again until none strays.

    Each correction keeps a paragraph whole or moves a note to the endnotes, so the loop ends.
    """
    _, draft = brief_to_typst(brief, options, layout or Layout(), frozenset())
    options = dataclasses.replace(options, brand=for_text(options.brand, [draft]))
    with Workspace(options.brand, options.style_dir) as workspace:
        ctx, source = brief_to_typst(brief, options, layout or Layout(), workspace.families)
        warn_uncovered([source], options.brand, options.style_dir)
        workspace.add_files(files_of(brief, options, ctx))
        while True:
            pdf = workspace.compile(source, options.pdf_standard, options.timestamp)
            notes = workspace.note_pages()
            stray = strays(notes)
            if not stray:
                return Typeset(pdf, notes, ctx.layout)
            layout = corrected(ctx.layout, stray, ctx)
            ctx, source = brief_to_typst(brief, options, layout, workspace.families)


def files_of(brief: Brief, options: WriteOptions, ctx: RenderContext) -> dict[str, bytes]:
    """The figures under their private names, and the canonical JATS to attach."""
    files = {name: image.data for name, image in ctx.images.items()}
    if options.pdf_standard.is_pdf_a_3:
        from ..jats import write as write_jats

        files[SOURCE_NAME] = write_jats(brief, options)
    return files


def brief_to_typst(
    brief: Brief, options: WriteOptions, layout: Layout, families: frozenset[str]
) -> tuple[RenderContext, str]:
    """The whole Typst document for ``brief``, and the pass's context (calls, figures).

    ``families`` are the font families Typst can use (in lower case); the brand's others are
    left out of the font lists.
    """
    ctx = RenderContext(brief, options.style_dir, layout)
    parts = [
        preamble(brief, options, families),
        document_metadata(brief),
        "#show: " + call("house.with", running=running_head(brief), date=header_date(brief)),
        attachment(options),
        front_to_typst(ctx),
        blocks_to_typst(ctx, brief.body, 0),
        references_to_typst(ctx),
        endnotes_to_typst(ctx),
        rights_to_typst(ctx),
    ]
    return ctx, paragraphs(parts) + "\n"


def running_head(brief: Brief) -> str:
    """Text of the running header: running head, else series, else title."""
    meta = brief.meta
    return content(escape(meta.running_head or meta.series or plain_text(meta.title)))


def header_date(brief: Brief) -> str:
    return content(escape(long_date(brief.meta.date, brief.meta.language)))


def attachment(options: WriteOptions) -> str:
    """The canonical JATS as a PDF/A-3 associated file (relationship Source)."""
    if not options.pdf_standard.is_pdf_a_3:
        return ""
    named = {"relationship": string("source"), "mime_type": string("application/xml")}
    return "#" + call(
        "pdf.attach", string(SOURCE_NAME), **named, description=string(SOURCE_DESCRIPTION)
    )
