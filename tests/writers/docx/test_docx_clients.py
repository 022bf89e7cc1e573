"""``--to docx`` read by real clients: docx2python (an independent OOXML reader) and LibreOffice,
whose PDF must hold the text of every footnote, its links and the RTL text."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx2python import docx2python

from briefexport.inlines import plain_text
from briefexport.model import Brief, Link
from briefexport.options import default_options
from briefexport.shared.i18n import is_rtl
from briefexport.shared.typeset import typeset
from briefexport.writers.docx import write
from support.model import find
from support.pdf import pdf_text
from support.validators import libreoffice_to_pdf

ANCHOR_TAG = re.compile(r"</?a[^>]*>")
NOTE_PREFIX = re.compile(r"^footnote(\d+)\)\t ?")


@pytest.fixture(scope="module")
def written(corpus: dict[str, Brief], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docx")
    paths = {}
    for stem, brief in corpus.items():
        paths[stem] = out / f"{stem}.docx"
        paths[stem].write_bytes(write(brief, default_options(brief)))
    return paths


@pytest.fixture(scope="module")
def pdfs(written: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every DOCX converted by LibreOffice in one run, with a private profile."""
    out, profile = tmp_path_factory.mktemp("pdf"), tmp_path_factory.mktemp("lo-profile")
    return libreoffice_to_pdf(written, out, profile)


NO_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2069")


def squeeze(text: str) -> str:
    """Text without whitespace, bidi controls or hyphens, for comparing across line breaks
    (pdftotext joins a line ending in a hyphen to the next one, dropping the hyphen)."""
    return "".join(
        char
        for char in unicodedata.normalize("NFC", text)
        if not char.isspace() and unicodedata.category(char) != "Cf" and char != "-"
    )


def letters(text: str) -> str:
    """Only letters and digits: right-to-left lines come out of pdftotext in visual order, with
    punctuation moved and vowel marks split from their letters."""
    return "".join(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN"
    )


def note_texts(brief: Brief) -> dict[int, list[str]]:
    return {
        note.number: [plain_text(p.children) for p in note.paragraphs] for note in brief.footnotes
    }


def test_docx2python_reads_every_footnote_back(
    corpus: dict[str, Brief], written: dict[str, Path]
) -> None:
    for stem, path in written.items():
        with docx2python(path) as result:
            paragraphs = [
                par for table in result.footnotes for row in table for cell in row for par in cell
            ]
        found: dict[int, list[str]] = {}
        current = 0
        for paragraph in paragraphs:
            # the isolate controls around runs in the other direction are not text
            text = ANCHOR_TAG.sub("", paragraph).translate(NO_ISOLATES).strip()
            match = NOTE_PREFIX.match(text)
            if match:
                current = int(match.group(1))
                text = text[match.end() :]
            if current and text:
                found.setdefault(current, []).append(text.strip())
        assert found == note_texts(typeset(corpus[stem])), stem  # printed with smart quotes


def test_docx2python_sees_the_core_properties(
    corpus: dict[str, Brief], written: dict[str, Path]
) -> None:
    for stem, path in written.items():
        with docx2python(path) as result:
            props = result.core_properties
        meta = typeset(corpus[stem]).meta
        assert props["title"] == plain_text(meta.title)
        assert props["language"] == meta.language
        assert props["subject"] == meta.series
        assert props["lastModifiedBy"] in (None, "")


@pytest.mark.slow
def test_libreoffice_pdf_holds_every_footnote(
    corpus: dict[str, Brief], pdfs: dict[str, Path]
) -> None:
    for stem, pdf in pdfs.items():
        text = pdf_text(pdf)
        page_text, page_letters = squeeze(text), letters(text)
        brief = typeset(corpus[stem])
        for number, paragraphs in note_texts(brief).items():
            for paragraph in paragraphs:
                if is_rtl(brief.meta.language):  # check word by word, letters only
                    missing = [w for w in paragraph.split() if letters(w) not in page_letters]
                    assert not missing, (stem, number, missing)
                else:
                    assert squeeze(paragraph) in page_text, (stem, number, paragraph)


@pytest.mark.slow
def test_libreoffice_pdf_keeps_links_from_body_and_notes(
    corpus: dict[str, Brief], pdfs: dict[str, Path]
) -> None:
    for stem, pdf in pdfs.items():
        listing = subprocess.run(
            ["pdfinfo", "-url", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        uris = {line.split()[-1] for line in listing.splitlines()[1:] if line.strip()}
        brief = corpus[stem]
        in_notes = {link.href for link in find(brief.footnotes, Link)}
        assert in_notes, stem
        assert in_notes <= uris, (stem, in_notes - uris)
