"""Fixtures of the batch tests: a small collection in a temporary folder and a way to run the
command on it in this process (helpers are in ``support.batch``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefexport.cli import main
from support.batch import BatchRun, make_collection


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "collection")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


@pytest.fixture
def batch(
    collection: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> BatchRun:
    """Run ``briefexport batch COLLECTION -o OUT`` with more arguments in this process;
    returns the exit status, standard error and the ``--report`` data."""

    def run(*args: str) -> tuple[int, str, dict[str, Any]]:
        report = tmp_path / "report.json"
        report.unlink(missing_ok=True)
        command = ["batch", str(collection), "-o", str(out), "--report", str(report), *args]
        status = main(command)
        data = json.loads(report.read_text(encoding="utf-8"))
        return status, capsys.readouterr().err, data

    return run
