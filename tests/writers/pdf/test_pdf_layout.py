"""Layout details read back from the PDF: repeated table headers, figures with captions."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pikepdf

from briefexport.model import Cell, Paragraph, Row, Table, Text
from briefexport.options import default_options
from briefexport.shared.styles import default_style_dir
from briefexport.writers.pdf import write
from support.briefs import DOT, brief_with_blocks, figure
from support.pdf import page_texts, word_right_edges


def test_table_header_row_repeats_on_every_page() -> None:
    head = (Row((Cell((Text("Harbourname"),), header=True), Cell((Text("Closuredays"),), True))),)
    body = tuple(
        Row((Cell((Text(f"Port {n}"),)), Cell((Text(str(n * 3)),)))) for n in range(1, 121)
    )
    table = Table("t1", "Table 1", (Text("Closure days by port"),), head, body)
    brief = brief_with_blocks((Paragraph((Text("Before the table."),)), table))
    pages = page_texts(write(brief, default_options(brief, pdf_standard="none")))
    with_rows = [text for text in pages if "Port " in text]
    assert len(with_rows) >= 2
    for text in with_rows:
        assert "Harbourname" in text
        assert "Closuredays" in text
    assert "Port 120" in pages[-1]


def test_figure_with_label_and_caption() -> None:
    brief = brief_with_blocks((Paragraph((Text("See the figure."),)), figure(DOT)))
    text = " ".join("".join(page_texts(write(brief, default_options(brief)))).split())
    assert "Figure 1" in text
    assert "A small square" in text


def test_brand_file_can_ask_for_letter_paper(tmp_path: Path) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brand = style / "brand.toml"
    brand.write_text(brand.read_text().replace('size = "A4"', 'size = "Letter"'))
    brief = brief_with_blocks((Paragraph((Text("Letter paper."),)),))
    data = write(brief, default_options(brief, style_dir=style, pdf_standard="none"))
    document = pikepdf.open(io.BytesIO(data))
    width, height = (float(value) for value in document.pages[0].MediaBox[2:])
    assert (round(width), round(height)) == (612, 792)


def test_a_word_longer_than_the_line_breaks_inside_the_page() -> None:
    token = "1234567890" * 16  # no hyphenation point, no break opportunity
    words = Text(f"Before the token {token} and after it.")
    brief = brief_with_blocks((Paragraph((words,)),))
    data = write(brief, default_options(brief, pdf_standard="none"))
    with pikepdf.open(io.BytesIO(data)) as document:
        width = float(document.pages[0].MediaBox[2])
    pieces = [(word, right) for word, right in word_right_edges(data) if word[:4] in token]
    assert len(pieces) >= 2  # broken over lines
    assert max(right for _, right in pieces) < width - 36  # inside the page's margin
