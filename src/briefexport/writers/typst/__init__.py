"""``--to pdf --pdf-engine typst``: the printed brief through Typst 0.15, in this process.

The brief becomes Typst markup (:mod:`.markup` escapes every string of the brief, so a brief
can never run Typst code) after the house style (:mod:`.style`: ``brand.toml`` as a Typst
dictionary and the metrics of its fonts, then ``house-lines.typ``, ``house.typ``,
``house-front.typ`` and ``house-body.typ``), and is compiled
in a private folder with only the brand's fonts (:mod:`.compile`, :mod:`.fonts`). Typst's own
query then says on which page each note and its call landed; :mod:`.placement` corrects strays
and compiles again.

``options.pdf_standard``: ``pdf/a-3b`` (default; the canonical JATS attached as
``AFRelationship /Source``), ``pdf/a-3b+ua-1`` (both at once, with the attachment),
``pdf/a-3a``, ``pdf/ua-1`` (no attachment) or ``none`` (a tagged PDF 1.7). The output is
tagged (``Note`` elements for footnotes) and reproducible for a fixed ``options.timestamp``.
No veraPDF runs here: conformance is Typst's claim, not verified.
"""

from __future__ import annotations

from typing import NamedTuple

from ...model import Brief
from ...options import PdfStandard, WriteOptions
from ...shared.front import running_head
from ...shared.i18n import long_date
from ...shared.typeset import typeset as smart_typeset
from ..print_resolution import PixelSizes
from .back import endnotes_to_typst, references_to_typst
from .blocks import blocks_to_typst, ends_with_paragraph
from .colophon import colophon_to_typst
from .compile import NotePage, Workspace
from .context import Layout, RenderContext, note_label
from .fonts import REPLACEMENT, warn_undrawable
from .front import document_metadata, front_to_typst
from .markinfo import without_default_suspects
from .markup import array, call, content, escape, paragraphs, string
from .placement import corrected, keeps_colophon, lone_lines, shortened, strays
from .style import house_rules, preamble, rule_groups
from .xmp import with_rights

SOURCE_NAME = "brief.xml"
SOURCE_DESCRIPTION = "Canonical JATS 1.3 source of this brief"


class Typeset(NamedTuple):
    """A compiled brief: the PDF, where Typst put each page note, and the layout that did it."""

    pdf: bytes
    notes: list[NotePage]
    layout: Layout


def write(brief: Brief, options: WriteOptions, known: PixelSizes | None = None) -> bytes:
    """The brief as PDF bytes, every note on the page of its call (or an endnote); ``known``:
    the pixel sizes of figures the caller has opened already."""
    return typeset(brief, options, known=known).pdf


def typeset(
    source: Brief,
    options: WriteOptions,
    layout: Layout | None = None,
    known: PixelSizes | None = None,
) -> Typeset:
    """Compile, check where the notes landed, correct and compile again until none strays.

    The brief is printed with smart typography (``options.smart``); the attached JATS keeps the
    source's own characters. Each correction keeps a paragraph whole or moves a note to the
    endnotes, the colophon is kept with the text once, and a page is shortened by at most
    three lines for a paragraph, so the loop ends.
    """
    brief = smart_typeset(source, options.smart)
    sizes: PixelSizes = {} if known is None else known  # each figure opened once, not per pass
    with Workspace(options.brand, options.style_dir) as workspace:
        start = layout or Layout()
        ctx, text = brief_to_typst(brief, options, start, workspace, sizes, warn=True)
        workspace.add_files(files_of(source, options, ctx))
        while True:
            pdf = workspace.compile(text, options.pdf_standard, options.timestamp)
            places = workspace.places()
            stray = strays(places.notes)
            keep = keeps_colophon(ctx, places.colophon, options.brand)
            lone = shortened(ctx.layout, lone_lines(places.lines))
            if not (stray or keep or lone):
                pdf = without_default_suspects(with_rights(pdf, brief.meta))
                return Typeset(pdf, places.notes, ctx.layout)
            layout = corrected(lone or ctx.layout, stray, ctx)
            if keep:
                layout = layout._replace(with_colophon=ctx.closing_paragraph)
            ctx, text = brief_to_typst(brief, options, layout, workspace, sizes)


def files_of(brief: Brief, options: WriteOptions, ctx: RenderContext) -> dict[str, bytes]:
    """The figures under their private names, and the canonical JATS to attach."""
    files = {name: image.data for name, image in ctx.images.items()}
    if options.pdf_standard.is_pdf_a_3:
        from ..jats import write as write_jats

        files[SOURCE_NAME] = write_jats(brief, options)
    return files


def brief_to_typst(
    brief: Brief,
    options: WriteOptions,
    layout: Layout,
    workspace: Workspace,
    sizes: PixelSizes | None = None,
    warn: bool = False,
) -> tuple[RenderContext, str]:
    """The whole Typst document for ``brief``, and the pass's context (calls, figures).

    The workspace indexes the fonts the document's text needs; the brand's families it lacks are
    left out of the font lists. A character no installed font draws is reported (``warn``) and,
    under PDF/A and PDF/UA, which forbid the ``.notdef`` glyph, printed as U+FFFD. ``sizes``
    holds the figures' pixel sizes found so far (by the warning or an earlier pass); a figure
    not in it is opened once and added.
    """
    ctx = RenderContext(brief, options.style_dir, layout, options.brand, sizes)
    parts = [attachment(options), front_to_typst(ctx), blocks_to_typst(ctx, brief.body, 0)]
    closing = ctx.paragraph if ends_with_paragraph(brief.body) else 0
    references = references_to_typst(ctx)
    if references:  # its last entry is numbered as a paragraph
        closing = ctx.paragraph
    back = [references, endnotes_to_typst(ctx)]
    ctx.closing_paragraph = 0 if back[-1] else closing  # the text ends with a paragraph or entry
    document = paragraphs([*parts, *back, colophon_to_typst(ctx)])
    house = house_call(ctx, document)
    body = paragraphs([document_metadata(brief), "#show: " + house, document])
    choice = workspace.use_fonts(body + house_rules(), "#mono" in body, brief.meta.language)
    replace = options.pdf_standard is not PdfStandard.NONE
    if warn:
        warn_undrawable(choice.undrawable, replace)
    if replace and choice.undrawable:
        body = body.translate({ord(char): REPLACEMENT for char in choice.undrawable})
    return ctx, paragraphs([preamble(brief, options, workspace.fonts, choice.cjk), body]) + "\n"


def house_call(ctx: RenderContext, document: str) -> str:
    """The house style's call for ``document``: running line, date, the rule groups it needs and
    the notes set in the other direction from the brief's."""
    turned = [string(note_label(note)) for note in ctx.turned_notes()]
    return call(
        "house.with",
        running=running_line(ctx.brief),
        date=header_date(ctx.brief),
        rules=rule_groups(document),
        **({"turned": array(turned)} if turned else {}),
    )


def running_line(brief: Brief) -> str:
    """Text of the running header: running head, else series, else title."""
    return content(escape(running_head(brief.meta)))


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
