"""Right-to-left briefs (Urdu, Arabic) in Naskh, text extractable; undrawable characters warned."""

from __future__ import annotations

import io
import logging
import re

import pikepdf
import pytest

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import Link, Paragraph, Text
from briefexport.options import default_options
from briefexport.shared.i18n import is_rtl
from briefexport.writers.pdf import write
from briefexport.writers.pdf.glyphs import missing_characters
from support.briefs import brief_with_blocks
from support.model import find
from support.paths import REPO, RTL
from support.pdf import font_list, pdf_text
from support.written_pdfs import written_pdf


@pytest.mark.parametrize("name", ["urdu-brief.xml", "arabic-brief.xml"])
def test_rtl_brief_in_naskh_with_extractable_words(name: str) -> None:
    brief = briefexport.load(RTL / name)
    assert is_rtl(brief.meta.language)
    data = written_pdf(brief, default_options(brief, pdf_standard="none"))
    text = pdf_text(data)
    for word in plain_text(brief.meta.title).split():
        assert word in text, word
    assert "Noto-Naskh-Arabic" in font_list(data)
    document = pikepdf.open(io.BytesIO(data))
    assert str(document.Root.Lang) == brief.meta.language


def test_character_no_font_draws_is_warned(caplog: pytest.LogCaptureFixture) -> None:
    brief = brief_with_blocks((Paragraph((Text("A private sign \U0010fffd here."),)),))
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        write(brief, default_options(brief, pdf_standard="none"))
    messages = [record.getMessage() for record in caplog.records]
    assert any("U+10FFFD" in message for message in messages), messages


def test_covered_characters_are_not_warned() -> None:
    style = REPO / "styles"
    assert missing_characters(["Latin, \u0627\u0631\u062f\u0648 and \u00e9"], style) == []
    assert missing_characters(["\U0010fffd"], style) == ["\U0010fffd"]


def test_ltr_urls_in_rtl_notes_stay_whole_links() -> None:
    brief = briefexport.load(RTL / "urdu-brief.xml")
    options = default_options(brief, pdf_standard="none")
    document = pikepdf.open(io.BytesIO(written_pdf(brief, options)))
    uris = {
        str(annotation.A.URI)
        for page in document.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation and "/URI" in annotation.A
    }
    hrefs = {link.href for link in find(brief.footnotes, Link)}
    assert hrefs, "the Urdu brief has links in its notes"
    assert hrefs <= uris


def test_a_bare_url_in_right_to_left_text_comes_out_whole() -> None:
    """Kept on one line, a URL is not cut into pieces that pdftotext orders right to left."""
    brief = briefexport.load(RTL / "urdu-brief.xml")
    text = "".join(pdf_text(written_pdf(brief)).split())
    urls = [
        inline.href
        for note in brief.footnotes
        for paragraph in note.paragraphs
        for part in paragraph.children
        for inline in getattr(part, "children", ())
        if isinstance(inline, Link)
    ]
    assert urls
    for url in urls:
        assert url in text


def arabic_letters_by_font(data: bytes) -> dict[str, set[str]]:
    """Each embedded font's name and the Arabic-script characters its ToUnicode map lists."""
    document = pikepdf.open(io.BytesIO(data))
    drawn: dict[str, set[str]] = {}
    for page in document.pages:
        for font in page.Resources.get("/Font", {}).values():
            cmap = font.ToUnicode.read_bytes().decode("latin-1")
            codes = re.findall(r"<[0-9a-fA-F]+>\s*<([0-9a-fA-F]{4})>", cmap)
            letters = {chr(int(code, 16)) for code in codes if 0x0600 <= int(code, 16) <= 0x06FF}
            drawn.setdefault(str(font.BaseFont).split("+")[-1], set()).update(letters)
    return {name: letters for name, letters in drawn.items() if letters}


def test_every_arabic_letter_is_set_in_the_brands_right_to_left_fonts() -> None:
    brief = briefexport.load(RTL / "urdu-brief.xml")
    data = written_pdf(brief, default_options(brief, pdf_standard="none"))
    fonts = arabic_letters_by_font(data)
    assert fonts, "no Arabic-script text found in the PDF's fonts"
    strays = {name: letters for name, letters in fonts.items() if "Naskh" not in name}
    assert not strays, strays
