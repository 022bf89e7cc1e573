"""``--to docx`` on hand-made briefs (spans, lists, pictures), right-to-left briefs, document
properties and byte-for-byte reproducibility."""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    Cell,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
)
from briefexport.options import default_options
from briefexport.shared.brand import load_brand
from briefexport.shared.styles import default_style_dir
from briefexport.shared.typeset import typeset
from briefexport.writers.docx.package import package_entries
from briefexport.writers.docx.template import open_template
from support.briefs import small_brief
from support.docx import NS, part, rels, style_ids, texts, write_brief
from support.images import png
from support.paths import TOUR


def test_three_heading_levels_and_deeper_sections_stay_at_heading_3() -> None:
    deepest = Section(None, (Text("Four"),), (Paragraph((Text("x"),)),))
    three = Section(None, (Text("Three"),), (deepest,))
    two = Section(None, (Text("Two"),), (three,))
    brief = small_brief((Section(None, (Text("One"),), (two,)),))
    document = docx.Document(io.BytesIO(write_brief(brief)))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style and "Heading" in p.style.name
    ]
    assert headings == [
        ("Heading 1", "One"),
        ("Heading 2", "Two"),
        ("Heading 3", "Three"),
        ("Heading 3", "Four"),
    ]


def test_spanned_cells_are_merged_on_a_grid() -> None:
    head = Row((Cell((Text("A"),), header=True, colspan=2), Cell((Text("B"),), header=True)))
    body = (
        Row((Cell((Text("tall"),), rowspan=2), Cell((Text("1"),)), Cell((Text("2"),)))),
        Row((Cell((Text("3"),)), Cell((Text("4"),)))),
    )
    brief = small_brief((Table(None, "Table 1", (Text("Spans"),), (head,), body),))
    data = write_brief(brief)
    table = part(data, "word/document.xml").find(".//w:tbl", NS)
    assert table is not None
    assert len(table.findall("w:tblGrid/w:gridCol", NS)) == 3
    assert table.xpath("string(w:tr[1]/w:tc[1]/w:tcPr/w:gridSpan/@w:val)", namespaces=NS) == "2"
    merges = table.xpath("w:tr/w:tc[1]/w:tcPr/w:vMerge", namespaces=NS)
    assert [m.get(qn("w:val")) for m in merges] == ["restart", None]
    rows = [[texts(tc) for tc in tr.findall("w:tc", NS)] for tr in table.findall("w:tr", NS)]
    assert rows == [["A", "B"], ["tall", "1", "2"], ["", "3", "4"]]
    ids = style_ids(data)
    header_style = table.xpath("string(w:tr[1]/w:tc[1]/w:p/w:pPr/w:pStyle/@w:val)", namespaces=NS)
    assert header_style == ids["table heading"]


def test_each_numbered_list_starts_at_one() -> None:
    item = ListItem((Paragraph((Text("item"),)),))
    lists = (ListBlock(True, (item, item)), Paragraph((Text("between"),)), ListBlock(True, (item,)))
    data = write_brief(small_brief(lists))
    document = part(data, "word/document.xml")
    num_ids = document.xpath("//w:p/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)
    assert len(num_ids) == 3
    assert num_ids[0] == num_ids[1] != num_ids[2]
    numbering = part(data, "word/numbering.xml")
    for num_id in set(num_ids):
        (num,) = numbering.xpath(f"w:num[@w:numId='{num_id}']", namespaces=NS)
        assert num.xpath("string(w:lvlOverride/w:startOverride/@w:val)", namespaces=NS) == "1"


def test_svg_figure_falls_back_to_alt_text(caplog: pytest.LogCaptureFixture) -> None:
    svg = Image(
        "chart.svg",
        "A bar chart of calls",
        "image/svg+xml",
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    brief = small_brief((Figure(None, "Figure 1", (Text("Calls"),), svg),))
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        data = write_brief(brief)
    assert "chart.svg" in caplog.text
    assert "A bar chart of calls" in texts(part(data, "word/document.xml"))


def test_wide_picture_is_scaled_to_the_text_width() -> None:
    wide = Image("wide.png", "A wide strip", "image/png", png(3000, 300))  # 31 inches at 96 dpi
    data = write_brief(small_brief((Figure(None, None, (), wide),)))
    (extent,) = part(data, "word/document.xml").xpath("//wp:extent", namespaces=NS)
    page = docx.Document(io.BytesIO(data)).sections[-1]
    assert page.page_width is not None
    assert page.left_margin is not None
    assert page.right_margin is not None
    text_width = page.page_width - page.left_margin - page.right_margin
    assert int(extent.get("cx")) == text_width
    assert int(extent.get("cy")) == text_width // 10


def test_broken_image_falls_back_to_alt_text(caplog: pytest.LogCaptureFixture) -> None:
    broken = Image("broken.png", "A broken chart", "image/png", png(10, 10)[:40])
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        data = write_brief(small_brief((Figure(None, None, (), broken),)))
    assert "broken.png" in caplog.text
    assert "A broken chart" in texts(part(data, "word/document.xml"))


def test_note_with_a_link_called_from_a_table_cell() -> None:
    note = Footnote("fn1", 1, (Paragraph((Link("mailto:desk@example.org", (Text("desk"),)),)),))
    cell = Cell((Text("value"), FootnoteRef(note)))
    brief = small_brief((Table(None, None, (), (), (Row((cell,)),)),), notes=(note,))
    data = write_brief(brief)
    assert part(data, "word/document.xml").xpath(
        "//w:tc//w:footnoteReference/@w:id", namespaces=NS
    ) == ["1"]
    (rel,) = rels(data, "word/_rels/footnotes.xml.rels").values()
    assert rel.get("Target") == "mailto:desk@example.org"


def test_every_picture_has_its_own_drawing_id() -> None:
    figures = tuple(
        Figure(
            None,
            f"Figure {n}",
            (Text("chart"),),
            Image(f"f{n}.png", f"Chart {n}", "image/png", png(20 + n, 10)),
        )
        for n in range(1, 4)
    )
    data = write_brief(small_brief(figures))
    document = part(data, "word/document.xml")
    ids = document.xpath("//wp:docPr/@id", namespaces=NS)
    assert len(ids) == 3
    assert len(set(ids)) == 3
    assert document.xpath("//wp:docPr/@descr", namespaces=NS) == ["Chart 1", "Chart 2", "Chart 3"]


def test_a_column_span_stops_at_a_row_span_from_above() -> None:
    first = Row((Cell((Text("a"),)), Cell((Text("tall"),), rowspan=2), Cell((Text("b"),))))
    second = Row((Cell((Text("wide"),), colspan=3),))
    data = write_brief(small_brief((Table(None, None, (), (), (first, second)),)))
    table = part(data, "word/document.xml").find(".//w:tbl", NS)
    assert table is not None
    rows = [[texts(tc) for tc in tr.findall("w:tc", NS)] for tr in table.findall("w:tr", NS)]
    assert rows == [["a", "tall", "b"], ["wide", "", ""]]


def test_dates_outside_the_zip_range_are_clamped() -> None:
    brief = small_brief((Paragraph((Text("x"),)),))
    for year, expected in ((1066, 1980), (9999, 2107)):
        dated = replace(brief, meta=replace(brief.meta, date=dt.date(year, 1, 1)))
        with zipfile.ZipFile(io.BytesIO(write_brief(dated))) as package:
            assert {info.date_time[0] for info in package.infolist()} == {expected}
        props = docx.Document(io.BytesIO(write_brief(dated))).core_properties
        assert props.created is not None
        assert props.created.year == year


# ------------------------------------------------------------------ right to left


def test_rtl_paragraphs_runs_and_section(urdu: Brief, urdu_docx: bytes) -> None:
    document = part(urdu_docx, "word/document.xml")
    paragraphs = document.xpath("//w:body/w:p", namespaces=NS)
    assert paragraphs
    assert all(p.find("w:pPr/w:bidi", NS) is not None for p in paragraphs)
    assert document.find("w:body/w:sectPr/w:bidi", NS) is not None
    for run in document.xpath("//w:r[w:t]", namespaces=NS):
        text = texts(run)
        arabic_script = any("\u0600" <= char <= "\u06ff" for char in text)
        latin = any(char.isascii() and char.isalpha() for char in text)
        if arabic_script:
            assert run.find("w:rPr/w:rtl", NS) is not None, text
        elif latin:
            assert run.find("w:rPr/w:rtl", NS) is None, text
    notes = part(urdu_docx, "word/footnotes.xml")
    assert all(
        p.find("w:pPr/w:bidi", NS) is not None
        for p in notes.xpath("w:footnote[not(@w:type)]/w:p", namespaces=NS)
    )


def test_rtl_complex_script_fonts_sizes_and_language(urdu_docx: bytes) -> None:
    styles = part(urdu_docx, "word/styles.xml")
    brand = load_brand(default_style_dir())
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults is not None
    fonts, size, language = (defaults.find(f"w:{name}", NS) for name in ("rFonts", "szCs", "lang"))
    assert fonts is not None
    assert size is not None
    assert language is not None
    assert fonts.get(qn("w:cs")) == brand.fonts.rtl_body[0]
    assert size.get(qn("w:val")) == str(round(brand.sizes.body * 2))
    assert language.get(qn("w:bidi")) == "ur"
    heading = styles.xpath("w:style[w:name/@w:val='heading 1']/w:rPr", namespaces=NS)[0]
    assert heading.find("w:rFonts", NS).get(qn("w:cs")) == brand.fonts.rtl_heading[0]
    assert heading.find("w:bCs", NS) is not None
    assert heading.find("w:szCs", NS) is not None


def test_rtl_tables_are_mirrored() -> None:
    table = Table(None, None, (), (), (Row((Cell((Text("قدر"),)),)),))
    data = write_brief(small_brief((table,), language="ar"))
    assert part(data, "word/document.xml").find(".//w:tbl/w:tblPr/w:bidiVisual", NS) is not None


# ------------------------------------------------------------------ properties and reproducibility


def test_core_properties_come_from_the_brief(tour: Brief, tour_docx: bytes) -> None:
    props = docx.Document(io.BytesIO(tour_docx)).core_properties
    meta = typeset(tour).meta  # the properties carry the typographic text the document prints
    assert props.title == plain_text(meta.title)
    assert props.author == "; ".join(person.name.display for person in meta.authors)
    assert props.subject == meta.series
    assert props.keywords == ", ".join(meta.keywords)
    assert props.comments == "\n".join(plain_text(p.children) for p in meta.abstract)
    assert props.language == meta.language
    assert props.last_modified_by == ""
    midnight = dt.datetime.combine(meta.date, dt.time(), tzinfo=dt.UTC)
    assert props.created == midnight
    assert props.modified == midnight
    assert props.category == ""
    assert props.revision == 1


def test_nothing_left_from_the_default_template(tour_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(tour_docx)) as package:
        names = package.namelist()
        blobs = b"".join(package.read(name) for name in names if not name.startswith("word/media"))
    assert names[0] == "[Content_Types].xml"
    assert not [name for name in names if "thumbnail" in name or name.startswith("customXml")]
    for leftover in (b"python-docx", b"Macintosh", b"2013-12-23", b"stylesWithEffects"):
        assert leftover not in blobs, leftover
    app = part(tour_docx, "docProps/app.xml")
    assert app.findtext("ep:Application", namespaces=NS) == "briefexport"


def test_same_brief_same_bytes_and_epoch_sets_every_date(
    tour: Brief, tour_docx: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert write_brief(tour) == tour_docx
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = write_brief(tour)
    assert stamped != tour_docx
    props = docx.Document(io.BytesIO(stamped)).core_properties
    assert props.created == props.modified == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(stamped)) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_same_bytes_from_another_process(tour_docx: bytes, tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "again.docx"
    code = (
        "import briefexport, sys; from briefexport.options import default_options; "
        "from briefexport.writers.docx import write; b = briefexport.load(sys.argv[1]); "
        "open(sys.argv[2], 'wb').write(write(b, default_options(b)))"
    )
    env = {"PYTHONPATH": str(Path(briefexport.__file__).parents[1]), "PYTHONHASHSEED": "random"}
    subprocess.run([sys.executable, "-c", code, str(TOUR), str(target)], check=True, env=env)
    assert target.read_bytes() == tour_docx


def test_the_package_holds_what_document_save_writes(tour: Brief) -> None:
    """The writer zips python-docx's parts itself (once); the members, their order and their
    bytes are those of ``Document.save``."""
    document, _ = open_template(default_options(tour))
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as package:
        expected = [(name, package.read(name)) for name in package.namelist()]
    assert package_entries(document) == expected
