"""Spaces and colours where Word has no way of its own to follow the print stylesheet
(``styles/pdf.css``): the space below a table, the reference calls' colour, the colophon that
starts with the identity lines, and spacing an institution's template leaves to the document
defaults."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import cast

import docx
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from briefexport.model import Brief, Paragraph, Quote, Section, Text
from briefexport.shared.print_sheet import Css
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import stylemap as sm
from support.briefs import small_brief
from support.docx import HOUSE, NS, part, write_brief
from support.docx_spacing import SHEET, caption_twips, identity_in_colophon, one_cell_table

W = NS["w"]


def after_table(data: bytes) -> etree._Element:
    (node,) = part(data, "word/document.xml").xpath("//w:body/w:tbl/following-sibling::w:p[1]",
                                                    namespaces=NS)  # fmt: skip
    return cast(etree._Element, node)


def test_the_paragraph_after_a_table_has_the_prints_space_below_the_table() -> None:
    data = write_brief(small_brief((one_cell_table(), Paragraph((Text("After the table."),)))))
    below = str(caption_twips(Css("table", "margin-bottom")))
    assert int(below) > 0
    assert after_table(data).xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS) == below
    assert "".join(after_table(data).xpath(".//w:t/text()", namespaces=NS)) == "After the table."


def test_a_template_without_the_tables_space_borrows_the_shipped_one(tmp_path: Path) -> None:
    template = rewritten_reference(tmp_path, "word/settings.xml", without_doc_vars)
    brief = small_brief((one_cell_table(), Paragraph((Text("After the table."),))))
    data = write_brief(brief, reference_docx=template)
    below = str(caption_twips(Css("table", "margin-bottom")))
    assert after_table(data).xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS) == below


def without_doc_vars(settings_xml: bytes) -> bytes:
    root = etree.fromstring(settings_xml)
    for variables in root.xpath("w:docVars", namespaces=NS):
        root.remove(variables)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_a_larger_space_before_wins_over_the_tables() -> None:
    section = Section("s1", (Text("Next part"),), (Paragraph((Text("Text."),)),))
    data = write_brief(small_brief((one_cell_table(), section)))
    heading = docx.Document(io.BytesIO(data)).styles[sm.HEADINGS[0]]
    assert heading.paragraph_format.space_before.twips > caption_twips(
        Css("table", "margin-bottom")
    )
    assert after_table(data).xpath("w:pPr/w:spacing", namespaces=NS) == []  # its style's space


def test_reference_calls_have_the_brands_link_colour(tour_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(tour_docx))
    link = document.styles[sm.HYPERLINK]
    assert str(link.font.color.rgb) == HOUSE.colors.link.lstrip("#").upper()
    calls = part(tour_docx, "word/document.xml").xpath(
        "//w:hyperlink[starts-with(@w:anchor, '_RefBib')]/w:r", namespaces=NS
    )
    assert calls
    assert {call.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS) for call in calls} == {
        link.style_id
    }


def space(paragraph: DocxParagraph, side: str) -> float:
    """A paragraph's space before or after in points, direct or its style's."""
    value = getattr(paragraph.paragraph_format, side)
    if value is None and paragraph.style is not None:
        value = getattr(paragraph.style.paragraph_format, side)
    return 0.0 if value is None else float(value.pt)


def test_the_label_follows_identity_lines_in_the_colophon_as_in_print(
    harbour: Brief, tmp_path: Path
) -> None:
    data = write_brief(harbour, style_dir=identity_in_colophon(tmp_path))
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    names = [p.style.name if p.style is not None else "" for p in paragraphs]
    label = names.index(sm.CITATION_LABEL)
    assert names[label - 1] == sm.IDENTITY
    gap = max(space(paragraphs[label - 1], "space_after"), space(paragraphs[label], "space_before"))
    # The print sets both as paragraphs of the colophon: the space after each of them.
    assert gap == SHEET.points(Css("footer.back p", "margin-bottom"), HOUSE.sizes.caption)
    (rule,) = paragraphs[label]._p.xpath("w:pPr/w:pBdr/w:top")
    assert rule.get(f"{{{W}}}val") == "nil"  # the colophon's rule is above its first line only


def rewritten_reference(tmp_path: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """The shipped reference document as an institution's template, one part changed."""
    source = default_style_dir() / "reference.docx"
    target = tmp_path / "institution.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            content = old.read(item.filename)
            new.writestr(item, change(content) if item.filename == name else content)
    return target


def defaults_template(tmp_path: Path, after: str) -> Path:
    """The shipped reference document with Body Text's space after left to the defaults."""
    change = functools.partial(without_space_after, after=after)
    return rewritten_reference(tmp_path, "word/styles.xml", change)


def without_space_after(styles_xml: bytes, after: str) -> bytes:
    root = etree.fromstring(styles_xml)
    for spacing in root.xpath("//w:style/w:pPr/w:spacing[@w:after]", namespaces=NS):
        del spacing.attrib[f"{{{W}}}after"]
    (defaults,) = root.xpath("w:docDefaults", namespaces=NS)
    for old in defaults.xpath("w:pPrDefault", namespaces=NS):
        defaults.remove(old)
    spacing = etree.SubElement(etree.SubElement(etree.SubElement(
        defaults, f"{{{W}}}pPrDefault"), f"{{{W}}}pPr"), f"{{{W}}}spacing")  # fmt: skip
    spacing.set(f"{{{W}}}after", after)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_quote_spacing_falls_back_to_the_document_defaults(tmp_path: Path) -> None:
    quote = Quote(tuple(Paragraph((Text(word),)) for word in ("First", "Second")), ())
    data = write_brief(small_brief((quote,)), reference_docx=defaults_template(tmp_path, "190"))
    body = part(data, "word/document.xml")
    quote_id = docx.Document(io.BytesIO(data)).styles[sm.QUOTE].style_id
    first, second = body.xpath(f"//w:p[w:pPr/w:pStyle/@w:val='{quote_id}']", namespaces=NS)
    assert first.xpath("string(w:pPr/w:spacing/@w:after)", namespaces=NS) == "190"
    assert second.xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS) == "0"
    assert re.search(rb"w:after=\"190\"", zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
