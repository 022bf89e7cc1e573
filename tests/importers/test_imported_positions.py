"""Imported briefs keep where their parts are in the source, so that a writer's warning about an
imported brief points at ``SOURCE:LINE:COL`` (issue 16): Markdown and extracted text by line
(markdown-it maps blocks to lines; a link is placed at its bracket), JATS at each element's start
tag, Word by paragraph number (the convention of its diagnostics).
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

import briefexport
from briefexport.importers import import_source
from briefexport.importers.mdcontext import link_column
from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    Figure,
    Link,
    Section,
    SourcePosition,
    Table,
)
from briefexport.model.walk import own_inlines, walk_blocks, walk_inlines
from briefexport.options import default_options
from briefexport.shared.located import POSITION_KEY
from briefexport.writers.docx import write as write_docx
from briefexport.writers.markdown import write as write_markdown
from support.paths import IMPORT_DATA, TOUR
from support.skips import require_module

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Located = Section | Table | Figure


def at(lines: list[str], where: SourcePosition | None) -> str:
    """The source from ``where`` to the end of its line."""
    assert where is not None
    return lines[where.line - 1][where.column - 1 :]


def links(brief: Brief) -> Iterator[Link]:
    """The body's links (a note's links may come from a citation the importer recognised)."""
    for block in walk_blocks(brief.body):
        for inline in walk_inlines(own_inlines(block)):
            if isinstance(inline, Link):
                yield inline


def located_blocks(brief: Brief) -> list[Located]:
    return [block for block in walk_blocks(brief.body) if isinstance(block, Located)]


def test_markdown_blocks_notes_and_links_point_at_their_source_lines() -> None:
    source = IMPORT_DATA / "ferry-brief.md"
    lines = source.read_text(encoding="utf-8").split("\n")
    brief = import_source(source).brief
    starts = {Section: "#", Table: "|", Figure: "!["}
    blocks = located_blocks(brief)
    assert {type(block) for block in blocks} == set(starts)
    for block in blocks:
        assert at(lines, block.source).startswith(starts[type(block)]), block
    options = next(b for b in blocks if isinstance(b, Section) and b.id == "sec-options")
    assert at(lines, options.source) == "## Options {#sec-options}"
    for note in brief.footnotes:
        assert at(lines, note.source).startswith(f"[^{note.id}]:")
    body_links = list(links(brief))
    assert body_links
    for link in body_links:
        assert at(lines, link.source).startswith(f"[{plain_text(link.children)[:8]}")


def test_extracted_text_notes_point_at_their_numbered_lines() -> None:
    source = IMPORT_DATA / "extracted-brief.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    brief = import_source(source).brief
    assert len(brief.footnotes) == 5
    for note in brief.footnotes:
        assert at(lines, note.source).startswith(f"<sup>{note.id.removeprefix('fn')}</sup>")


def test_jats_parts_point_at_their_start_tags(estuary: Path) -> None:
    lines = estuary.read_text(encoding="utf-8").split("\n")
    brief = import_source(estuary).brief
    tags = {
        Section: ("<sec", "<boxed-text", "<app", "<ack"),
        Table: ("<table-wrap",),
        Figure: ("<fig",),
    }
    blocks = located_blocks(brief)
    assert {type(block) for block in blocks} == set(tags)
    for block in blocks:
        assert at(lines, block.source).startswith(tags[type(block)]), block
    for note in brief.footnotes:
        assert at(lines, note.source).startswith("<fn"), note.id
    for link in links(brief):
        assert at(lines, link.source).startswith(("<ext-link", "<email", "<uri")), link.href


def test_a_writer_warning_on_an_imported_jats_table_carries_its_place(
    estuary: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = estuary.read_text(encoding="utf-8")
    header = "<tr><th>Gauge</th><th>Mean high water</th></tr>"
    estuary.write_text(text.replace(header, header + "\n" + header), encoding="utf-8")
    brief = import_source(estuary).brief
    with caplog.at_level(logging.WARNING):
        write_markdown(brief, default_options(brief))
    (record,) = [r for r in caplog.records if "exactly one header row" in r.getMessage()]
    expected = text.split("\n").index('        <table-wrap id="table1" position="float">') + 1
    assert getattr(record, POSITION_KEY) == SourcePosition(expected, 9)


def body_parts(docx: Path) -> list[etree._Element]:
    """The document body's paragraphs and tables, in order (what ``N`` in ``FILE:N:1`` counts)."""
    with zipfile.ZipFile(docx) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    body = root.find(f"{W}body")
    assert body is not None
    return [child for child in body if child.tag in (f"{W}p", f"{W}tbl")]


def test_word_sections_and_tables_are_placed_by_paragraph_number(tmp_path: Path) -> None:
    require_module("mammoth", "test extra")
    original = briefexport.load(TOUR)
    docx = tmp_path / "tour.docx"
    docx.write_bytes(write_docx(original, default_options(original, smart=False)))
    parts = body_parts(docx)
    brief = import_source(docx).brief
    blocks = located_blocks(brief)
    assert any(isinstance(block, Section) for block in blocks)
    assert any(isinstance(block, Table) for block in blocks)
    for block in blocks:
        assert block.source is not None
        assert block.source.column == 1
        part = parts[block.source.line - 1]
        if isinstance(block, Section):
            assert "".join(part.itertext()) == plain_text(block.title)
        elif isinstance(block, Table):
            assert part.tag == f"{W}tbl"
        else:
            assert part.find(f".//{W}drawing") is not None


@pytest.mark.parametrize(
    ("line", "href", "column"),
    [
        ("see [one [x] two](https://a.example) now", "https://a.example", 5),
        ("see [x](<https://a.example/a b>)", "https://a.example/a b", 5),
        ("then <https://b.example> and", "https://b.example", 6),
        ("then [x] and [a link going on", "https://c.example", 14),
        ("   plain", "https://d.example", 4),
    ],
    ids=["nested-brackets", "angle-destination", "autolink", "split", "unknown"],
)
def test_a_markdown_link_is_placed_at_its_opening_bracket(
    line: str, href: str, column: int
) -> None:
    assert link_column(line, href) == column
