"""Small collections built in a temporary folder from the examples, and ways to run the command.

A collection: the two examples (one with a figure) at the top, a copy of the short example two
folders down, and a brief that calls a footnote it does not have (one located error).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefexport.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
IMPORT_DATA = REPO / "tests" / "data" / "import"
SHORT = EXAMPLES / "harbour-resilience.xml"
FEATURES = EXAMPLES / "feature-tour.xml"
GOOD = ["feature-tour.xml", "harbour-resilience.xml", "reports/2026/harbour-copy.xml"]
BROKEN = "reports/broken.xml"


def broken_text() -> str:
    """The short example calling footnote ``fn99``, which it does not have."""
    text = SHORT.read_text(encoding="utf-8")
    assert 'rid="fn1"' in text
    return text.replace('rid="fn1"', 'rid="fn99"', 1)


def make_collection(root: Path) -> Path:
    """Build the collection described above in ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SHORT, root / SHORT.name)
    shutil.copy(FEATURES, root / FEATURES.name)
    shutil.copytree(EXAMPLES / "figures", root / "figures")
    (root / "reports" / "2026").mkdir(parents=True)
    shutil.copy(SHORT, root / "reports" / "2026" / "harbour-copy.xml")
    (root / BROKEN).write_text(broken_text(), encoding="utf-8")
    return root


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    return make_collection(tmp_path / "collection")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


BatchRun = Callable[..., tuple[int, str, dict[str, Any]]]


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


def subprocess_environment() -> dict[str, str]:
    """The environment of this test run, with this source tree first on the module path."""
    source = str(REPO / "src")
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": source + (os.pathsep + path if path else "")}


def cli_command(*args: str) -> list[str]:
    """``python -m briefexport ARGS`` with the interpreter running the tests."""
    return [sys.executable, "-m", "briefexport", *args]
