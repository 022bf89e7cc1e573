"""The Typst PDF puts text where the print stylesheet (``pdf.css``) puts it in the WeasyPrint
PDF: lists, notes, the abstract and the quotation start their text the sheet's padding (and
rule) in, and the front matter, the suggested citation and the identity lines are spaced as the
sheet's cascade spaces them. Positions are read back with ``pdftotext -bbox``; where Typst and
CSS lay out line boxes alike, the expected place is computed from the sheet, elsewhere it is
the WeasyPrint engine's (the engines' line boxes differ by a fraction of a point)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefexport.model import (
    Brief,
    Footnote,
    FootnoteRef,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Text,
)
from briefexport.options import PdfEngine, default_options
from briefexport.shared.brand import load_brand
from briefexport.shared.print_sheet import Css
from briefexport.shared.styles import default_style_dir
from briefexport.writers.typst import typeset as typst_typeset
from briefexport.writers.typst.context import Layout
from support.docx import house_sheet
from support.pdf import WordBox, word_boxes
from support.typst import metadata
from support.written_pdfs import written_pdf

BRAND = load_brand(default_style_dir())
SIZES = BRAND.sizes
MARGIN = BRAND.page.margin_inner * 72 / 25.4
NOTE = "A note long enough to run onto a second line at the foot of the page, where its lines " * 2


def item(text: str) -> ListItem:
    return ListItem((Paragraph((Text(text),)),))


def sample() -> Brief:
    note = Footnote("n1", 1, (Paragraph((Text("Notewords " + NOTE),)),))
    meta = dataclasses.replace(
        metadata(), abstract=(Paragraph((Text("Abstractwords " + "of the brief, " * 30),)),)
    )
    body = (
        Paragraph((Text("Leadwords of the body."), FootnoteRef(note), Text(" It ends here."))),
        ListBlock(False, (item("Bulletwords one."), item("Bulletwords two."))),
        ListBlock(True, tuple(item(f"Numberwords {n}.") for n in range(1, 11))),
        Quote((Paragraph((Text("Quotewords " + "said at the harbour, " * 12),)),)),
    )
    return Brief(meta, body, (note,))


def typeset(brief: Brief, engine: PdfEngine, style_dir: Path | None = None) -> list[WordBox]:
    named = {"style_dir": str(style_dir)} if style_dir else {}
    options = default_options(brief, pdf_engine=engine, pdf_standard="none", **named)  # type: ignore[arg-type]
    return word_boxes(written_pdf(brief, options))


@pytest.fixture(scope="module")
def typst() -> list[WordBox]:
    return typeset(sample(), PdfEngine.TYPST)


@pytest.fixture(scope="module")
def weasyprint() -> list[WordBox]:
    return typeset(sample(), PdfEngine.WEASYPRINT)


def lefts(boxes: list[WordBox], word: str) -> list[float]:
    return [box.left for box in boxes if box.text == word]


def first(boxes: list[WordBox], word: str) -> WordBox:
    return next(box for box in boxes if box.text == word)


def points(selector: str, prop: str, em: float) -> float:
    return house_sheet().points(Css(selector, prop), em)


def test_list_items_start_the_sheets_padding_in(typst: list[WordBox]) -> None:
    text = MARGIN + points("ul", "padding-inline-start", SIZES.body)
    assert lefts(typst, "Bulletwords") == [pytest.approx(text, abs=0.05)] * 2
    assert lefts(typst, "Numberwords") == [pytest.approx(text, abs=0.05)] * 10


def test_a_notes_first_line_starts_where_its_other_lines_hang(typst: list[WordBox]) -> None:
    hanging = MARGIN + points("span.footnote", "padding-inline-start", SIZES.footnote)
    note = first(typst, "Notewords")
    starts = {round(box.left, 2) for box in typst if box.top >= note.top and box.left < 80}
    assert len(starts) == 2  # the number, and the text of every line
    assert max(starts) == pytest.approx(hanging, abs=0.05)


def test_abstract_and_quotation_text_start_inside_padding_and_rule(typst: list[WordBox]) -> None:
    rule, pad = (points("section.abstract", p, SIZES.body) for p in
                 ("border-inline-start", "padding-inline-start"))  # fmt: skip
    assert first(typst, "Abstractwords").left == pytest.approx(MARGIN + rule + pad, abs=0.05)
    quote = sum(points("blockquote", p, SIZES.body) for p in
                ("margin-left", "border-inline-start", "padding-inline-start"))  # fmt: skip
    assert first(typst, "Quotewords").left == pytest.approx(MARGIN + quote, abs=0.05)


def gap(boxes: list[WordBox], above: str, below: str) -> float:
    """From the first ``above`` to the last ``below``, bottom to bottom."""
    last = [box for box in boxes if box.text == below][-1]
    return last.bottom - first(boxes, above).bottom


def test_the_text_keeps_the_front_matters_bottom_margin(
    typst: list[WordBox], weasyprint: list[WordBox]
) -> None:
    # header.front's margin-bottom (14pt), not p.keywords' (10pt)
    assert gap(typst, "Keywords:", "Leadwords") == pytest.approx(
        gap(weasyprint, "Keywords:", "Leadwords"), abs=0.5
    )


def test_the_citation_label_is_spaced_as_the_colophons_paragraphs(typst: list[WordBox]) -> None:
    # footer.back p's margin-bottom wins over p.citation-label's in the sheet's cascade
    pitch = SIZES.caption * house_sheet().number(Css("footer.back", "line-height"))
    apart = points("footer.back p", "margin-bottom", SIZES.caption)
    assert gap(typst, "Suggested", "Lindqvist,") == pytest.approx(pitch + apart, abs=0.05)


@pytest.fixture
def swapped(tmp_path: Path) -> Path:
    """The house style with the citation on the title page and the identity in the colophon."""
    folder = tmp_path / "style"
    folder.mkdir()
    for name in ("labels.toml", "pdf.css"):
        (folder / name).write_bytes((default_style_dir() / name).read_bytes())
    brand = (default_style_dir() / "brand.toml").read_text(encoding="utf-8")
    brand = brand.replace('citation = "colophon"', 'citation = "title-page"')
    brand = brand.replace('identifiers = "title-page"', 'identifiers = "colophon"')
    (folder / "brand.toml").write_text(brand, encoding="utf-8")
    return folder


def test_citation_and_identity_are_spaced_as_where_they_stand(swapped: Path) -> None:
    brief = Brief(metadata(), (Paragraph((Text("Leadwords of the body."),)),), ())
    found = {engine: typeset(brief, engine, swapped) for engine in PdfEngine}
    for above, below in (("Suggested", "Lindqvist,"), ("Leadwords", "Institute")):
        assert gap(found[PdfEngine.TYPST], above, below) == pytest.approx(
            gap(found[PdfEngine.WEASYPRINT], above, below), abs=0.5
        ), (above, below)


def test_notes_printed_after_the_text_are_spaced_as_the_sheets_endnotes() -> None:
    sentence = "A long note sentence that goes on for a while to fill the page. "
    long_note = Footnote("n1", 1, (Paragraph((Text(sentence * 60),)),))
    moved = Footnote("n2", 2, (Paragraph((Text("Movedwords " + sentence * 24),)),))
    short = Footnote("n3", 3, (Paragraph((Text("Shortwords of a note."),)),))
    calls = (FootnoteRef(long_note), Text(" and"), FootnoteRef(moved), FootnoteRef(short))
    body = (Paragraph((Text("Leadwords calling notes"), *calls)), Paragraph((Text("Closing."),)))
    brief = Brief(metadata(), body, (long_note, moved, short))
    options = default_options(brief, pdf_engine=PdfEngine.TYPST, pdf_standard="none")
    layout = Layout(endnotes=frozenset({2, 3}))  # as the WeasyPrint engine moves note 2
    typst = word_boxes(typst_typeset(brief, options, layout).pdf)
    weasyprint = typeset(brief, PdfEngine.WEASYPRINT)
    # the heading's margin (main h2) inside the rule of section.endnotes
    assert gap(typst, "Closing.", "Notes") == pytest.approx(
        gap(weasyprint, "Closing.", "Notes"), abs=0.5
    )
    pitch = SIZES.footnote * house_sheet().number(Css("section.endnotes", "line-height"))
    apart = points("main p", "margin-bottom", SIZES.footnote)
    entry = first(typst, "Shortwords")
    above = [box.bottom for box in typst if box.page == entry.page and box.bottom < entry.top]
    assert entry.bottom - max(above) == pytest.approx(pitch + apart, abs=0.05)
