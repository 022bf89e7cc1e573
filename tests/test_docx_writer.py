"""``--to docx``: the package and its XML read back part by part (notes, styles, links, RTL)."""

from __future__ import annotations

import datetime as dt
import io
import logging
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    Cell,
    CitationField,
    CitationPart,
    Figure,
    Footnote,
    FootnoteRef,
    Image,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Metadata,
    Paragraph,
    Quote,
    Row,
    Section,
    Table,
    Text,
)
from briefexport.options import default_options
from briefexport.styles import default_style_dir, load_brand
from briefexport.writers.docx import write
from conftest import DATA, EXAMPLES

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
TOUR = EXAMPLES / "feature-tour.xml"
URDU = DATA / "rtl" / "urdu-brief.xml"


def png(width: int, height: int, dpi: int = 96) -> bytes:
    """A grey PNG of the given size and resolution."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    per_metre = round(dpi / 0.0254)
    physical = struct.pack(">IIB", per_metre, per_metre, 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"pHYs", physical)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def write_brief(brief: Brief, **overrides: object) -> bytes:
    return write(brief, default_options(brief, **overrides))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def texts(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def style_ids(data: bytes) -> dict[str, str]:
    """Style name (lower case) to style id."""
    styles = part(data, "word/styles.xml")
    return {
        str(style.xpath("string(w:name/@w:val)", namespaces=NS)).lower(): style.get(qn("w:styleId"))
        for style in styles.iterfind("w:style", NS)
    }


def rels(data: bytes, name: str) -> dict[str, etree._Element]:
    return {rel.get("Id"): rel for rel in part(data, name).iterfind("rel:Relationship", NS)}


@pytest.fixture(scope="module")
def tour() -> Brief:
    return briefexport.load(TOUR)


@pytest.fixture(scope="module")
def tour_docx(tour: Brief) -> bytes:
    return write_brief(tour)


@pytest.fixture(scope="module")
def urdu() -> Brief:
    return briefexport.load(URDU)


@pytest.fixture(scope="module")
def urdu_docx(urdu: Brief) -> bytes:
    return write_brief(urdu)


# ------------------------------------------------------------------ footnotes


def test_footnotes_part_keeps_separators_and_holds_every_note(
    tour: Brief, tour_docx: bytes
) -> None:
    notes = part(tour_docx, "word/footnotes.xml")
    kinds = Counter(note.get(qn("w:type")) for note in notes.iterfind("w:footnote", NS))
    assert kinds["separator"] == 1
    assert kinds["continuationSeparator"] == 1
    regular = [n for n in notes.iterfind("w:footnote", NS) if n.get(qn("w:type")) is None]
    assert [int(n.get(qn("w:id"))) for n in regular] == [n.number for n in tour.footnotes]
    ids = style_ids(tour_docx)
    for element, note in zip(regular, tour.footnotes, strict=True):
        paragraphs = element.findall("w:p", NS)
        assert len(paragraphs) == len(note.paragraphs)
        styles = {p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for p in paragraphs}
        assert styles == {ids["footnote text"]}
        assert len(paragraphs[0].xpath(".//w:footnoteRef", namespaces=NS)) == 1
        got = [texts(p).strip() for p in paragraphs]
        assert got == [plain_text(p.children) for p in note.paragraphs]


def test_footnotes_part_is_related_and_declared(tour_docx: bytes) -> None:
    types = [rel.get("Type") for rel in rels(tour_docx, "word/_rels/document.xml.rels").values()]
    assert (
        types.count("http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
        == 1
    )
    content_types = part(tour_docx, "[Content_Types].xml")
    override = content_types.xpath("//*[@PartName='/word/footnotes.xml']/@ContentType")
    assert override == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    ]
    settings = part(tour_docx, "word/settings.xml")
    assert settings.xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["-1", "0"]


def test_every_note_has_one_reference_and_repeated_calls_are_noteref_fields(
    tour: Brief, tour_docx: bytes
) -> None:
    source = etree.parse(str(TOUR))
    calls = Counter(source.xpath("//body//xref[@ref-type='fn']/@rid"))
    assert max(calls.values()) > 1, "the tour should call a note twice"
    document = part(tour_docx, "word/document.xml")
    references = document.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert sorted(map(int, references)) == [note.number for note in tour.footnotes]
    fields = document.xpath("//w:fldSimple", namespaces=NS)
    assert len(fields) == sum(calls.values()) - len(calls)
    bookmarks = {b.get(qn("w:name")): b for b in document.iterfind(".//w:bookmarkStart", NS)}
    ids = style_ids(tour_docx)
    for field in fields:
        instruction = field.get(qn("w:instr")).split()
        assert instruction[0] == "NOTEREF"
        assert instruction[2:] == ["\\f", "\\h"]
        start = bookmarks[instruction[1]]
        marked = start.getnext()
        number = marked.xpath("string(w:footnoteReference/@w:id)", namespaces=NS)
        assert texts(field) == number
        assert field.xpath("string(.//w:rStyle/@w:val)", namespaces=NS) == ids["footnote reference"]


def test_links_in_notes_are_related_from_the_footnotes_part(tour_docx: bytes) -> None:
    notes = part(tour_docx, "word/footnotes.xml")
    note_rels = rels(tour_docx, "word/_rels/footnotes.xml.rels")
    links = notes.xpath("//w:hyperlink", namespaces=NS)
    assert links
    for link in links:
        rel = note_rels[link.get(qn("r:id"))]
        assert rel.get("TargetMode") == "External"
        assert rel.get("Target").startswith("https://")
    ids = style_ids(tour_docx)
    styles = set(notes.xpath("//w:hyperlink//w:rStyle/@w:val", namespaces=NS))
    assert styles == {ids["hyperlink"]}


def link_targets(inlines: tuple[Inline, ...]) -> set[str]:
    found: set[str] = set()
    for inline in inlines:
        if isinstance(inline, Link):
            found.add(inline.href)
        found |= link_targets(getattr(inline, "children", ()))
    return found


def block_inlines(blocks: tuple[object, ...]) -> tuple[Inline, ...]:
    """Every inline of the body that is not inside a footnote."""
    found: list[Inline] = []
    for block in _all_blocks(blocks):
        if isinstance(block, Paragraph):
            found += block.children
        elif isinstance(block, Section):
            found += block.title
        elif isinstance(block, ListBlock):
            found += [i for item in block.items for p in item.paragraphs for i in p.children]
        elif isinstance(block, Table):
            found += [i for row in block.head + block.body for c in row.cells for i in c.children]
        elif isinstance(block, Quote):
            found += [i for p in block.paragraphs for i in p.children] + list(block.attribution)
    return tuple(found)


def test_body_links_are_real_hyperlinks_related_from_the_document(
    tour: Brief, tour_docx: bytes
) -> None:
    expected = link_targets(block_inlines(tour.body))
    expected |= link_targets(tuple(ref.citation for ref in tour.references))
    assert expected
    body_rels = rels(tour_docx, "word/_rels/document.xml.rels")
    document = part(tour_docx, "word/document.xml")
    targets = set()
    for link in document.xpath("//w:hyperlink[@r:id]", namespaces=NS):
        rel = body_rels[link.get(qn("r:id"))]
        assert rel.get("TargetMode") == "External"
        targets.add(rel.get("Target"))
    assert targets == expected
    reopened = docx.Document(io.BytesIO(tour_docx))
    links = [link for p in reopened.paragraphs for link in p.hyperlinks]
    addresses = {link.address for link in links if not link.fragment}
    assert addresses
    assert addresses <= expected


def test_citation_titles_and_sources_have_their_styles(tour: Brief, tour_docx: bytes) -> None:
    ids = style_ids(tour_docx)
    notes = part(tour_docx, "word/footnotes.xml")

    def styled(style: str) -> set[str]:
        runs = notes.xpath(f"//w:r[w:rPr/w:rStyle/@w:val='{style}']", namespaces=NS)
        return {texts(run) for run in runs}

    def parts_of(kind: CitationField) -> set[str]:
        found: set[str] = set()

        def walk(inlines: tuple[Inline, ...]) -> None:
            for inline in inlines:
                if isinstance(inline, CitationPart) and inline.field is kind:
                    found.add(plain_text(inline.children))
                if hasattr(inline, "children"):
                    walk(inline.children)

        for note in tour.footnotes:
            for paragraph in note.paragraphs:
                walk(paragraph.children)
        return found

    assert parts_of(CitationField.SOURCE)
    assert styled(ids["citation source"]) == parts_of(CitationField.SOURCE)
    assert styled(ids["citation title"]) == parts_of(CitationField.ARTICLE_TITLE)
    source_style = docx.Document(io.BytesIO(tour_docx)).styles["Citation Source"]
    assert source_style.font.italic is True


# ------------------------------------------------------------------ styles and structure


def test_paragraphs_use_word_and_house_styles(tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    used = {paragraph.style.name for paragraph in document.paragraphs if paragraph.style}
    expected = {
        "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number", "Quote",
        "Caption", "Body Text", "Lead Paragraph", "Series", "Byline", "Author", "Author Role",
        "Affiliation", "Editor", "Publication Date", "Disclaimer", "Abstract", "Keywords",
        "Quote Attribution", "Figure", "Reference Entry", "Rights",
    }  # fmt: skip
    assert expected <= used, expected - used


def test_lead_paragraph_is_bold_and_comes_first(tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    lead = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Lead Paragraph"
    ]
    assert len(lead) == 1
    assert document.styles["Lead Paragraph"].font.bold is True
    assert lead[0].text.startswith("Extreme heat")


def test_front_matter_labels_and_date(tour: Brief, tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name if paragraph.style else "", []).append(
            paragraph.text
        )
    assert by_style["Byline"] == ["By", "Edited by"]
    assert by_style["Publication Date"] == ["November 2, 2026"]
    assert by_style["Author"] == [person.name.display for person in tour.meta.authors]
    assert by_style["Title"] == [plain_text(tour.meta.title)]


def test_table_has_style_repeating_header_and_caption(tour_docx: bytes) -> None:
    document = part(tour_docx, "word/document.xml")
    ids = style_ids(tour_docx)
    table = document.find(".//w:tbl", NS)
    assert table.xpath("string(w:tblPr/w:tblStyle/@w:val)", namespaces=NS) == ids["brief table"]
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in rows[1:])
    caption = table.getprevious()
    assert caption.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == ids["caption"]
    assert texts(caption).startswith("Table 1: ")


def test_figure_has_alt_text_and_caption(tour: Brief, tour_docx: bytes) -> None:
    figure = next(block for block in _all_blocks(tour.body) if isinstance(block, Figure))
    document = part(tour_docx, "word/document.xml")
    (doc_pr,) = document.xpath("//wp:docPr", namespaces=NS)
    assert doc_pr.get("descr") == figure.image.alt_text
    paragraph = doc_pr.xpath("ancestor::w:p[1]", namespaces=NS)[0]
    assert texts(paragraph.getnext()).startswith(f"{figure.label}: ")
    with zipfile.ZipFile(io.BytesIO(tour_docx)) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        assert [package.read(name) for name in media] == [figure.image.data]


def _all_blocks(blocks: tuple[object, ...]) -> list[object]:
    found: list[object] = []
    for block in blocks:
        found.append(block)
        if isinstance(block, Section):
            found += _all_blocks(block.blocks)
    return found


# ------------------------------------------------------------------ hand-made briefs


def small_brief(
    body: tuple[object, ...], language: str = "en", notes: tuple[Footnote, ...] = ()
) -> Brief:
    meta = Metadata(
        language=language,
        series="Test Series",
        journal_id="T",
        publisher="Test Institute",
        title=(Text("A small brief"),),
        authors=(),
        date=dt.date(2025, 3, 4),
    )
    return Brief(meta=meta, body=body, footnotes=notes)  # type: ignore[arg-type]


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
    assert defaults.find("w:rFonts", NS).get(qn("w:cs")) == brand["fonts"]["rtl_body"][0]
    assert defaults.find("w:szCs", NS).get(qn("w:val")) == str(round(brand["sizes"]["body"] * 2))
    assert defaults.find("w:lang", NS).get(qn("w:bidi")) == "ur"
    heading = styles.xpath("w:style[w:name/@w:val='heading 1']/w:rPr", namespaces=NS)[0]
    assert heading.find("w:rFonts", NS).get(qn("w:cs")) == brand["fonts"]["rtl_heading"][0]
    assert heading.find("w:bCs", NS) is not None
    assert heading.find("w:szCs", NS) is not None


def test_rtl_tables_are_mirrored() -> None:
    table = Table(None, None, (), (), (Row((Cell((Text("قدر"),)),)),))
    data = write_brief(small_brief((table,), language="ar"))
    assert part(data, "word/document.xml").find(".//w:tbl/w:tblPr/w:bidiVisual", NS) is not None


# ------------------------------------------------------------------ properties and reproducibility


def test_core_properties_come_from_the_brief(tour: Brief, tour_docx: bytes) -> None:
    props = docx.Document(io.BytesIO(tour_docx)).core_properties
    meta = tour.meta
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


def test_citation_calls_link_to_bookmarked_reference_entries(tour: Brief, tour_docx: bytes) -> None:
    document = part(tour_docx, "word/document.xml")
    anchors = document.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    assert anchors
    names = set(document.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    assert set(anchors) <= names
    entries = docx.Document(io.BytesIO(tour_docx)).paragraphs
    listed = [p.text for p in entries if p.style is not None and p.style.name == "Reference Entry"]
    assert [text.split(" ")[0] for text in listed] == [f"[{r.number}]" for r in tour.references]


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
