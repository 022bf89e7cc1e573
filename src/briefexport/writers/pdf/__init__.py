"""``--to pdf``: a print-ready brief through WeasyPrint 70 (CSS Paged Media and CSS GCPM).

The shared XHTML renderer gives the document with page-float notes; ``styles/pdf.css`` and the
brand give the house style. :mod:`.notes_stay` keeps each note on its call's page within
WeasyPrint's own layout; :mod:`.footnotes` then checks the laid-out pages and corrects what is
still wrong (a note that cannot fit becomes an endnote). :mod:`.hyphenation` spares each cold
run the parsing of whole hyphenation dictionaries; :mod:`.hyphen_lines` allows no more than two
hyphenated lines in a row; with :mod:`.whole_words` and :mod:`.word_marks` it hyphenates names
and a paragraph's last word only to save a very loose line, and a title never breaks at a
compound's own hyphen. :mod:`.anywhere` breaks and measures table words that may break
anywhere as CSS Text 3 says; :mod:`.table_header` prints a table header that cannot share a page
with a whole first row; :mod:`.note_area` lays each page's notes out once; :mod:`.release` gives
the layout's memory back once drawn. :mod:`.actualtext` gives Devanagari and other complex-script
text its real characters in the text layer. :mod:`.page_references`, :mod:`.cffi_types`,
:mod:`.compression` and :mod:`.serialise_once` keep writing the PDF cheap and its time per page
flat as briefs grow; :mod:`.percentages`, :mod:`.style_memory`, :mod:`.math_check` and
:mod:`.glyph_runs` spare layout and drawing work WeasyPrint repeats for every box and glyph, and
:mod:`.roomy_stack` spares the deep recursion of layout and drawing the frame-stack chunks
CPython would otherwise make and free by the thousand. Per brief, :mod:`.html_tree` gives
WeasyPrint the XHTML as a tree instead of text to parse again, :mod:`.page_styles` lets pages
with the same ``@page`` rules share their computed styles, :mod:`.pango_contexts` makes one
Pango context per language and direction instead of one per piece of text, and
:mod:`.kept_layouts` draws a line that is not justified from the layout its line breaking
shaped. All resources go through a sandboxed
fetcher, and :mod:`.glib_log` makes Pango's own messages the brief's warning lines.

``options.pdf_standard`` (default ``pdf/a-3b``):

* ``pdf/a-3b``: PDF/A-3b, tagged, the canonical JATS embedded as ``AFRelationship /Source``;
* ``pdf/a-3a``: the same with WeasyPrint's PDF/A-3a tagging rules;
* ``pdf/ua-1``: PDF/UA-1 (tagged, document title shown), no attachment;
* ``none``: a plain tagged PDF 1.7.

``pdf/a-3b+ua-1`` is refused: WeasyPrint claims one standard per file (the Typst engine,
``--pdf-engine typst``, can claim both).

No veraPDF runs here: conformance to PDF/A and PDF/UA is WeasyPrint's claim, not verified.
"""

from __future__ import annotations

# isort: off
from . import startup  # before WeasyPrint: it trims WeasyPrint's start-up
# isort: on

from functools import partial
from typing import Any, assert_never

from lxml import etree
from weasyprint import Attachment, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from ...errors import BriefexportError, OutputError, UnsafeResourceError
from ...model import Brief
from ...options import PdfStandard, WriteOptions
from ...shared.coverage import prefetch_installed_charsets
from ...shared.notes import note_id
from ...shared.typeset import typeset
from ..xhtml import NotePlacement, brief_to_xhtml
from . import (
    actualtext,
    anywhere,
    cffi_types,
    compression,
    glyph_runs,
    hyphen_lines,
    hyphenation,
    kept_layouts,
    math_check,
    note_area,
    notes_stay,
    page_references,
    page_styles,
    pango_contexts,
    percentages,
    release,
    roomy_stack,
    serialise_once,
    style_memory,
    table_header,
)
from .fetcher import SandboxedFetcher
from .fonttime import font_timestamp
from .footnotes import FootnotePlacer
from .glib_log import pango_messages_routed
from .glyphs import warn_missing_characters
from .html_tree import weasyprint_html
from .metadata import set_metadata, source_attachment
from .prepare import move_to_endnotes, number_notes, set_running_head
from .stylesheet import house_style, placed_refusal, style_root, style_roots
from .word_marks import mark_words

PDF_A_CLASS = "pdf-a"
URDU_FONTS_CLASS = "urdu-fonts"

startup.finish_start_up()  # WeasyPrint is imported: give back what its import borrowed


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The brief as PDF bytes; raises UnsafeResourceError for any refused resource."""
    standard = options.pdf_standard
    with (
        font_timestamp(options.timestamp),
        release.full_collections_deferred(),
        pango_messages_routed(),
    ):
        try:
            return roomy_stack.call(_write, brief, options, standard)
        except FatalURLFetchingError as error:
            cause = error.__cause__
            if isinstance(cause, UnsafeResourceError):
                raise placed_refusal(cause, options) from None
            raise OutputError(f"PDF: {error}") from None


def _write(source: Brief, options: WriteOptions, standard: PdfStandard) -> bytes:
    prefetch_installed_charsets()  # fc-list runs while the markup is made
    _install_adaptations()
    brief = typeset(source, options.smart)  # the source's own characters go into the attachment
    variant = _variant(standard)
    fetcher = SandboxedFetcher(style_roots(options))
    style = house_style(options, fetcher)
    tree = brief_to_xhtml(
        brief, NotePlacement.PAGE_FLOAT, style_dir=options.style_dir, brand=options.brand
    )
    prepare_tree(tree, brief, standard, nastaliq=options.brand.fonts.urdu_in_print)
    warn_missing_characters(tree.itertext(), options.style_dir)
    render = partial(
        _render, fetcher=fetcher, fonts=style.fonts, css=style.sheets, base_url=_base_url(options)
    )
    make_endnote = partial(move_to_endnotes, tree, brief=brief)
    notes = {note_id(note): note for note in brief.footnotes}
    kept = notes_stay.install()
    placer = FootnotePlacer(tree, render, make_endnote, kept_in_layout=kept, notes=notes)
    with (  # laid out and drawn
        style_memory.remembering_styles(),
        pango_contexts.remembering_setups(),
    ):
        document = placer.place()
        release.collect_layout_garbage(document)
        drop_empty_links(document)
        set_metadata(document, brief, options)
        attachments = _attachments(source, options, standard)
        pdf: bytes = document.write_pdf(finisher=_finish, attachments=attachments, **variant)
    return pdf


def _install_adaptations() -> None:
    """The pinned speed-ups of the libraries under WeasyPrint, each installed once."""
    hyphenation.install()
    actualtext.install()
    page_references.install()
    cffi_types.install()
    compression.install()
    serialise_once.install()
    glyph_runs.install()
    math_check.install()
    pango_contexts.install()


def drop_empty_links(document: Document) -> None:
    """Leave out link areas of no width: the break opportunity (``<wbr>``) inside a URL is a box
    of its own, which would become a link annotation nobody can click."""
    for page in document.pages:
        page.links = [link for link in page.links if link[2][2] > link[2][0]]


def _finish(document: Document, pdf: Any) -> None:
    """Right before the PDF is written: one entry per attachment, the boxes let go."""
    _unique_associated_files(pdf)
    release.release_boxes(document, pdf)


def _unique_associated_files(pdf: Any) -> None:
    # WeasyPrint 70's PDF/A code lists each attachment twice in the catalog's /AF array.
    files = pdf.catalog.get("AF")
    if files:
        unique = list(dict.fromkeys(files))
        del files[:]
        files.extend(unique)


def _variant(standard: PdfStandard) -> dict[str, str | bool]:
    match standard:
        case PdfStandard.PDF_A_3B | PdfStandard.PDF_A_3A | PdfStandard.PDF_UA_1:
            return {"pdf_variant": standard.value, "pdf_tags": True}
        case PdfStandard.NONE:
            return {"pdf_tags": True}
        case PdfStandard.PDF_A_3B_UA_1:
            raise BriefexportError(
                "PDF: WeasyPrint cannot claim PDF/A-3b and PDF/UA-1 in one file; "
                "use --pdf-engine typst"
            )
        case _:
            assert_never(standard)


def prepare_tree(
    tree: etree._Element, brief: Brief, standard: PdfStandard, nastaliq: bool = False
) -> None:
    """Number notes, set the running header, mark the words kept whole (:mod:`.word_marks`),
    PDF/A output and Urdu set in the brand's Urdu fonts (``html.urdu-fonts``) for their CSS
    rules."""
    number_notes(tree, brief)
    set_running_head(tree, brief)
    mark_words(tree)
    marks = [PDF_A_CLASS] if standard.is_pdf_a_3 else []
    if nastaliq:
        marks.append(URDU_FONTS_CLASS)
    if marks:
        classes = (tree.get("class") or "").split()
        tree.set("class", " ".join([*classes, *marks]))


def _render(
    tree: etree._Element,
    *,
    fetcher: SandboxedFetcher,
    fonts: FontConfiguration,
    css: list[object],
    base_url: str,
) -> Document:
    html = weasyprint_html(tree, base_url, fetcher)
    with (
        notes_stay.keeping_notes_with_calls(),
        hyphen_lines.limiting_hyphenated_lines(),
        anywhere.breaking_words_anywhere(),
        table_header.keeping_table_headers(),
        note_area.remembering_note_layouts(),
        percentages.resolving_once(),
        kept_layouts.keeping_layouts(),
        page_styles.sharing_page_styles(),
    ):
        document: Document = html.render(stylesheets=css, font_config=fonts)
    return document


def _base_url(options: WriteOptions) -> str:
    return style_root(options).as_uri() + "/"


def _attachments(brief: Brief, options: WriteOptions, standard: PdfStandard) -> list[Attachment]:
    if not standard.is_pdf_a_3:
        return []
    return [source_attachment(brief, options)]
