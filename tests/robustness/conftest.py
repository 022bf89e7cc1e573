"""Fixtures of the robustness tests: a brief on disk and the command line run in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.cli import main
from support.cli_runs import RunCli
from support.small_brief import BRIEF


@pytest.fixture
def brief_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write brief text to ``brief.xml`` in a fresh folder and return its path."""

    def write(text: str = BRIEF, name: str = "brief.xml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``briefexport`` with arguments; returns the exit status and stderr (no traceback)."""

    def run(*args: str | Path) -> tuple[int, str]:
        capsys.readouterr()
        status = main([str(arg) for arg in args])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return status, err

    return run
