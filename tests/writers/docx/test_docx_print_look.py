"""Ways the Word copy looked unlike the print, held to the print stylesheet (``styles/pdf.css``):
inline code at the print's fraction of the text around it, the number at the head of a note in
the style LibreOffice sets it in (the calls still raised), a table's edge in line with the text
in the compatibility mode the document declares, the running head and page number where the
print's page margin boxes put them, and list items indented as the print's lists."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from briefexport.model import (
    Brief,
    Cell,
    Footnote,
    FootnoteRef,
    Inline,
    Paragraph,
    Row,
    Styled,
    Table,
    Text,
    TextStyle,
)
from briefexport.shared.brand import Brand
from briefexport.shared.print_sheet import Css
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import stylemap as sm
from support.briefs import small_brief
from support.docx import HOUSE, NS, part, write_brief
from support.docx_spacing import SHEET, caption_twips, one_cell_table
from support.note_calls import note_calls_brief
from support.pdf import word_boxes
from support.validators import libreoffice_to_pdf

W = NS["w"]
CODE = Css("code", "font-size")
LIBREOFFICE_NUMBER_STYLE = "Footnote Characters"  # what LibreOffice calls its note-area style


def code(word: str) -> Styled:
    return Styled(TextStyle.MONOSPACE, (Text(word),))


def code_brief() -> Brief:
    """Code in running text, in a note, in a table's caption and in a table cell."""
    note = Footnote("fn1", 1, (Paragraph((Text("See "), code("notecode"), Text("."))),))
    caption: tuple[Inline, ...] = (Text("Readings of "), code("captioncode"))
    cells = Row((Cell((code("cellcode"),)), Cell((Text("Cellword"),))))
    table = Table(None, "Table 1", caption, (), (cells,))
    body = (Paragraph((Text("Bodyword runs "), code("bodycode"), FootnoteRef(note))), table)
    return small_brief(body, notes=(note,))


def effective_size(styles: etree._Element, run: etree._Element, paragraph_style: str) -> float:
    """A run's size in points: its own, its character style's, its paragraph style's (each with
    their bases) or the document defaults'."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.iterfind("w:style", NS)}

    def chain(style_id: str | None) -> list[etree._Element]:
        found = []
        while style_id in by_id:
            found.append(by_id[style_id])
            style_id = by_id[style_id].xpath("string(w:basedOn/@w:val)", namespaces=NS) or None
        return found

    character = run.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS) or None
    for holder in [run, *chain(character), *chain(paragraph_style)]:
        size = holder.xpath("string(w:rPr/w:sz/@w:val)", namespaces=NS)
        if size:
            return int(size) / 2
    return int(styles.xpath("string(w:docDefaults//w:sz/@w:val)", namespaces=NS)) / 2


def code_sizes(data: bytes) -> dict[str, float]:
    """Each code word of the copy and the size it is set in."""
    styles = part(data, "word/styles.xml")
    sizes = {}
    for name in ("word/document.xml", "word/footnotes.xml"):
        for run in part(data, name).iterfind(".//w:r", NS):
            text = "".join(run.xpath("w:t/text()", namespaces=NS))
            if text.endswith("code"):
                (paragraph,) = run.xpath("ancestor::w:p[1]", namespaces=NS)
                style = paragraph.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
                sizes[text] = effective_size(styles, run, style)
    return sizes


def test_the_code_style_is_the_prints_code_size_in_running_text(
    brand: Brand, reference: docx.document.Document
) -> None:
    size = reference.styles[sm.VERBATIM].font.size
    assert size is not None
    assert size.pt == round(SHEET.points(CODE, brand.sizes.body) * 2) / 2
    assert size.pt < brand.sizes.body


def test_code_is_the_prints_fraction_of_the_text_it_stands_in() -> None:
    sizes = code_sizes(write_brief(code_brief()))
    around = {"bodycode": HOUSE.sizes.body, "notecode": HOUSE.sizes.footnote,
              "captioncode": HOUSE.sizes.caption, "cellcode": HOUSE.sizes.caption}  # fmt: skip
    assert sizes.keys() == around.keys()
    for word, text_size in around.items():
        printed = SHEET.points(CODE, text_size)
        assert abs(sizes[word] - printed) <= 0.25, (word, sizes[word], printed)  # half points


def test_code_keeps_the_size_of_its_text_when_the_code_style_sets_none(tmp_path: Path) -> None:
    def unsized(styles_xml: bytes) -> bytes:
        root = etree.fromstring(styles_xml)
        (style,) = root.xpath("w:style[w:name/@w:val = $name]", namespaces=NS, name=sm.VERBATIM)
        for size in style.xpath("w:rPr/w:sz | w:rPr/w:szCs", namespaces=NS):
            size.getparent().remove(size)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    template = rewritten_reference(tmp_path, "word/styles.xml", unsized)
    sizes = code_sizes(write_brief(code_brief(), reference_docx=template))
    assert sizes == {"bodycode": HOUSE.sizes.body, "notecode": HOUSE.sizes.footnote,
                     "captioncode": HOUSE.sizes.caption, "cellcode": HOUSE.sizes.caption}  # fmt: skip


def rewritten_reference(tmp_path: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """The shipped reference document as an institution's template, one part changed."""
    target = tmp_path / "institution.docx"
    with (
        zipfile.ZipFile(default_style_dir() / "reference.docx") as old,
        zipfile.ZipFile(target, "w") as new,
    ):
        for item in old.infolist():
            content = old.read(item.filename)
            new.writestr(item, change(content) if item.filename == name else content)
    return target


def style_names(data: bytes) -> dict[str, str]:
    styles = part(data, "word/styles.xml")
    return {
        s.get(qn("w:styleId"), ""): s.xpath("string(w:name/@w:val)", namespaces=NS)
        for s in styles.iterfind("w:style", NS)
    }


def test_a_notes_number_is_in_the_style_libreoffice_sets_that_number_in(tour_docx: bytes) -> None:
    names = style_names(tour_docx)
    marks = part(tour_docx, "word/footnotes.xml").xpath(
        "//w:r[w:footnoteRef]/w:rPr/w:rStyle/@w:val", namespaces=NS
    )
    assert marks
    assert {names[str(mark)] for mark in marks} == {LIBREOFFICE_NUMBER_STYLE}
    number = docx.Document(io.BytesIO(tour_docx)).styles[LIBREOFFICE_NUMBER_STYLE]
    assert number.font.bold is True
    assert number.font.superscript is not True


LOOK = ("b", "vertAlign", "color")


def look(styles: etree._Element, style_name: str, direct: etree._Element | None) -> list[str]:
    """Bold, vertical alignment and colour of a run: its direct settings over a style's."""
    (style,) = styles.xpath("w:style[w:name/@w:val = $name]", namespaces=NS, name=style_name)
    found = []
    for tag in LOOK:
        nodes = [] if direct is None else direct.findall(f"w:{tag}", NS)
        nodes = nodes or style.findall(f"w:rPr/w:{tag}", NS)
        value = nodes[0].get(qn("w:val"), "1") if nodes else ""
        found.append({"0": "", "baseline": ""}.get(value, value))
    return found


def test_the_comma_between_calls_and_a_later_call_look_like_calls_in_libreoffice() -> None:
    """LibreOffice sets every run of Word's Footnote Reference style in its note-area number
    style (the number's look, bold on the line), but the first call of each note: the others
    carry the call's look themselves."""
    data = write_brief(note_calls_brief())
    styles = part(data, "word/styles.xml")
    call = look(styles, "footnote reference", None)
    assert call[1] == "superscript"
    names = style_names(data)
    runs = part(data, "word/document.xml").xpath(
        "//w:r[w:rPr/w:rStyle][not(w:footnoteReference)]", namespaces=NS
    )
    styled = [r for r in runs if names[r.find("w:rPr/w:rStyle", NS).get(qn("w:val"))]
              == "footnote reference"]  # fmt: skip
    texts = ["".join(r.xpath("w:t/text()", namespaces=NS)) for r in styled]
    assert sorted(texts) == [",", ",", "1", "2"]  # 1,2 and 5,1; the later calls of 1 and 2
    for run in styled:
        direct = run.find("w:rPr", NS)
        assert look(styles, LIBREOFFICE_NUMBER_STYLE, direct) == call  # as LibreOffice sets it
        assert look(styles, "footnote reference", direct) == call  # as Word sets it


def table_indent(data: bytes) -> str:
    (table,) = part(data, "word/document.xml").iterfind(".//w:tbl", NS)
    return str(table.xpath("string(w:tblPr/w:tblInd/@w:w)", namespaces=NS))


def compatibility_mode(data: bytes) -> int:
    settings = part(data, "word/settings.xml")
    mode = settings.xpath("string(//w:compatSetting[@w:name='compatibilityMode']/@w:val)",
                          namespaces=NS)  # fmt: skip
    return int(mode)


def test_a_tables_border_meets_the_text_in_word_2010s_layout() -> None:
    """Before Word 2013's mode a table's first cell text stands at the indent, its border the
    cell margin to the left: the indent is the margin, the print's cell padding."""
    data = write_brief(small_brief((one_cell_table(),)))
    assert compatibility_mode(data) < 15
    assert table_indent(data) == str(caption_twips(Css("td", "padding-left")))


def test_a_word_2013_template_gets_no_indent(tmp_path: Path) -> None:
    def modern(settings_xml: bytes) -> bytes:
        return settings_xml.replace(
            b'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"',
            b'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"',
        )

    template = rewritten_reference(tmp_path, "word/settings.xml", modern)
    data = write_brief(small_brief((one_cell_table(),)), reference_docx=template)
    assert compatibility_mode(data) == 15
    assert table_indent(data) == ""


def test_the_running_head_and_page_number_stand_where_the_print_sets_them(
    brand: Brand, reference: docx.document.Document
) -> None:
    """The running head's line ends the ``@top-left`` box's padding above the text; the page
    number's line is centred in the bottom margin (``@bottom-center``'s default)."""
    section = reference.sections[0]
    line = brand.sizes.running_header * brand.sizes.line_height
    gap = SHEET.points(Css("@page @top-left", "padding-bottom"), brand.sizes.running_header)
    top, bottom = Mm(brand.page.margin_top).pt, Mm(brand.page.margin_bottom).pt
    assert section.header_distance is not None
    assert section.footer_distance is not None
    assert abs(section.header_distance.pt - (top - gap - line)) < 0.05
    assert abs(section.footer_distance.pt - (bottom - line) / 2) < 0.05


@pytest.mark.parametrize(("style", "rule"), [(sm.LIST_BULLET, "ul"), (sm.LIST_NUMBER, "ol")])
def test_list_items_are_indented_as_the_prints_lists(
    brand: Brand, reference: docx.document.Document, style: str, rule: str
) -> None:
    """The item's text at the list's padding, the bullet or number hanging in it."""
    padding = str(round(SHEET.points(Css(rule, "padding-inline-start"), brand.sizes.body) * 20))
    (num_id,) = reference.styles[style].element.xpath("w:pPr/w:numPr/w:numId/@w:val")
    numbering = reference.part.numbering_part.element
    abstract = numbering.num_having_numId(int(num_id)).abstractNumId.get(qn("w:val"))
    (level,) = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']")
    (indent,) = level.xpath("w:pPr/w:ind", namespaces=NS)
    assert (indent.get(qn("w:left")), indent.get(qn("w:hanging"))) == (padding, padding)
    assert level.xpath("w:pPr/w:tabs/w:tab/@w:pos", namespaces=NS) == [padding]
    if rule == "ul":  # a later paragraph of an item starts where the item's text does
        follow_on = reference.styles[sm.LIST_CONTINUE].paragraph_format.left_indent
        assert follow_on is not None
        assert str(follow_on.twips) == padding


@pytest.mark.slow
def test_libreoffice_sets_tables_and_note_numbers_as_the_print_does(tmp_path: Path) -> None:
    """In LibreOffice's PDF of the copy a table's text stands the cell padding in from the body
    text (its border on the text's edge), a note's number is on the line of the note's text at
    the note's size, not raised and smaller as the call, and the page number is centred in the
    bottom margin."""
    path = tmp_path / "look.docx"
    path.write_bytes(write_brief(code_brief()))
    pdf = libreoffice_to_pdf({"look": path}, tmp_path / "pdf", tmp_path / "profile")["look"]
    boxes = word_boxes(pdf)
    words = {box.text: box for box in boxes}
    padding = SHEET.points(Css("td", "padding-left"), HOUSE.sizes.caption)
    cell, body = words["cellcode"], words["Bodyword"]
    assert abs(cell.left - body.left - padding) < 0.5, (cell, body, padding)
    see = words["See"]
    (number,) = [box for box in boxes if box.text == "1" and see.top < box.bottom <= see.bottom + 1]
    assert abs(number.bottom - see.bottom) < 0.5, (number, see)  # on the line
    assert number.bottom - number.top > 0.9 * (see.bottom - see.top)  # at the note's size
    (page_number,) = [box for box in boxes if box.text == "1" and box.top > see.bottom]
    paper = Mm(HOUSE.page.size.millimetres[1]).pt
    middle = paper - Mm(HOUSE.page.margin_bottom).pt / 2
    assert abs((page_number.top + page_number.bottom) / 2 - middle) < 1.5, (page_number, middle)
