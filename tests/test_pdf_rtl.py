"""Right-to-left briefs (Urdu, Arabic) in Naskh, text extractable; undrawable characters warned."""

from __future__ import annotations

import io
import logging
import subprocess
from pathlib import Path

import pikepdf
import pytest

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import Link, Paragraph, Text
from briefexport.options import default_options
from briefexport.shared.i18n import is_rtl
from briefexport.writers.pdf import write
from briefexport.writers.pdf.glyphs import missing_characters
from test_pdf_briefs import brief_with_blocks

RTL = Path(__file__).resolve().parent / "data" / "rtl"


def pdftotext(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def fonts(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


@pytest.mark.parametrize("name", ["urdu-brief.xml", "arabic-brief.xml"])
def test_rtl_brief_in_naskh_with_extractable_words(name: str, tmp_path: Path) -> None:
    brief = briefexport.load(RTL / name)
    assert is_rtl(brief.meta.language)
    data = write(brief, default_options(brief, pdf_standard="none"))
    text = pdftotext(data, tmp_path)
    for word in plain_text(brief.meta.title).split():
        assert word in text, word
    assert "Noto-Naskh-Arabic" in fonts(data, tmp_path)
    document = pikepdf.open(io.BytesIO(data))
    assert str(document.Root.Lang) == brief.meta.language


def test_character_no_font_draws_is_warned(caplog: pytest.LogCaptureFixture) -> None:
    brief = brief_with_blocks((Paragraph((Text("A private sign \U0010fffd here."),)),))
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        write(brief, default_options(brief, pdf_standard="none"))
    messages = [record.getMessage() for record in caplog.records]
    assert any("U+10FFFD" in message for message in messages), messages


def test_covered_characters_are_not_warned() -> None:
    style = Path(__file__).resolve().parents[1] / "styles"
    assert missing_characters(["Latin, \u0627\u0631\u062f\u0648 and \u00e9"], style) == []
    assert missing_characters(["\U0010fffd"], style) == ["\U0010fffd"]


def test_ltr_urls_in_rtl_notes_stay_whole_links() -> None:
    brief = briefexport.load(RTL / "urdu-brief.xml")
    document = pikepdf.open(io.BytesIO(write(brief, default_options(brief, pdf_standard="none"))))
    uris = {
        str(annotation.A.URI)
        for page in document.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation and "/URI" in annotation.A
    }
    hrefs = {
        link.href
        for note in brief.footnotes
        for paragraph in note.paragraphs
        for link in links(paragraph.children)
    }
    assert hrefs, "the Urdu brief has links in its notes"
    assert hrefs <= uris


def links(inlines: tuple[object, ...]) -> list[Link]:
    found: list[Link] = []
    for inline in inlines:
        if isinstance(inline, Link):
            found.append(inline)
        found.extend(links(getattr(inline, "children", ())))
    return found


def test_a_bare_url_in_right_to_left_text_comes_out_whole(tmp_path: Path) -> None:
    """Kept on one line, a URL is not cut into pieces that pdftotext orders right to left."""
    brief = briefexport.load(RTL / "urdu-brief.xml")
    text = "".join(pdftotext(write(brief, default_options(brief)), tmp_path).split())
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
