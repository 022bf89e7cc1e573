"""``--to docx``: the package and its XML read back part by part (notes, styles, links, RTL)."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import docx
from docx.oxml.ns import qn
from lxml import etree

from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    CitationField,
    CitationPart,
    Link,
)
from support.docx import NS, part, rels, style_ids, texts
from support.model import find
from support.paths import TOUR

# ------------------------------------------------------------------ footnotes


def test_footnotes_part_keeps_separators_and_holds_every_note(
    tour: Brief, tour_docx: bytes
) -> None:
    notes = part(tour_docx, "word/footnotes.xml")
    kinds = Counter(note.get(qn("w:type")) for note in notes.iterfind("w:footnote", NS))
    assert kinds["separator"] == 1
    assert kinds["continuationSeparator"] == 1
    regular = [n for n in notes.iterfind("w:footnote", NS) if n.get(qn("w:type")) is None]
    assert [int(n.attrib[qn("w:id")]) for n in regular] == [n.number for n in tour.footnotes]
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
    calls: Counter[str] = Counter(source.xpath("//body//xref[@ref-type='fn']/@rid"))
    assert max(calls.values()) > 1, "the tour should call a note twice"
    document = part(tour_docx, "word/document.xml")
    references = document.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert sorted(map(int, references)) == [note.number for note in tour.footnotes]
    fields = document.xpath(
        "//w:fldSimple[starts-with(normalize-space(@w:instr), 'NOTEREF')]", namespaces=NS
    )
    assert len(fields) == sum(calls.values()) - len(calls)
    bookmarks = {b.get(qn("w:name")): b for b in document.iterfind(".//w:bookmarkStart", NS)}
    ids = style_ids(tour_docx)
    for field in fields:
        instruction = field.get(qn("w:instr")).split()
        assert instruction[0] == "NOTEREF"
        assert instruction[2:] == ["\\f", "\\h"]
        start = bookmarks[instruction[1]]
        marked = start.getnext()
        assert marked is not None
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
        assert rel.get("Target", "").startswith("https://")
    ids = style_ids(tour_docx)
    styles = set(notes.xpath("//w:hyperlink//w:rStyle/@w:val", namespaces=NS))
    assert styles == {ids["hyperlink"]}


def test_body_links_are_real_hyperlinks_related_from_the_document(
    tour: Brief, tour_docx: bytes
) -> None:
    # notes' links are not the body's
    expected: set[str | None] = {link.href for link in find(tour.body, Link)}
    expected |= {link.href for link in find(tour.references, Link)}
    assert tour.meta.permissions is not None
    expected |= {tour.meta.permissions.license_url} - {None}
    # the title page links each author's ORCID iD and e-mail address, and the DOI
    for person in tour.meta.authors:
        expected |= {person.orcid, f"mailto:{person.email}"} - {None, "mailto:None"}
    expected.add(f"https://doi.org/{tour.meta.doi}")
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
        return {
            plain_text(part.children)
            for part in find(tour.footnotes, CitationPart)
            if part.field is kind
        }

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
        "Figure Caption", "Table Caption", "Body Text", "Lead Paragraph", "Series", "Byline", "Author", "Author Role",
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
    assert table is not None
    assert table.xpath("string(w:tblPr/w:tblStyle/@w:val)", namespaces=NS) == ids["brief table"]
    rows = table.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(row.find("w:trPr/w:tblHeader", NS) is None for row in rows[1:])
    caption = table.getprevious()
    assert caption is not None
    assert caption.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == ids["table caption"]
    assert texts(caption).startswith("Table 1 ")  # a space, as in the other formats


def test_figure_has_alt_text_and_caption(tour: Brief, tour_docx: bytes) -> None:
    figure = tour.figures[0]
    document = part(tour_docx, "word/document.xml")
    (doc_pr,) = document.xpath("//wp:docPr", namespaces=NS)
    assert doc_pr.get("descr") == figure.image.alt_text
    paragraph = doc_pr.xpath("ancestor::w:p[1]", namespaces=NS)[0]
    assert texts(paragraph.getnext()).startswith(f"{figure.label} ")
    assert (
        paragraph.getnext().xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
        == style_ids(tour_docx)["figure caption"]
    )
    with zipfile.ZipFile(io.BytesIO(tour_docx)) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        assert [package.read(name) for name in media] == [figure.image.data]


def test_citation_calls_link_to_bookmarked_reference_entries(tour: Brief, tour_docx: bytes) -> None:
    document = part(tour_docx, "word/document.xml")
    anchors = document.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    assert anchors
    names = set(document.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    assert set(anchors) <= names
    entries = docx.Document(io.BytesIO(tour_docx)).paragraphs
    listed = [p.text for p in entries if p.style is not None and p.style.name == "Reference Entry"]
    # numbered as the PDF's list: the number, a tab to the hanging indent, the entry
    assert [text.split("\t")[0] for text in listed] == [f"{r.number}." for r in tour.references]
    document_entries = document.xpath("//w:p[w:bookmarkStart]", namespaces=NS)
    bookmarked = {
        p.xpath("string(w:bookmarkStart/@w:name)", namespaces=NS): p.xpath(
            "string(w:bookmarkStart/following-sibling::w:r[1])", namespaces=NS
        )
        for p in document_entries
    }
    assert {bookmarked[name] for name in anchors} == {f"{r.number}." for r in tour.references}


def test_copyright_and_licence_lines(tour: Brief, tour_docx: bytes) -> None:
    rights = tour.meta.permissions
    assert rights is not None
    document = docx.Document(io.BytesIO(tour_docx))
    lines = [p for p in document.paragraphs if p.style is not None and p.style.name == "Rights"]
    # one paragraph of two sentences; only the licence's name is a link
    assert [p.text for p in lines] == [f"{rights.statement}. {rights.license_text}"]
    (link,) = lines[0].hyperlinks
    assert link.address == rights.license_url
    assert link.text == "Creative Commons Attribution 4.0 International"


def test_later_paragraphs_of_a_note_start_at_the_text_indent(tour: Brief, tour_docx: bytes) -> None:
    (long_note,) = [note for note in tour.footnotes if len(note.paragraphs) > 1]
    notes = part(tour_docx, "word/footnotes.xml")
    (element,) = notes.xpath(f"w:footnote[@w:id='{long_note.number}']", namespaces=NS)
    first, *later = element.findall("w:p", NS)
    assert first.find("w:pPr/w:ind", NS) is None
    assert [p.xpath("string(w:pPr/w:ind/@w:hanging)", namespaces=NS) for p in later] == ["0"]
    style = docx.Document(io.BytesIO(tour_docx)).styles["footnote text"].paragraph_format
    assert style.first_line_indent < 0 < style.left_indent
