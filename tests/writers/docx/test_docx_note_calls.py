"""DOCX: a comma run in the Footnote Reference style between two calls side by side, no other;
the Arabic comma in a brief in an Arabic-script language."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from support.docx import NS, part, style_ids, write_brief
from support.formatted_calls import ARABIC_COMMA, formatted_calls_brief
from support.note_calls import note_calls_brief


def call_sequence(paragraph: etree._Element, reference_style: str) -> list[str]:
    """The paragraph's calls and the text between them, in order: ``call`` for a footnote
    reference or a NOTEREF field, ``sep`` for a comma run in the Footnote Reference style
    (``sep-arabic`` for the Arabic comma), the text of any other run."""
    items: list[str] = []
    for node in paragraph.xpath("w:r | w:fldSimple", namespaces=NS):
        style = node.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS)
        text = "".join(node.xpath(".//w:t/text()", namespaces=NS))
        if node.tag == qn("w:fldSimple") or node.find(qn("w:footnoteReference")) is not None:
            items.append("call")
        elif style == reference_style and text == ",":
            items.append("sep")
        elif style == reference_style and text == ARABIC_COMMA:
            items.append("sep-arabic")
        else:
            items.append(text)
    return items


def test_only_calls_side_by_side_get_the_comma_and_it_is_raised_like_them() -> None:
    data = write_brief(note_calls_brief())
    reference = style_ids(data)["footnote reference"]
    body = part(data, "word/document.xml").find("w:body", NS)
    assert body is not None
    found = [call_sequence(p, reference) for p in body.iterfind("w:p", NS)]
    assert ["Tides rose", "call", "sep", "call", " last winter."] in found
    assert ["Storms came", "call", " while the quay was built", "call", "."] in found
    assert ["Walls held", "call", "sep", "call", " and dunes", "call", "."] in found


def body_sequences(data: bytes) -> list[list[str]]:
    reference = style_ids(data)["footnote reference"]
    body = part(data, "word/document.xml").find("w:body", NS)
    assert body is not None
    return [call_sequence(p, reference) for p in body.iterfind("w:p", NS)]


def test_calls_beside_formatting_get_the_separator_of_the_language() -> None:
    for language, sep in (("en", "sep"), ("ur", "sep-arabic")):
        found = body_sequences(write_brief(formatted_calls_brief(language)))
        pairs = [[item for item in p if item in ("call", "sep", "sep-arabic")] for p in found]
        assert ["call", sep, "call"] in pairs, language
        assert ["call", sep, "call", "call", sep, "call"] in pairs, language
        assert sum(pair.count(sep) for pair in pairs) == 4, language
