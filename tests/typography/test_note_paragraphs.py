"""A note's continued lines and second paragraph line up with its text, not with its number.

Both PDF engines, and the EPUB's stylesheet laid out by a CSS engine (WeasyPrint reading the
book's own XHTML and CSS), are read back with ``pdftotext -bbox``: where the first word of each
paragraph starts.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
import weasyprint

from briefexport.model import Brief, Footnote, FootnoteRef, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers import epub
from briefexport.writers.pdf import write as weasyprint_pdf
from briefexport.writers.typst import write as typst_pdf
from support.briefs import brief_with_blocks

FILLER = "the harbour council shares its tide records with the insurers every season " * 3
NOTE = Footnote(
    "n1",
    1,
    (
        Paragraph((Text(f"Alphaword {FILLER}"),)),
        Paragraph((Text(f"Betaword {FILLER}"),)),
    ),
)
ONE = Footnote("n2", 2, (Paragraph((Text(f"Gammaword {FILLER}"),)),))
CALLS = (Text("A call here."), FootnoteRef(NOTE), Text(" Another."), FootnoteRef(ONE))
BRIEF = brief_with_blocks((Paragraph(CALLS),), (NOTE, ONE))


def word_starts(pdf: bytes) -> list[tuple[str, float]]:
    """Each word of the PDF with where it starts (``xMin`` in points)."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True
    )
    found = re.findall(r'<word xMin="([^"]*)"[^>]*>([^<]*)<', done.stdout.decode())
    return [(word, float(x_min)) for x_min, word in found]


def epub_pdf(brief: Brief) -> bytes:
    """The EPUB's text document laid out with its stylesheet."""
    book = zipfile.ZipFile(io.BytesIO(epub.write(brief, default_options(brief))))
    css = book.read("EPUB/style/brief.css").decode()
    page = weasyprint.HTML(string=book.read("EPUB/brief.xhtml").decode())
    pdf: bytes = page.write_pdf(stylesheets=[weasyprint.CSS(string=css)])
    return pdf


def pdf_of(kind: str) -> bytes:
    if kind == "epub":
        return epub_pdf(BRIEF)
    engine = weasyprint_pdf if kind == "weasyprint" else typst_pdf
    return engine(BRIEF, default_options(BRIEF, pdf_engine=kind))


@pytest.mark.parametrize("kind", ["weasyprint", "typst", "epub"])
def test_every_line_of_a_note_lines_up_with_its_text(kind: str) -> None:
    found = word_starts(pdf_of(kind))
    words = dict(reversed(found))  # the first place of each word
    number = words.get("1.", words.get("1"))
    assert number is not None, words
    text = words["Alphaword"]
    assert text > number + 4, "the text starts after the number"
    assert abs(words["Betaword"] - text) < 0.5, (kind, words)
    assert abs(words["Gammaword"] - text) < 0.5, (kind, words)
    notes = set(FILLER.split())  # words only the notes hold, on their continued lines too
    assert min(x for word, x in found if word in notes) > text - 0.5, kind
