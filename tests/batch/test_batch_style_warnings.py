"""A batch reports the style folder's own sheets' warnings (``output.style_check``) once per run,
in its summary, naming each sheet as the style folder was given: to the command line's
standard error (with ``-v``) and report, and to a caller of ``convert_collection``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefexport.batch import ExportSettings, RunOptions, convert_collection
from briefexport.cli import main
from briefexport.errors import InvalidStyleError
from support.skips import require_module
from support.small_brief import BRIEF

# A colon left out (line 2), and a url() the Typst engine does not use (line 3).
SHEET = "main h2 { color: #B00000;\n  margin-top 30pt }\nbody { background: url(paper.png) }\n"
SYNTAX = "style/pdf.css:2:3: warning: CSS syntax error: not a declaration"
UNUSED = "style/pdf.css:3:20: warning: 'paper.png': not used by the Typst engine"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder, the current one, with a collection of two briefs and a style folder."""
    for name in ("one.xml", "two.xml"):
        (tmp_path / "briefs").mkdir(exist_ok=True)
        (tmp_path / "briefs" / name).write_text(BRIEF, encoding="utf-8")
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "pdf.css").write_text(SHEET, encoding="utf-8")
    (tmp_path / "style" / "paper.png").write_bytes(b"not read")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_command_prints_them_once_in_its_summary(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_module("typst", "test extra")
    status = main(["batch", "briefs", "--to", "pdf", "--pdf-engine", "typst", "--style", "style",
                   "-o", "out", "-j", "1", "-v", "--report", "report.json"])  # fmt: skip
    assert status == 0
    err = capsys.readouterr().err.splitlines()
    style_lines = [line for line in err if "pdf.css" in line]
    assert len(style_lines) == 2
    assert style_lines[0].startswith(SYNTAX)
    assert style_lines[1] == UNUSED
    report = json.loads((here / "report.json").read_text(encoding="utf-8"))
    assert report["warnings"] == style_lines
    assert err[-1].endswith("2 warnings")


def test_without_v_the_summary_counts_them(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["batch", "briefs", "--to", "html", "--style", "style", "-o", "out", "-j", "1"])
    assert status == 0
    err = capsys.readouterr().err.splitlines()
    assert not [line for line in err if "pdf.css" in line]
    assert err[-1].endswith("1 warning (-v shows them)")


def test_a_caller_of_convert_collection_gets_them(here: Path) -> None:
    summary = convert_collection("briefs", "out", "html,docx", RunOptions(jobs=1),
                                 ExportSettings(style_dir="style"))  # fmt: skip
    assert len(summary.warnings) == 1
    assert summary.warnings[0].startswith(SYNTAX)
    assert sorted(summary.converted) == ["one.xml", "two.xml"]


def test_a_sheet_that_is_not_utf8_stops_the_run(here: Path) -> None:
    (here / "style" / "pdf.css").write_bytes(b"/* caf\xe9 */\n")
    with pytest.raises(InvalidStyleError, match="not UTF-8"):
        convert_collection("briefs", "out", "html", RunOptions(jobs=1),
                           ExportSettings(style_dir="style"))  # fmt: skip
    assert not (here / "out").exists()
