"""Fixtures of the reader's tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.cli import main


@pytest.fixture
def validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Callable[[str], tuple[int, list[str]]]:
    """Run ``briefexport validate`` on a brief's text: its status and stderr lines, the file
    named ``brief.xml``."""

    def run(text: str) -> tuple[int, list[str]]:
        path = tmp_path / "brief.xml"
        path.write_text(text, encoding="utf-8")
        status = main(["validate", str(path)])
        return status, capsys.readouterr().err.replace(str(path), "brief.xml").splitlines()

    return run
