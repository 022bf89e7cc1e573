"""``--to epub`` checked by Ace by DAISY, the EPUB accessibility checker (EPUB Accessibility 1.1,
WCAG 2.x rules by axe-core in Chromium): no violation at all, whatever its impact, in any book
of the corpus; and a book broken on purpose is caught, so that a checker gone blind fails."""

from __future__ import annotations

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers.epub import write
from support.accessibility import ace_violations

TEXT = "EPUB/brief.xhtml"
TEXT_IN_REPORT = "brief.xhtml"  # Ace names a document by its path from the package document
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def book_path(brief: Brief, path: Path) -> Path:
    path.write_bytes(write(brief, default_options(brief)))
    return path


@pytest.mark.slow
def test_ace_finds_no_violation(corpus: dict[str, Brief], tmp_path: Path) -> None:
    books = {stem: book_path(brief, tmp_path / f"{stem}.epub") for stem, brief in corpus.items()}
    reports = [tmp_path / f"ace-{stem}" for stem in books]
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = pool.map(ace_violations, books.values(), reports)
        violations = {stem: lines for stem, lines in zip(books, found, strict=True) if lines}
    assert violations == {}


def without_alt_and_lang(book: bytes) -> bytes:
    """The book with its text document's images stripped of ``alt`` and its root of its
    language, every other entry as it was (``mimetype`` first and stored)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == TEXT:
                root = etree.fromstring(data)
                for image in root.iter("{http://www.w3.org/1999/xhtml}img"):
                    del image.attrib["alt"]
                for name in ("lang", XML_LANG):
                    root.attrib.pop(name, None)
                data = etree.tostring(root, xml_declaration=True, encoding="utf-8")
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.slow
def test_ace_catches_images_without_alt_and_a_missing_language(tour: Brief, tmp_path: Path) -> None:
    broken = tmp_path / "broken.epub"
    broken.write_bytes(without_alt_and_lang(write(tour, default_options(tour))))
    found = ace_violations(broken, tmp_path / "ace")
    assert f"critical image-alt {TEXT_IN_REPORT}" in found, found
    assert f"serious html-has-lang {TEXT_IN_REPORT}" in found, found
