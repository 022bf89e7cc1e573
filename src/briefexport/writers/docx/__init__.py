"""DOCX writer: a brief as a Word document editors can keep working in (ECMA-376, transitional).

Built on python-docx 1.2 with our own code where it has no API: real footnotes
(:mod:`.footnotes`), hyperlinks, right-to-left paragraphs, properties and a reproducible zip.
The output starts from a reference document (``styles/reference.docx`` or the institution's own
template given as ``options.reference_docx``), whose styles, page set-up, headers and footers are
kept. Entry point: :func:`write`.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from ...model import Brief
from ...options import WriteOptions
from ...shared.i18n import is_rtl
from ...shared.typeset import typeset
from . import stylemap as sm
from .around_tables import space_around_tables
from .blocks import blocks_to_docx
from .call_look import call_look
from .code_size import size_code_runs
from .context import Context
from .font_choice import use_found_fonts
from .font_embed import embed_fonts
from .fonts import use_language_fonts
from .footnotes import NoteCalls, new_footnotes_part
from .front import back_to_docx, front_to_docx
from .header import fill_running_heads
from .mirror import mirror_side_borders
from .notes import notes_to_docx, uncalled_notes_to_docx
from .package import save_reproducibly
from .properties import set_app_properties, set_core_properties, set_language
from .style_chain import StyleChain
from .table_edge import table_indent
from .template import open_template
from .xml import Element, w

__all__ = ["write"]

# CT_SectPr children after w:bidi (right-to-left section: page columns and gutter mirrored).
SECTION_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as the bytes of a ``.docx`` file; the same input gives the same bytes."""
    brief = typeset(brief, options.smart)
    document, styles = open_template(options)
    rtl = is_rtl(brief.meta.language)
    call_style = styles.id(sm.FOOTNOTE_REFERENCE)
    chain = StyleChain(document.styles.element)  # no style is added from here on
    look = call_look(chain, call_style, styles.id(sm.FOOTNOTE_NUMBER))
    notes = NoteCalls(new_footnotes_part(document), call_style, look)
    indent = table_indent(document, chain, styles.id(sm.TABLE))
    ctx = Context(brief, document, styles, chain, indent, notes, document.part, rtl,
                  brief.meta.language, options.style_dir, options.brand)  # fmt: skip
    brief_to_docx(ctx)
    size_code_runs(document, chain, styles.id(sm.VERBATIM))
    fill_running_heads(ctx)
    set_core_properties(document, brief.meta, options.timestamp)
    set_app_properties(document, brief.meta.publisher)
    set_language(document, brief.meta.language, rtl)
    if options.brand.fonts.urdu_in_print:
        use_language_fonts(document, options.brand.fonts, brief.meta.language)
    if rtl and options.reference_docx is None:  # an institution's template keeps its own sides
        mirror_side_borders(document)
    use_found_fonts(document, options.brand, options.style_dir)
    if options.brand.fonts.embed_in_word:
        embed_fonts(document, chain, options.brand, options.style_dir)
    return save_reproducibly(document, options.timestamp)


def brief_to_docx(ctx: Context) -> None:
    """Front matter, body, back matter and footnotes into the document."""
    body = ctx.document.element.body
    nodes = [*front_to_docx(ctx), *blocks_to_docx(ctx, ctx.brief.body)]
    nodes += [*uncalled_notes_to_docx(ctx), *back_to_docx(ctx)]  # once the calls are known
    nodes = space_around_tables(ctx, nodes)
    section = body.sectPr
    for node in nodes:
        if section is None:
            body.append(node)
        else:
            section.addprevious(node)
    number_drawings(body)
    if ctx.rtl and section is not None and section.find(qn("w:bidi")) is None:
        section.insert_element_before(w("bidi"), *SECTION_AFTER_BIDI)
    notes_to_docx(ctx)


def number_drawings(body: Element) -> None:
    """Give every picture a document-unique ``wp:docPr/@id`` (Word rejects duplicates).

    python-docx numbers a picture from the ids already in the document, but the pictures are
    built before they are placed, so they would all get the same number.
    """
    for number, properties in enumerate(body.iter(qn("wp:docPr")), start=1):
        properties.set("id", str(number))
