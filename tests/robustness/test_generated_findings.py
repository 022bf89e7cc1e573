"""Regression tests for what the generated-brief robustness run found (issue 14, its suite).

Each test holds the smallest brief that showed the problem, written by hand from the failing
generated brief the run named by seed and index.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import briefexport
from briefexport.errors import InvalidBriefError, Severity
from briefexport.formats import get_writer
from briefexport.importers import import_source
from briefexport.inlines import plain_text
from briefexport.model import Link, Table
from briefexport.options import default_options
from briefexport.writers import jats
from briefexport.writers.markdown import brief_to_markdown
from support.pdf import page_texts, pdf_text
from support.pdf_words import missing_words
from support.random_briefs import generated_brief
from support.robustness import source_file
from support.small_brief import edited
from support.validators import nu_messages

BODY = "<p>Walls need care"


def table_with_cell(cell: str) -> str:
    return (
        "<table-wrap><table><thead><tr><th>Source</th><th>Note</th></tr></thead>"
        f"<tbody><tr><td>{cell}</td><td>after</td></tr></tbody></table></table-wrap>"
    )


def link(href: str, text: str | None = None) -> str:
    shown = href if text is None else text
    return f'<ext-link ext-link-type="uri" xlink:href="{href}">{shown}</ext-link>'


# Seed 1, briefs 3 and 22: a link whose target holds "|" split its table cell in two, because
# GFM splits a row at every unescaped pipe, inside link targets and autolinks too.
@pytest.mark.parametrize(
    "cell",
    [
        link("https://example.org/tables|pipes"),  # written as an autolink
        link("https://example.org/tables|pipes", "the | table"),  # written as [text](target)
        link("https://example.org/a|b?c=|d|", "x") + " and a | b",
    ],
    ids=["autolink", "link", "several"],
)
def test_a_pipe_in_a_link_inside_a_table_cell_survives_markdown(
    cell: str, brief_file: Callable[[str], Path]
) -> None:
    path = brief_file(edited(BODY, table_with_cell(cell) + BODY))
    brief = briefexport.load(path)
    markdown = path.with_suffix(".md")
    markdown.write_text(brief_to_markdown(brief), encoding="utf-8")
    back = import_source(markdown).brief
    assert back.body == brief.body
    table = back.body[0]
    assert isinstance(table, Table)
    assert [len(row.cells) for row in table.body] == [2]
    assert isinstance(table.body[0].cells[0].children[0], Link)


# Seed 1, brief 39: a table with two header rows whose first row spans both. Markdown writes one
# header row and the second below the body; the span marker was written too, so the importer
# read a header cell spanning into the body, a brief the reader refuses.
TWO_HEADER_ROWS = (
    "<table-wrap><table><thead>"
    '<tr><th>Year</th><th rowspan="2">Both</th></tr><tr><th>Month</th></tr>'
    "</thead><tbody><tr><td>2024</td><td>4</td></tr></tbody></table></table-wrap>"
)


def test_a_header_span_over_two_header_rows_reads_back_as_a_valid_table(
    brief_file: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    path = brief_file(edited(BODY, TWO_HEADER_ROWS + BODY))
    brief = briefexport.load(path)
    markdown = path.with_suffix(".md")
    markdown.write_text(brief_to_markdown(brief), encoding="utf-8")
    warned = [r.getMessage() for r in caplog.records if r.name.startswith("briefexport")]
    assert warned == ["table 1: Markdown tables have exactly one header row"]
    table = import_source(markdown).brief.body[0]
    assert isinstance(table, Table)
    # the one header row keeps no span; the second header row comes back below the body,
    # with an empty cell where the span covered it
    assert [(c.header, c.rowspan) for c in table.head[0].cells] == [(True, 1), (True, 1)]
    assert [[plain_text(c.children) for c in row.cells] for row in table.body] == [
        ["2024", "4"],
        ["Month", ""],
    ]
    again = path.with_name("again.xml")
    again.write_bytes(jats.write(import_source(markdown).brief, default_options(brief)))
    assert briefexport.load(again).body[0] == table


def test_a_header_cell_spanning_rows_in_markdown_is_a_located_error(tmp_path: Path) -> None:
    source = tmp_path / "spans.md"
    source.write_text(
        "---\ntitle: T\nauthors: [Jane Doe]\ndate: 2025-01-02\npublisher: P\nseries: S\n---\n\n"
        "| {rowspan=2} tall | b |\n|---|---|\n|  | d |\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidBriefError) as caught:
        import_source(source)
    (problem,) = caught.value.diagnostics
    assert (problem.line, problem.severity) == (9, Severity.ERROR)
    assert "spans more rows than its part of the table has (the header is one row)" in str(problem)


# Seed 1, brief 20: a four-column table with words longer than a column (a 90-letter token, a
# long German compound) was laid out wider than the page, and the text of its last column was
# cut off the PDF ("council" came out as "counc", the rest of the cell was lost).
def test_long_words_in_a_wide_table_stay_on_the_pdf_page(tmp_path: Path) -> None:
    long_word = "x" * 90
    cells = "".join(
        f"<td>{long_word} Donaudampfschifffahrtsgesellschaftskapitän end{n}marker</td>"
        for n in range(4)
    )
    table = f"<table-wrap><table><tbody><tr>{cells}</tr></tbody></table></table-wrap>"
    path = tmp_path / "wide.xml"
    path.write_text(edited(BODY, table + BODY), encoding="utf-8")
    brief = briefexport.load(path)
    text = pdf_text(get_writer("pdf")(brief, default_options(brief)))
    squeezed = "".join(text.split()).replace("-", "")
    assert [f"end{n}marker" in squeezed for n in range(4)] == [True] * 4
    assert squeezed.count("x" * 30) >= 4 * 3  # every long token is all there, broken or not


# Seed 14, briefs 70 and 100: Thai words lost their marks in the PDF text layer. The font draws
# SARA AM as two glyphs in one cluster with the tone mark, WeasyPrint maps each glyph to text
# once, so "น้ำ" came out as "นา" and, where "น้ำ" came first, every later SARA AA as "้ำ"
# ("ท่าเรือ" as "ท่้ำเรือ"). Thai text now carries /ActualText, as Devanagari does.
def test_thai_words_come_back_whole_from_the_pdf(tmp_path: Path) -> None:
    words = ["น้ำ", "ท่าเรือ", "นโยบาย", "ภาษาไทย", "น้ำ"]
    body = "".join(f"<p>{word}</p>" for word in words)
    path = tmp_path / "thai.xml"
    path.write_text(
        edited(BODY, body + BODY).replace('xml:lang="en"', 'xml:lang="th"'), encoding="utf-8"
    )
    brief = briefexport.load(path)
    lines = pdf_text(get_writer("pdf")(brief, default_options(brief))).split()
    assert [word in lines for word in words] == [True] * len(words), lines


# Seed 7, brief 202: a header cell spanning four columns, then a body row of 2 + 1 + 1 columns and
# one of 1 + 3. Valid HTML (a cell begins in every column), but the Nu Html Checker reported
# "Table column 4 established by element th has no cells beginning in it". The page now names
# its columns with <col> elements when a cell spans columns, which the checker counts right.
@pytest.mark.slow
def test_crossing_column_spans_pass_the_nu_checker(tmp_path: Path) -> None:
    table = (
        '<table-wrap><table><thead><tr><th colspan="4">All</th></tr></thead><tbody>'
        '<tr><td colspan="2">a</td><td>b</td><td>c</td></tr>'
        '<tr><td>d</td><td colspan="3">e</td></tr></tbody></table></table-wrap>'
    )
    path = tmp_path / "spans.xml"
    path.write_text(edited(BODY, table + BODY), encoding="utf-8")
    brief = briefexport.load(path)
    page = tmp_path / "spans.html"
    page.write_bytes(get_writer("html")(brief, default_options(brief)))
    messages, _ = nu_messages([page], "--errors-only")
    assert [m["message"] for m in messages] == []


# Seed 7, brief 950; seed 11, briefs 8930 and 9940: a word longer than its column that does not
# start a line of its cell (after a URL link; glued to the letters before a bold span; after
# "&" in Arabic, where the Latin run is a left-to-right span of its own) counted at full width in
# the column's narrowest width, so WeasyPrint 70 laid the table out wider than the page and cut
# off the text of the columns beyond its edge. Such words now count as breakable anywhere, as
# ``overflow-wrap: anywhere`` says (``writers/pdf/cell_widths.py``).
LONG_WORD = "x" * 90
NOT_AT_LINE_START = {
    "url": ("en", f"{link('https://example.org/données/été?q=prix&amp;lang=fr')} {LONG_WORD}"),
    "bold": ("en", f"Nam<bold>{LONG_WORD} end</bold>"),
    "arabic": ("ar", f"ميناء &amp;amp; {LONG_WORD} سياسة"),
}


@pytest.mark.parametrize("case", list(NOT_AT_LINE_START))
def test_a_long_word_not_starting_a_line_keeps_the_table_on_the_pdf_page(
    case: str, tmp_path: Path
) -> None:
    lang, cell = NOT_AT_LINE_START[case]
    table = (
        f"<table-wrap><table><thead><tr><th>{cell}</th><th>second</th><th>third</th></tr>"
        '</thead><tbody><tr><td>a</td><td colspan="2">endmarker</td></tr></tbody></table>'
        "</table-wrap>"
    )
    path = tmp_path / "long.xml"
    source = edited(BODY, table + BODY).replace('xml:lang="en"', f'xml:lang="{lang}"')
    path.write_text(source, encoding="utf-8")
    brief = briefexport.load(path)
    text = pdf_text(get_writer("pdf")(brief, default_options(brief)))
    squeezed = "".join(text.replace("-\n", "").split())
    assert ["third" in squeezed, "endmarker" in squeezed] == [True, True]
    assert squeezed.count("x") >= len(LONG_WORD)  # the long word is all on the page


def words_lost_from_pdf(seed: int, index: int, folder: Path) -> list[str]:
    """The words of generated brief ``index`` of ``seed`` that its PDF's text layer lacks."""
    brief = briefexport.load(source_file(generated_brief(seed, index), folder, index))
    return missing_words(brief, pdf_text(get_writer("pdf")(brief, default_options(brief))))


# Seed 11, brief 4360: a header row of long words in columns made narrow (by the widths above)
# grew taller than a page could hold together with the first body row, which may not be split,
# and WeasyPrint 70 dropped the header from that page and from every later one. Here a header of
# many words over a first row of as many, in six columns; the header is now printed on every page
# of the table, the first row split below it (``writers/pdf/table_header.py``).
@pytest.mark.slow
def test_a_table_header_taller_than_the_page_room_is_printed(tmp_path: Path) -> None:
    words = 150
    head = "".join(f"<th>{' '.join(f'h{n}' for n in range(words))}</th>" for _ in range(6))
    row = "".join(f"<td>{' '.join(f'r{n}' for n in range(words))}</td>" for _ in range(6))
    table = (
        f"<table-wrap><table><thead><tr>{head}</tr></thead><tbody><tr>{row}</tr>"
        f"<tr><td>lastrow</td>{'<td>x</td>' * 5}</tr></tbody></table></table-wrap>"
    )
    path = tmp_path / "tall.xml"
    path.write_text(edited(BODY, table + BODY), encoding="utf-8")
    brief = briefexport.load(path)
    pages = page_texts(get_writer("pdf")(brief, default_options(brief)))
    table_pages = [text.split() for text in pages if re.search(r"\br\d+\b", text)]
    assert len(table_pages) >= 2, "the first row no longer crosses a page: the test proves nothing"
    assert [words.count("h149") for words in table_pages] == [6] * len(table_pages)
    assert any("lastrow" in text for text in pages)


# The generated briefs themselves (seed 11): every word in the text layer.
@pytest.mark.slow
@pytest.mark.parametrize("index", [4360, 8930, 9940])
def test_a_generated_table_keeps_its_words_in_the_pdf(index: int, tmp_path: Path) -> None:
    assert words_lost_from_pdf(11, index, tmp_path) == []
