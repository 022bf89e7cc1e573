"""Mixed Urdu and English: each run in the other direction isolated, so the English parts of an
Urdu note read in order (checked on the page by word positions, in PDF and in Word through
LibreOffice), and no Arabic-script text is ever slanted (checked on computed styles)."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx2python import docx2python
from lxml import etree

import briefexport
from briefexport.model import (
    Brief,
    Citation,
    CitationField,
    CitationPart,
    Footnote,
    FootnoteRef,
    Paragraph,
    PublicationType,
    Styled,
    Text,
    TextStyle,
)
from briefexport.options import PdfEngine, default_options
from briefexport.shared.bidi import ISOLATE_CLOSE, ISOLATE_OPEN, direction_runs
from briefexport.writers.typst import typeset
from briefexport.writers.typst.context import Layout
from support.paths import URDU
from support.skips import needs_tool
from support.typography import NS, W, Writer, docx_part, pdf_layout, text_boxes
from support.typst import typst_options

# The English parts of the Urdu test brief's second note, in reading order.
NOTE_PARTS = (
    "Lucía Fernández",
    "Rainwater harvesting in dense neighbourhoods",
    "Urban Water Notes",
)
MARKS = "\u201c\u201d\u060c"


def arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


# ------------------------------------------------------------------ finding the runs


def test_english_parts_of_an_urdu_citation_are_separate_stretches() -> None:
    inlines = (
        CitationPart(CitationField.STRING_NAME, (Text("Lucía Fernández"),)),
        Text("، “"),
        CitationPart(CitationField.ARTICLE_TITLE, (Text("Rainwater harvesting"),)),
        Text("”، اشاعت 5 جون"),
    )
    runs = direction_runs(inlines, "rtl")
    isolated = [run.inlines for run in runs if run.isolate == "ltr"]
    assert isolated == [
        (inlines[0],),
        (Text("“"), inlines[2], Text("”")),  # the quotation marks go with the English title
    ]
    assert [run.inlines for run in runs if run.isolate is None] == [
        (Text("، "),),
        (Text("، اشاعت 5 جون"),),
    ]


def test_a_footnote_call_ends_a_stretch_and_english_briefs_are_left_alone() -> None:
    note = Footnote("n1", 1, (Paragraph((Text("x"),)),))
    inlines = (Text("Harbour levies"), FootnoteRef(note), Text(" rise"))
    assert [run.isolate for run in direction_runs(inlines, "rtl")] == ["ltr", None, "ltr"]
    assert [run.isolate for run in direction_runs(inlines, "ltr")] == [None]
    mixed = (Text("the word "), Styled(TextStyle.BOLD, (Text("بارش"),)), Text(" means rain"))
    assert [run.isolate for run in direction_runs(mixed, "ltr")] == [None, "rtl", None]


# ------------------------------------------------------------------ on the page


def word_boxes(pdf: Path) -> list[tuple[str, float, float]]:
    """Every word of a PDF with its left edge and its baseline (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True))
    return [
        (word.text or "", float(word.attrib["xMin"]), float(word.attrib["yMax"]))
        for word in root.iter("{*}word")
    ]


def assert_parts_read_in_order(pdf: Path) -> None:
    """On the line of the note, the English parts follow one another from right to left (the
    Urdu order), the words of each part from left to right, and the English title keeps its
    quotation marks the English way round, against its first and last words."""
    words = word_boxes(pdf)
    starts = []
    for part in NOTE_PARTS:
        first = part.split()[0]
        boxes = [(x, y) for text, x, y in words if text.strip(MARKS) == first]
        assert boxes, part
        x, y = boxes[-1]  # the note is on the page foot, after any body text
        line = [(text, wx) for text, wx, wy in words if abs(wy - y) < 2]
        positions = [
            next(wx for text, wx in line if text.strip(MARKS) == word) for word in part.split()
        ]
        assert positions == sorted(positions), f"{part!r} is scrambled: {positions}"
        starts.append(x)
    assert starts == sorted(starts, reverse=True), f"parts out of Urdu order: {starts}"
    texts = {text for text, _, _ in words}
    assert {"“Rainwater", "neighbourhoods”"} <= texts, "quotation marks misplaced"


def test_urdu_pdf_keeps_the_english_parts_of_a_note_in_order(
    urdu: Brief, written: Writer, tmp_path: Path
) -> None:
    pdf = tmp_path / "urdu.pdf"
    pdf.write_bytes(written(urdu, "pdf"))
    assert_parts_read_in_order(pdf)


def test_urdu_pdf_from_typst_keeps_the_english_parts_of_a_note_in_order(
    urdu: Brief, written: Writer, tmp_path: Path
) -> None:
    pdf = tmp_path / "urdu-typst.pdf"
    pdf.write_bytes(written(urdu, "pdf", default_options(urdu, pdf_engine=PdfEngine.TYPST)))
    assert_parts_read_in_order(pdf)


ENGLISH_NOTE_TEXT = "Tide gauge records, harbour office, second series."
ENGLISH_NOTE = f"<p>{ENGLISH_NOTE_TEXT}</p>"


@pytest.fixture(scope="module")
def urdu_with_an_english_note(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    """The Urdu test brief, its third note in English only."""
    source = URDU.read_text(encoding="utf-8")
    start = source.index("<p>", source.index('<fn id="fn3">'))
    end = source.index("</p>", start) + len("</p>")
    path = tmp_path_factory.mktemp("english-note") / "urdu-brief.xml"
    path.write_text(source[:start] + ENGLISH_NOTE + source[end:], encoding="utf-8")
    return briefexport.load(path)


@pytest.mark.parametrize("engine", [PdfEngine.WEASYPRINT, PdfEngine.TYPST])
def test_an_english_note_of_an_urdu_brief_is_set_left_to_right(
    urdu_with_an_english_note: Brief, written: Writer, tmp_path: Path, engine: PdfEngine
) -> None:
    brief = urdu_with_an_english_note
    pdf = tmp_path / "urdu.pdf"
    pdf.write_bytes(written(brief, "pdf", default_options(brief, pdf_engine=engine)))
    words = word_boxes(pdf)
    y = next(wy for text, _, wy in words if text == "Tide")
    line = sorted((x, text) for text, x, wy in words if abs(wy - y) < 4)  # the number is bold
    assert [text for _, text in line] == ["3.", *ENGLISH_NOTE_TEXT.split()]


def test_an_english_endnote_of_an_urdu_brief_is_set_left_to_right_by_typst(
    urdu_with_an_english_note: Brief, tmp_path: Path
) -> None:
    brief = urdu_with_an_english_note
    result = typeset(brief, typst_options(brief), Layout(endnotes=frozenset({3})))
    assert "fn-3" not in [note.label for note in result.notes]  # printed with the endnotes
    pdf = tmp_path / "urdu-endnote.pdf"
    pdf.write_bytes(result.pdf)
    words = word_boxes(pdf)
    y = next(wy for text, _, wy in words if text == "Tide")
    line = sorted((x, text) for text, x, wy in words if abs(wy - y) < 4)
    assert [text for _, text in line] == ["3.", *ENGLISH_NOTE_TEXT.split()]


def test_urdu_docx_isolates_the_english_parts_of_a_note(urdu: Brief, written: Writer) -> None:
    path = io.BytesIO(written(urdu, "docx"))
    with docx2python(path) as extracted:
        notes = [text for text in _strings(extracted.footnotes) if "Fernández" in text]
    (note,) = notes
    for part in NOTE_PARTS:
        assert part in note
    opened = [note.index(part) for part in NOTE_PARTS]
    assert opened == sorted(opened)  # logical order kept
    assert note.count(ISOLATE_OPEN["ltr"]) == note.count(ISOLATE_CLOSE) >= len(NOTE_PARTS)
    assert f"{ISOLATE_OPEN['ltr']}{NOTE_PARTS[0]}{ISOLATE_CLOSE}" in note
    notes_xml = docx_part(written(urdu, "docx"), "word/footnotes.xml")
    for run in notes_xml.iter(f"{{{W}}}r"):
        text = "".join(run.itertext())
        if "Fernández" in text:
            assert run.find("w:rPr/w:rtl", NS) is None  # a Latin run is not marked RTL


@pytest.mark.slow
@needs_tool(shutil.which("soffice") is not None, "LibreOffice", "libreoffice-writer-nogui")
def test_urdu_docx_through_libreoffice_keeps_the_english_parts_in_order(
    urdu: Brief, written: Writer, tmp_path: Path
) -> None:
    (tmp_path / "urdu.docx").write_bytes(written(urdu, "docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(tmp_path / "urdu.docx")],
        capture_output=True, check=True, timeout=240,
    )  # fmt: skip
    assert_parts_read_in_order(tmp_path / "urdu.pdf")


def _strings(nested: Any) -> Iterator[str]:
    if isinstance(nested, str):
        yield nested
    else:
        for item in nested:
            yield from _strings(item)


# ------------------------------------------------------------------ no slanted Arabic script


def with_arabic_italics(brief: Brief) -> Brief:
    """``brief`` with an italic Urdu word and an Urdu source title in its first paragraph."""
    source = Citation(
        PublicationType.REPORT,
        (Text("“Rain”, "), CitationPart(CitationField.SOURCE, (Text("آبی وسائل جائزہ"),))),
    )
    extra = (Text(" ("), Styled(TextStyle.ITALIC, (Text("بارش"),)), Text(") "), source)
    first = brief.body[0]
    assert isinstance(first, Paragraph)
    body = (dataclasses.replace(first, children=first.children + extra), *brief.body[1:])
    return dataclasses.replace(brief, body=body)


@pytest.mark.parametrize("fixture", ["urdu", "tour"])
def test_no_italic_is_computed_on_arabic_script_in_pdf_and_html(
    fixture: str, request: pytest.FixtureRequest, written: Writer
) -> None:
    from weasyprint import HTML

    brief = with_arabic_italics(request.getfixturevalue(fixture))
    laid_out = pdf_layout(brief)
    for document in (laid_out, HTML(string=written(brief, "html").decode()).render()):
        boxes = [box for box in text_boxes(document) if arabic(box.text)]
        assert boxes
        slanted = [box.text for box in boxes if box.style["font_style"] != "normal"]
        assert slanted == []
    latin = [box for box in text_boxes(laid_out) if box.text == "Urban Water Notes"]
    assert len(latin) == (1 if fixture == "urdu" else 0)
    assert all(box.style["font_style"] == "italic" for box in latin)  # Latin keeps italics


@pytest.mark.parametrize("fixture", ["urdu", "tour"])
def test_no_italic_is_computed_on_arabic_script_in_docx(
    fixture: str, request: pytest.FixtureRequest, written: Writer
) -> None:
    brief = with_arabic_italics(request.getfixturevalue(fixture))
    data = written(brief, "docx")
    styles = docx_part(data, "word/styles.xml")
    for part in ("word/document.xml", "word/footnotes.xml"):
        for paragraph in docx_part(data, part).iter(f"{{{W}}}p"):
            style = paragraph.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
            for run in paragraph.iter(f"{{{W}}}r"):
                if arabic("".join(run.xpath("w:t/text()", namespaces=NS))):
                    assert not complex_italic(run, style, styles), etree.tostring(run)


def complex_italic(run: Any, paragraph_style: str, styles: Any) -> bool:
    """Whether Word would set the complex-script run ``run`` in italics (``w:iCs``): direct
    formatting, then its character style, then the paragraph style chain, then the defaults."""

    def flag(rpr: Any) -> bool | None:
        found = rpr.find("w:iCs", NS) if rpr is not None else None
        if found is None:
            return None
        return found.get(f"{{{W}}}val", "true") not in ("0", "false")

    def chain(style_id: str) -> Iterator[Any]:
        while style_id:
            (style,) = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
            yield style.find("w:rPr", NS)
            style_id = style.xpath("string(w:basedOn/@w:val)", namespaces=NS)

    character = run.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS)
    layers = [run.find("w:rPr", NS), *chain(character), *chain(paragraph_style)]
    layers.append(styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
    for rpr in layers:
        value = flag(rpr)
        if value is not None:
            return value
    return False
