"""Sources damaged the way a mutation fuzzer damaged them: each is refused with one diagnostic
in the source's terms (``FILE:LINE:COL``, a place inside the package for DOCX), never with an
internal error, and never by the reader checking the brief the importer generated."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

from briefexport.errors import InvalidBriefError, Severity
from briefexport.importers import import_source
from briefexport.inlines import plain_text
from briefexport.model import Paragraph, Table
from briefexport.model.walk import walk_blocks
from support.importers import read_back
from support.paths import IMPORT_DATA
from support.skips import skipif_platform

PANDOC_DOCX = "dock-cooling.docx"
PANDOC_JATS = "dock-cooling.jats.xml"


def _errors(path: Path) -> list[str]:
    with pytest.raises(InvalidBriefError) as caught:
        import_source(path)
    errors = [d for d in caught.value.diagnostics if d.severity is Severity.ERROR]
    return [f"{d.line}:{d.column}: {d.message}" for d in errors]


def _package_changed(source: Path, target: Path, name: str, old: bytes, new: bytes) -> Path:
    """A copy of the package ``source`` with ``old`` replaced by ``new`` once in part ``name``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for member in original.namelist():
            content = original.read(member)
            if member == name:
                assert old in content, (name, old)
                content = content.replace(old, new, 1)
            copy.writestr(member, content)
    return target


@pytest.mark.parametrize(
    ("part", "old", "new", "expected"),
    [
        (
            "word/_rels/document.xml.rels",
            b'Id="rId12"',
            b'Id="rId99"',
            "word/document.xml:",
        ),
        (
            "word/document.xml",
            b'<w:hyperlink r:id="rId12"',
            b'<w:hyperlink r:id="rId98"',
            "'rId98'",
        ),
        (
            "word/document.xml",
            b'<w:footnoteReference w:id="9"',
            b'<w:footnoteReference w:id="7"',
            "'7'",
        ),
    ],
    ids=["relationship removed", "hyperlink to no relationship", "call to no footnote"],
)
def test_a_docx_reference_that_leads_nowhere_is_refused_with_its_part(
    pandoc_sources: Path, part: str, old: bytes, new: bytes, expected: str
) -> None:
    source = pandoc_sources / PANDOC_DOCX
    damaged = _package_changed(source, pandoc_sources / "damaged.docx", part, old, new)
    (error,) = _errors(damaged)
    assert error.startswith("1:1: word/document.xml:")
    assert "leads nowhere" in error
    assert expected in error


FRONT = """---
title: A short note
authors: [Jane Doe]
affiliations: [{id: aff1, institution: Some Institute}]
date: 2025-01-02
publisher: Some Institute
series: Note
---

"""
BODY_LINE = FRONT.count("\n") + 1
CITED = "Text [[A book]{.source}, "


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        ("Intro.\n\n{.lead}\nSecond.\n", 3, "only the first paragraph of the body may be the lead"),
        ("- item\n\n  {.lead}\n  inside.\n", 3, "only the first paragraph of the body"),
        (
            f'{CITED}[May]{{.date iso="2025--1"}}]{{.citation type="book"}}\n',
            0,
            "date iso='2025--1' is not an existing date",
        ),
        (
            f'{CITED}[Feb]{{.date iso="2025-02-30"}}]{{.citation type="book"}}\n',
            0,
            "date iso='2025-02-30' is not an existing",
        ),
        (
            "Intro.\n\n## A [name]{.source} heading\n",
            2,
            "a source ({.source}) cannot be placed in a title",
        ),
        (
            "Intro.\n\n## A [link](https://example.org)\n",
            2,
            "a link to 'https://example.org' cannot",
        ),
        ("Text [name]{.collab} alone.\n", 0, "a name ({.collab}) cannot be placed in a paragraph"),
        (
            '**[[x]{.source}]{.citation type="book"}**\n',
            0,
            "a citation cannot be placed in formatted",
        ),
        (
            '[[[x]{.source}]{.citation type="book"}]{.citation type="book"}\n',
            0,
            "a citation cannot be placed in a citation",
        ),
        (">\n", 0, "a block quote needs at least one paragraph"),
        ("> ***\n", 0, "a block quote needs at least one paragraph"),
        ("- - nested only\n", 0, "a listblock cannot be placed here, only paragraphs"),
        ("Intro.\n\n##  \n\nText.\n", 2, "a heading needs a title; this one is empty"),
        ("Intro.\n\n## \u200b\n\nText.\n", 2, "a heading needs a title; this one is empty"),
        ("Intro.\n\n- one\n-\n- three\n", 3, "a list item needs at least one paragraph"),
        ("| head |\n|------|\n", 0, "a table needs at least one row below its header"),
        (
            "> Words.\n>\n> -- Someone[^n]\n\n[^n]: A note.\n",
            2,
            "a footnote call cannot be placed in a caption, a cell or an attribution",
        ),
    ],
)
def test_markdown_that_would_make_an_invalid_brief_is_refused_at_its_line(
    tmp_path: Path, body: str, line: int, expected: str
) -> None:
    path = tmp_path / "damaged.md"
    path.write_text(FRONT + body, encoding="utf-8")
    (error,) = _errors(path)
    assert error.startswith(f"{BODY_LINE + line}:1: ")
    assert expected in error


def test_a_lead_paragraph_first_in_the_body_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "lead.md"
    path.write_text(FRONT + "{.lead}\nFirst.\n\nSecond.\n", encoding="utf-8")
    first = import_source(path).brief.body[0]
    assert isinstance(first, Paragraph)
    assert first.lead


def test_a_license_url_that_is_no_link_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "licensed.md"
    front = FRONT.replace("---\n\n", 'license: {url: "`ttps://example.org/licence"}\n---\n\n')
    path.write_text(front + "Text.\n", encoding="utf-8")
    (error,) = _errors(path)
    assert error.startswith(f"{front[: front.index('license')].count(chr(10)) + 1}:1: ")
    assert "license url: link '`ttps://example.org/licence' has no scheme" in error


def test_a_docx_relationship_without_its_target_is_refused(pandoc_sources: Path) -> None:
    part = "word/_rels/document.xml.rels"
    target = b' Target="https://ports.example.org/survey"'
    damaged = _package_changed(
        pandoc_sources / PANDOC_DOCX, pandoc_sources / "x.docx", part, target, b""
    )
    (error,) = _errors(damaged)
    assert error == f"1:1: {part}:1: a relationship without Target; the file is damaged"


def test_a_docx_part_that_is_not_well_formed_is_refused_in_one_line(pandoc_sources: Path) -> None:
    part = "word/styles.xml"
    damaged = _package_changed(
        pandoc_sources / PANDOC_DOCX,
        pandoc_sources / "x.docx",
        part,
        b"<w:style ",
        b"\x00<w:style ",
    )
    (error,) = _errors(damaged)
    assert re.fullmatch(
        rf"1:1: {part}:\d+:\d+: not well-formed XML: [^\n]*out of allowed range", error
    )


def test_a_docx_member_whose_deflate_stream_is_corrupt_is_refused(pandoc_sources: Path) -> None:
    damaged = pandoc_sources / "corrupt.docx"
    with zipfile.ZipFile(pandoc_sources / PANDOC_DOCX) as original:
        info = original.getinfo("word/document.xml")
        assert info.compress_type == zipfile.ZIP_DEFLATED
    data = bytearray((pandoc_sources / PANDOC_DOCX).read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start] = 0xFF  # a deflate block of the reserved type 3: zlib refuses the stream
    damaged.write_bytes(bytes(data))
    (error,) = _errors(damaged)
    assert error.startswith("1:1: not a readable Word document (Error -3 while decompressing")


def test_a_jats_table_with_header_rows_only_keeps_them_as_its_body(pandoc_sources: Path) -> None:
    source = pandoc_sources / PANDOC_JATS
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r"<tbody>.*</tbody>", "", text, flags=re.DOTALL), encoding="utf-8")
    result = import_source(source)
    (table,) = [block for block in walk_blocks(result.brief.body) if isinstance(block, Table)]
    assert (table.head, [plain_text(cell.children) for cell in table.body[0].cells]) == (
        (),
        ["Port", "Hot days", "Stoppages"],
    )
    assert any("header rows only" in warning.message for warning in result.warnings)
    _, diagnostics, _ = read_back(result.brief)
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []


def test_a_text_title_of_invisible_characters_is_refused_at_its_line(tmp_path: Path) -> None:
    source = (IMPORT_DATA / "extracted-brief.txt").read_text(encoding="utf-8")
    title = next(line for line in source.splitlines() if line.startswith("## "))
    path = tmp_path / "blank-title.txt"
    path.write_text(source.replace(title, "## \ufeff\u200b", 1), encoding="utf-8")
    (error,) = _errors(path)
    line = source.splitlines().index(title) + 1
    assert error == f"{line}:1: the title line holds nothing but spaces or invisible characters"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "references:\n  - id: r1\n    citation: '[Harbour <sup>2</sup> Office]{.collab}, "
            "[Accounts]{.source}.'\n    type: report\n",
            "reference 'r1': formatted text cannot be placed in a name or an author group",
        ),
        (
            "authors: [{name: Jane Doe, email: jane@example.org Edited by}]\n",
            "email 'jane@example.org Edited by' is not an e-mail address such as name@example.org",
        ),
        (
            "subtitle: 'On [harbours](https://example.org)'\n",
            "subtitle: a link to 'https://example.org' cannot be placed in a title or a link's text",
        ),
        (
            "disclaimer: 'Our views, [Harbour Office]{.collab}'\n",
            "disclaimer: a name ({.collab}) cannot be placed in a paragraph",
        ),
    ],
    ids=["formatting in a collab", "email with words after it", "subtitle link", "disclaimer"],
)
def test_markdown_front_matter_that_would_make_an_invalid_brief_is_refused_at_its_line(
    tmp_path: Path, front: str, expected: str
) -> None:
    key = front.split(":")[0]
    source = FRONT.replace("authors: [Jane Doe]\n", "") if key == "authors" else FRONT
    source = source.replace("---\n\n", front + "---\n\n")
    path = tmp_path / "front.md"
    path.write_text(source + "Text.\n", encoding="utf-8")
    (error,) = _errors(path)
    assert error == f"{source[: source.index(key + ':')].count(chr(10)) + 1}:1: {expected}"


@skipif_platform(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_source_that_is_no_regular_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)  # reading it would wait for a writer for ever
    for source in (Path(os.devnull), pipe):
        assert _errors(source) == ["1:1: not a regular file"]


def test_a_link_in_an_extracted_title_is_refused_at_its_line(tmp_path: Path) -> None:
    source = (IMPORT_DATA / "extracted-brief.txt").read_text(encoding="utf-8")
    title = next(line for line in source.splitlines() if line.startswith("## "))
    path = tmp_path / "linked-title.txt"
    path.write_text(source.replace(title, "## Water <https://example.org/water>", 1), "utf-8")
    (error,) = _errors(path)
    line = source.splitlines().index(title) + 1
    assert error == (
        f"{line}:1: a link to 'https://example.org/water' cannot be placed in a title or a link's text"
    )
