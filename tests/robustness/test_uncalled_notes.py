"""A footnote nothing calls is a warning, and still reaches every format (issue 16, item 2).

Word footnotes need a call, so DOCX prints such a note after the body in Footnote Text, led by
its number, as the PDF does; Markdown writes its definition, which imports again with the same
warning and to the same brief.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

import briefexport
from briefexport.errors import Severity
from briefexport.importers import import_source
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers.docx import write as write_docx
from briefexport.writers.markdown import brief_to_markdown
from support.cli_runs import RunCli
from support.small_brief import edited

UNCALLED = "A note nobody calls."
SOURCE = edited("</fn>\n", f'</fn>\n<fn id="fn2"><p>{UNCALLED}</p></fn>\n')


@pytest.fixture
def brief(brief_file: Callable[[str], Path]) -> Brief:
    return briefexport.load(brief_file(SOURCE))


def test_the_reader_warns_and_numbers_the_note_after_the_called_ones(
    brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    status, err = cli("validate", brief_file(SOURCE))
    assert status == 0
    assert "warning: footnote 'fn2' is never called" in err
    notes = briefexport.load(brief_file(SOURCE)).footnotes
    assert [(note.id, note.number) for note in notes] == [("fn1", 1), ("fn2", 2)]


def test_docx_prints_the_uncalled_note_after_the_body(brief: Brief) -> None:
    data = write_docx(brief, default_options(brief))
    document = docx.Document(io.BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert f"2\t{UNCALLED}" in texts
    placed = document.paragraphs[texts.index(f"2\t{UNCALLED}")]
    assert placed.style is not None
    assert str(placed.style.name).lower() == "footnote text"
    assert texts.index(f"2\t{UNCALLED}") > texts.index("Walls need care.")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = package.read("word/footnotes.xml").decode("utf-8")
    assert "the audit" in notes
    assert UNCALLED not in notes


def test_docx_no_longer_warns_that_it_leaves_the_note_out(
    brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    status, err = cli(brief_file(SOURCE), "--to", "docx", "-o", tmp_path / "out")
    assert status == 0
    assert "left out" not in err
    assert err.count("never called") == 1  # the reader's warning only


def test_markdown_carries_the_note_back_with_the_same_warning(brief: Brief, tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(brief_to_markdown(brief), encoding="utf-8")
    result = import_source(path)
    assert result.brief == brief
    assert [(w.severity, w.message) for w in result.warnings] == [
        (Severity.WARNING, "footnote [^fn2] is never called")
    ]


@pytest.mark.parametrize("fmt", ["html", "epub", "jats"])
def test_the_other_formats_carry_the_note(
    fmt: str, brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert cli(brief_file(SOURCE), "--to", fmt, "-o", out)[0] == 0
    (written,) = out.iterdir()
    if fmt == "epub":
        with zipfile.ZipFile(written) as book:
            content = b"".join(book.read(name) for name in book.namelist())
    else:
        content = written.read_bytes()
    assert UNCALLED.encode() in content
