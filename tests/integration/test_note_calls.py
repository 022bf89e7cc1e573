"""Footnote calls side by side print "1,2" in every format; calls with words between, no comma;
calls inside formatting too, and "1،2" in a brief in Urdu.

The printed text is read back as a reader sees it: pdftotext over both PDF engines; the HTML
page and the EPUB book laid out with their own stylesheets by WeasyPrint (the comma is generated
by CSS), then pdftotext; the DOCX body as Word numbers it (each footnote reference shows its
position among the references; a repeated call is a field whose result is its number).
Markdown and JATS write each call as its own markup and need no separator.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

from briefexport.model import Brief
from briefexport.options import PdfEngine, default_options
from briefexport.output import export_brief
from support.formatted_calls import formatted_calls_brief, missing_and_misprinted
from support.note_calls import MISPRINTED, PRINTED, flat, note_calls_brief
from support.pdf import pdf_text
from support.skips import require_module
from support.validators import libreoffice_to_pdf


def laid_out_text(path: Path, base: Path | None = None) -> str:
    """The text WeasyPrint prints for an HTML or XHTML file, with its stylesheets."""
    from weasyprint import HTML

    return pdf_text(HTML(filename=str(path), base_url=str(base or path)).write_pdf())


def epub_text(path: Path) -> str:
    folder = path.with_suffix("")
    with zipfile.ZipFile(path) as book:
        book.extractall(folder)
    return laid_out_text(folder / "EPUB" / "brief.xhtml")


def docx_body_text(path: Path) -> str:
    """The body's text with each ``w:footnoteReference`` printed as Word numbers it."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    paragraphs, references = [], 0
    for paragraph in body.iter(qn("w:p")):
        pieces = []
        for node in paragraph.iter(qn("w:t"), qn("w:footnoteReference")):
            if node.tag == qn("w:footnoteReference"):
                references += 1
                pieces.append(str(references))
            else:
                pieces.append(node.text or "")
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


READERS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "pdf": ("pdf", pdf_text),
    "pdf-typst": ("pdf", pdf_text),
    "html": ("html", laid_out_text),
    "epub": ("epub", epub_text),
    "docx": ("docx", docx_body_text),
}


def written(brief: Brief, name: str, folder: Path) -> Path:
    fmt = READERS[name][0]
    options = default_options(brief)
    if name == "pdf-typst":
        require_module("typst", "test extra")
        options = replace(options, pdf_engine=PdfEngine.TYPST)
    return export_brief(brief, fmt, folder / f"calls.{name}.{fmt}", options)


def assert_separated_as_in_print(text: str) -> None:
    printed = flat(text)
    assert [wrong for wrong in MISPRINTED if wrong in printed] == []
    assert [right for right in PRINTED if right not in printed] == []


@pytest.mark.parametrize("name", list(READERS))
def test_calls_side_by_side_get_a_comma_and_calls_apart_none(name: str, tmp_path: Path) -> None:
    path = written(note_calls_brief(), name, tmp_path)
    assert_separated_as_in_print(READERS[name][1](path))


@pytest.mark.parametrize("name", list(READERS))
@pytest.mark.parametrize("language", ["en", "ur"])
def test_calls_beside_formatting_print_the_separator_of_the_language(
    name: str, language: str, tmp_path: Path
) -> None:
    path = written(formatted_calls_brief(language), name, tmp_path)
    assert missing_and_misprinted(flat(READERS[name][1](path)), language) == ([], [])


@pytest.mark.slow
def test_libreoffice_prints_the_docx_calls_as_in_print(tmp_path: Path) -> None:
    path = written(note_calls_brief(), "docx", tmp_path)
    converted = libreoffice_to_pdf({"calls": path}, tmp_path / "pdf", tmp_path / "profile")
    assert_separated_as_in_print(pdf_text(converted["calls"]))


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ur"])
def test_libreoffice_prints_the_separator_of_the_language(language: str, tmp_path: Path) -> None:
    path = written(formatted_calls_brief(language), "docx", tmp_path)
    converted = libreoffice_to_pdf({"calls": path}, tmp_path / "pdf", tmp_path / "profile")
    assert missing_and_misprinted(flat(pdf_text(converted["calls"])), language) == ([], [])
