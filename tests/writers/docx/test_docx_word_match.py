"""The Word copy's tables, links, reference list and own spaces as the print stylesheet has them
(``styles/pdf.css``, read through ``shared.print_sheet``), or as the brand's ``[word]`` table
says where the stylesheet has no value; checked with a brand far from the house one, so a value
that only happens to match fails."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.styles.style import ParagraphStyle
from lxml import etree

from briefexport.model import Brief, Cell, Paragraph, Quote, Row, Table, Text
from briefexport.shared.brand import Brand, Word
from briefexport.shared.print_sheet import Css, PrintSheet
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import stylemap as sm
from briefexport.writers.docx.reference import build_reference
from briefexport.writers.docx.reference_styles import SPECS, Own
from support.briefs import small_brief
from support.docx import HOUSE, NS, OTHER, house_reference, house_sheet, part, write_brief

SHEET = house_sheet()


def word_color(color: str) -> str:
    return color.lstrip("#").upper()


def test_the_word_copys_own_spaces_are_the_brands(
    reference: docx.document.Document, brand: Brand
) -> None:
    used = set()
    for spec in SPECS:
        for field in ("space_before", "space_after"):
            value = getattr(spec, field)
            if isinstance(value, Own):
                style = reference.styles[spec.word_name or spec.name]
                assert isinstance(style, ParagraphStyle)
                space = getattr(style.paragraph_format, field)
                assert space.pt == getattr(brand.word, value.key), (spec.name, field)
                used.add(value.key)
    assert used == {field.name for field in dataclasses.fields(Word)}  # no key is left unused


def test_tables_have_the_sheets_rules_and_none_above(
    reference: docx.document.Document, brand: Brand
) -> None:
    table = reference.styles[sm.TABLE].element
    (borders,) = table.findall(qn("w:tblPr") + "/" + qn("w:tblBorders"))
    assert [edge.tag.split("}")[1] for edge in borders] == ["bottom", "insideH"]
    cell_rule = SHEET.points(Css("td", "border-bottom"), brand.sizes.caption)
    for edge in borders:
        assert edge.get(qn("w:color")) == word_color(brand.colors.rule)
        assert int(edge.get(qn("w:sz"))) == round(cell_rule * 8)
    (header,) = table.xpath("w:tblStylePr[@w:type='firstRow']/w:tcPr")
    (below,) = header.xpath("w:tcBorders/w:bottom")
    header_rule = SHEET.points(Css("thead th", "border-bottom"), brand.sizes.caption)
    assert header_rule > cell_rule
    assert int(below.get(qn("w:sz"))) == round(header_rule * 8)
    assert below.get(qn("w:color")) == word_color(brand.colors.accent)
    fill = header.xpath("string(w:shd/@w:fill)")
    assert fill == word_color(brand.colors.table_header_fill)


def test_links_are_words_hyperlink_style_underlined_only_as_the_sheet_says(
    reference: docx.document.Document, brand: Brand
) -> None:
    style = reference.styles[sm.HYPERLINK]
    assert style.type == WD_STYLE_TYPE.CHARACTER
    assert style.style_id == sm.HYPERLINK
    assert not style.element.get(qn("w:customStyle"))  # Word's built-in style
    assert SHEET.keywords(Css("a", "text-decoration")) == {"none"}
    assert style.font.underline is None
    assert style.font.color.rgb == RGBColor.from_string(word_color(brand.colors.link))
    underlining = PrintSheet("a { text-decoration: underline }", SHEET)
    remade = docx.Document(io.BytesIO(build_reference(brand, underlining)))
    assert remade.styles[sm.HYPERLINK].font.underline is True


def test_reference_entries_are_set_as_the_pdfs_list(
    reference: docx.document.Document, brand: Brand
) -> None:
    entry = reference.styles[sm.REFERENCE_ENTRY]
    assert isinstance(entry, ParagraphStyle)
    assert entry.font.size is None  # Normal's: the body size, as the PDF's list items
    assert entry.element.find(f"{qn('w:pPr')}/{qn('w:contextualSpacing')}") is not None
    fmt, body = entry.paragraph_format, brand.sizes.body
    indent = SHEET.points(Css("ol", "padding-inline-start"), body)
    assert fmt.left_indent.pt == pytest.approx(indent, abs=0.05) == -fmt.first_line_indent.pt
    assert fmt.space_after.pt == SHEET.points(Css("ol", "margin-bottom"), body)


def looks(brief: Brief) -> list[dict[str, str]]:
    document = part(write_brief(brief), "word/document.xml")
    return [dict(look.attrib) for look in document.iterfind(".//w:tbl/w:tblPr/w:tblLook", NS)]


def test_only_a_table_with_header_rows_takes_the_header_rule_and_fill() -> None:
    head = (Row((Cell((Text("Port"),), header=True),)),)
    body = (Row((Cell((Text("Old Quay"),)),)),)
    with_head = looks(small_brief((Table(None, None, (), head, body),)))
    without = looks(small_brief((Table(None, None, (), (), body),)))
    first_row, bits = qn("w:firstRow"), qn("w:val")
    assert [(found[first_row], int(found[bits], 16) & 0x20) for found in with_head] == [("1", 0x20)]
    assert [(found[first_row], int(found[bits], 16) & 0x20) for found in without] == [("0", 0)]


def test_every_header_row_repeats_and_has_the_first_rows_rule_and_fill() -> None:
    head = (
        Row(
            (Cell((Text("Port"),), header=True, rowspan=2), Cell((Text("Closures"),), header=True))
        ),
        Row((Cell((Text("2025"),), header=True),)),
    )
    body = (Row((Cell((Text("Old Quay"),)), Cell((Text("12"),)))),)
    data = write_brief(small_brief((Table(None, None, (), head, body),)))
    rows = part(data, "word/document.xml").findall(".//w:tbl/w:tr", NS)
    assert [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows] == [True, True, False]
    fill, rule = word_color(HOUSE.colors.table_header_fill), word_color(HOUSE.colors.accent)
    for cell in rows[1].findall("w:tc", NS):  # the first row has them from the table style
        assert cell.xpath("string(w:tcPr/w:shd/@w:fill)", namespaces=NS) == fill
        assert cell.xpath("string(w:tcPr/w:tcBorders/w:bottom/@w:color)", namespaces=NS) == rule
    assert rows[2].xpath(".//w:tcPr/w:shd | .//w:tcPr/w:tcBorders", namespaces=NS) == []


def test_paragraphs_of_one_quotation_are_spaced_as_running_text() -> None:
    quote = Quote(tuple(Paragraph((Text(word),)) for word in ("First", "Second", "Third")), ())
    data = write_brief(small_brief((quote,)))
    document = docx.Document(io.BytesIO(data))
    between = document.styles[sm.BODY_TEXT].paragraph_format.space_after
    quote_style = document.styles[sm.QUOTE].paragraph_format
    assert between.pt < quote_style.space_after.pt  # the house style: 7 pt against 10 pt
    paragraphs = [
        p for p in document.paragraphs if p.style is not None and p.style.name == sm.QUOTE
    ]
    spaces = [(p.paragraph_format.space_before, p.paragraph_format.space_after) for p in paragraphs]
    # Word spaces two paragraphs by the larger of the space after and the space before.
    assert spaces == [(None, between), (0, between), (0, None)]


def ruled_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """The style id and the rule's colour of each paragraph with a top rule of its own."""
    rule = "w:pPr/w:pBdr/w:top[not(@w:val='nil')]"  # a nil rule takes the style's away
    found = part(data, "word/document.xml").xpath(f"//w:p[{rule}]", namespaces=NS)
    return [
        (node.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS),
         node.xpath("string(w:pPr/w:pBdr/w:top/@w:color)", namespaces=NS))
        for node in found
    ]  # fmt: skip


def test_the_colophon_starts_below_the_pdfs_rule(harbour: Brief, tmp_path: Path) -> None:
    rule = SHEET.points(Css("footer.back", "border-top"), HOUSE.sizes.caption)
    gap = SHEET.points(Css("footer.back", "padding-top"), HOUSE.sizes.caption)
    label = docx.Document(io.BytesIO(write_brief(harbour))).styles[sm.CITATION_LABEL]
    (top,) = label.element.xpath("w:pPr/w:pBdr/w:top")
    assert (int(top.get(qn("w:sz"))) / 8, int(top.get(qn("w:space")))) == (rule, round(gap))
    assert top.get(qn("w:color")) == word_color(HOUSE.colors.rule)
    assert label.paragraph_format.space_before.pt == SHEET.points(
        Css("footer.back", "margin-top"), HOUSE.sizes.caption
    )
    # With the identity lines in the colophon, the first of them takes the label's rule.
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brand = (style / "brand.toml").read_text(encoding="utf-8")
    (style / "brand.toml").write_text(
        brand.replace('identifiers = "title-page"', 'identifiers = "colophon"', 1), encoding="utf-8"
    )
    data = write_brief(harbour, style_dir=style)
    document = docx.Document(io.BytesIO(data))
    ids = {name: document.styles[name].style_id for name in (sm.IDENTITY, sm.CITATION_LABEL)}
    assert ruled_paragraphs(write_brief(harbour)) == []  # the label's rule is its style's
    assert ruled_paragraphs(data) == [(ids[sm.IDENTITY], word_color(HOUSE.colors.rule))]
    first = next(
        p for p in document.paragraphs if p.style is not None and p.style.name == sm.IDENTITY
    )
    assert first.paragraph_format.space_before == label.paragraph_format.space_before


def test_a_notes_number_is_bold_in_the_accent_on_the_line(tour: Brief, tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    number = document.styles[sm.FOOTNOTE_NUMBER]
    assert number.type == WD_STYLE_TYPE.CHARACTER
    assert number.font.bold is True
    assert number.font.color.rgb == RGBColor.from_string(word_color(HOUSE.colors.accent))
    assert number.font.superscript is not True  # the call in the text stays raised
    assert document.styles["footnote reference"].font.superscript is True
    marks = part(tour_docx, "word/footnotes.xml").xpath("//w:r[w:footnoteRef]", namespaces=NS)
    styles = {mark.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS) for mark in marks}
    assert len(marks) == len(tour.footnotes)
    assert styles == {number.style_id}


@pytest.mark.parametrize("brand", [HOUSE, OTHER], ids=["house", "other"])
def test_the_footnote_separator_is_the_print_sheets_rule_across_the_text(brand: Brand) -> None:
    notes = part(house_reference(brand), "word/footnotes.xml")
    width = SHEET.points(Css("@page @footnote", "border-top"), brand.sizes.footnote)
    gap = SHEET.points(Css("@page @footnote", "padding-top"), brand.sizes.footnote)
    for kind in ("separator", "continuationSeparator"):
        (note,) = notes.xpath(f"w:footnote[@w:type='{kind}']", namespaces=NS)
        (rule,) = note.xpath("w:p/w:pPr/w:pBdr/w:top", namespaces=NS)
        assert rule.get(qn("w:color")) == word_color(brand.colors.rule)
        assert (int(rule.get(qn("w:sz"))) / 8, int(rule.get(qn("w:space")))) == (width, gap)
        assert note.xpath("w:p/w:pPr/w:ind", namespaces=NS) == []  # as wide as the text
        # Word's own short separator line is hidden; a reader that ignores the rule keeps it.
        (mark,) = note.xpath(f"w:p/w:r[w:{kind}]", namespaces=NS)
        assert mark.find("w:rPr/w:vanish", NS) is not None


def test_the_output_keeps_the_references_separators(tour_docx: bytes) -> None:
    shipped = part((default_style_dir() / "reference.docx").read_bytes(), "word/footnotes.xml")
    written = part(tour_docx, "word/footnotes.xml")
    kept = written.xpath("w:footnote[@w:type]", namespaces=NS)
    assert [etree.tostring(note) for note in kept] == [
        etree.tostring(note) for note in shipped.iterfind("w:footnote", NS)
    ]
