"""Where Word has no way of its own to follow the print stylesheet (``styles/pdf.css``) around
tables and in the colophon: the space above a table without a caption, two tables in a row kept
apart, and the gap below the colophon's rule when identity lines start it."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
from lxml import etree

from briefexport.importers import import_file
from briefexport.model import Brief, Paragraph, Table, Text
from briefexport.shared.print_sheet import Css
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import stylemap as sm
from support.briefs import small_brief
from support.docx import HOUSE, NS, part, write_brief
from support.docx_spacing import SHEET, caption_twips, identity_in_colophon, one_cell_table

W = NS["w"]


def body_of(data: bytes) -> list[etree._Element]:
    (body,) = part(data, "word/document.xml").xpath("//w:body", namespaces=NS)
    return [child for child in body if child.tag != f"{{{W}}}sectPr"]


def spacing(node: etree._Element, side: str) -> str:
    return str(node.xpath(f"string(w:pPr/w:spacing/@w:{side})", namespaces=NS))


def test_the_paragraph_before_a_table_has_the_prints_space_above_the_table() -> None:
    brief = small_brief((Paragraph((Text("Before the table."),)), one_cell_table()))
    nodes = body_of(write_brief(brief))
    table = next(i for i, node in enumerate(nodes) if node.tag == f"{{{W}}}tbl")
    above = caption_twips(Css("table", "margin-top"))
    assert above > 0
    assert spacing(nodes[table - 1], "after") == str(above)


def test_a_tables_caption_keeps_its_styles_spacing() -> None:
    brief = small_brief((Paragraph((Text("Before the table."),)), one_cell_table(caption="Quays")))
    data = write_brief(brief)
    nodes = body_of(data)
    table = next(i for i, node in enumerate(nodes) if node.tag == f"{{{W}}}tbl")
    caption_id = docx.Document(io.BytesIO(data)).styles[sm.TABLE_CAPTION].style_id
    assert nodes[table - 1].xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == caption_id
    assert spacing(nodes[table - 1], "after") == ""  # the caption's own, from its style
    assert spacing(nodes[table - 2], "after") == ""  # the caption's style has the space above


def test_two_tables_in_a_row_are_kept_apart_by_a_tiny_paragraph() -> None:
    nodes = body_of(
        write_brief(small_brief((one_cell_table("Old Quay"), one_cell_table("New Quay"))))
    )
    kinds = [etree.QName(node).localname for node in nodes]
    first = kinds.index("tbl")
    assert kinds[first : first + 3] == ["tbl", "p", "tbl"]
    separator = nodes[first + 1]
    assert separator.xpath(".//w:t", namespaces=NS) == []
    gap = max(
        caption_twips(Css("table", "margin-top")), caption_twips(Css("table", "margin-bottom"))
    )
    line = int(spacing(separator, "line"))
    assert spacing(separator, "lineRule") == "exact"
    assert int(spacing(separator, "before")) + line + int(spacing(separator, "after")) == gap


def test_two_tables_in_a_row_come_back_as_two_tables(harbour: Brief, tmp_path: Path) -> None:
    tables = (one_cell_table("Old Quay"), one_cell_table("New Quay"))
    target = tmp_path / "tables.docx"
    target.write_bytes(write_brief(replace(harbour, body=(*harbour.body, *tables))))
    blocks = import_file(target).body
    assert [type(block) for block in blocks[-2:]] == [Table, Table]  # no empty paragraph between


def test_the_colophons_rule_is_as_far_above_identity_lines_as_in_print(
    harbour: Brief, tmp_path: Path
) -> None:
    data = write_brief(harbour, style_dir=identity_in_colophon(tmp_path))
    identity_id = docx.Document(io.BytesIO(data)).styles[sm.IDENTITY].style_id
    (rule,) = part(data, "word/document.xml").xpath(
        f"//w:p[w:pPr/w:pStyle/@w:val='{identity_id}']/w:pPr/w:pBdr/w:top", namespaces=NS
    )
    padding = SHEET.points(Css("footer.back", "padding-top"), HOUSE.sizes.caption)
    margin = SHEET.points(Css("div.identity", "margin-top"), HOUSE.sizes.caption)
    assert margin > 0
    assert int(rule.get(f"{{{W}}}space")) == round(padding + margin)


def test_a_template_without_the_space_above_borrows_the_shipped_one(tmp_path: Path) -> None:
    source = default_style_dir() / "reference.docx"
    target = tmp_path / "institution.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            content = old.read(item.filename)
            if item.filename == "word/settings.xml":
                content = content.replace(b"briefexport.tableSpaceAbove", b"other.variable")
            new.writestr(item, content)
    brief = small_brief((Paragraph((Text("Before the table."),)), one_cell_table()))
    nodes = body_of(write_brief(brief, reference_docx=target))
    table = next(i for i, node in enumerate(nodes) if node.tag == f"{{{W}}}tbl")
    assert spacing(nodes[table - 1], "after") == str(caption_twips(Css("table", "margin-top")))
