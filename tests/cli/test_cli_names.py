"""Command-line options taken in any case, and output names whatever the case of the brief's
suffix."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from briefexport.cli import main
from support.paths import HARBOUR as SHORT


@pytest.mark.parametrize("command", ["briefexport.cli.export", "briefexport.cli.batch"])
def test_pdf_options_are_taken_in_any_case(command: str) -> None:
    parser = importlib.import_module(command).parser()
    required = ["x.xml", "--to", "pdf", "-o", "out"]
    typed = ["--paper", "letter", "--pdf-engine", "TYPST", "--pdf-standard", "PDF/A-3B"]
    options = parser.parse_args([*required, *typed])
    assert (options.paper, options.pdf_engine, options.pdf_standard) == (
        "Letter",
        "typst",
        "pdf/a-3b",
    )


def test_an_unknown_paper_is_still_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([str(SHORT), "--to", "pdf", "--paper", "B5"])
    assert stop.value.code == 2
    assert "invalid choice: 'B5' (choose from 'A4', 'Letter')" in capsys.readouterr().err


def test_outputs_are_named_after_the_stem_whatever_the_case_of_the_suffix(tmp_path: Path) -> None:
    brief = tmp_path / "SHOUTING.XML"
    shutil.copy(SHORT, brief)
    assert main([str(brief), "--to", "jats,html", "-q"]) == 0
    assert (tmp_path / "SHOUTING.jats.xml").is_file()
    assert (tmp_path / "SHOUTING.html").is_file()
    archival = tmp_path / "SHOUTING.jats.xml"
    assert main([str(archival), "--to", "markdown", "-o", str(tmp_path / "md"), "-q"]) == 0
    assert [path.name for path in (tmp_path / "md").iterdir()] == ["SHOUTING.md"]
