"""Reading a PDF back with poppler-utils (``pdftotext``, ``pdffonts``), a reader that is not ours.

Both read the PDF from standard input, so no test writes a file it does not need.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import NamedTuple

import pikepdf


def _poppler(command: list[str], pdf: bytes | Path) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    done = subprocess.run(command, input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def pdf_text(pdf: bytes | Path, *, layout: bool = False) -> str:
    """The text of the whole PDF; pages are separated by form feeds."""
    options = ["-layout"] if layout else []
    return _poppler(["pdftotext", "-enc", "UTF-8", *options, "-", "-"], pdf)


def page_texts(pdf: bytes | Path, *, layout: bool = False) -> list[str]:
    """The text of each page (``layout`` keeps the columns, so a header line stays one line)."""
    return pdf_text(pdf, layout=layout).split("\f")[:-1]


def font_list(pdf: bytes | Path) -> str:
    """``pdffonts`` output: one row per font with its type, encoding and whether it is embedded."""
    return _poppler(["pdffonts", "-"], pdf)


def word_right_edges(pdf: bytes | Path) -> list[tuple[str, float]]:
    """Each word ``pdftotext -bbox`` finds, with where it ends (``xMax``, in points)."""
    page = _poppler(["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], pdf)
    return [
        (word, float(x_max))
        for x_max, word in re.findall(
            r'<word xMin="[^"]*" yMin="[^"]*" xMax="([^"]*)"[^>]*>([^<]*)<', page
        )
    ]


class WordBox(NamedTuple):
    """A word ``pdftotext -bbox`` finds: its page (from 1), text and box (points, y down)."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float


def word_boxes(pdf: bytes | Path) -> list[WordBox]:
    """Every word of the PDF with its page and box, in poppler's reading order."""
    html = _poppler(["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], pdf)
    words = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for x0, y0, x1, y1, text in re.findall(
            r'<word xMin="([^"]*)" yMin="([^"]*)" xMax="([^"]*)" yMax="([^"]*)">([^<]*)<', page
        ):
            words.append(WordBox(number, text, float(x0), float(y0), float(x1), float(y1)))
    return words


def baseline_boxes(pdf: bytes) -> list[WordBox]:
    """As :func:`word_boxes`, each word's ``bottom`` its baseline (to 0.001 em): poppler puts a
    word's bottom the font's descent below its baseline, and the two PDF engines write different
    descents for some fonts (Typst OS/2's typographic one, WeasyPrint Pango's), so the words are
    read from a copy whose font descriptors all say the same (a descent of 0 is not taken)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for thing in document.objects:
            if isinstance(thing, pikepdf.Dictionary) and thing.get("/Type") == "/FontDescriptor":
                thing.Ascent, thing.Descent = 900, -1
        copy = io.BytesIO()
        document.save(copy)
    return word_boxes(copy.getvalue())
