"""Reproducible: the same brief gives byte-identical files in every format, process after process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.formats import FORMATS
from support.paths import TOUR


def export_all(folder: Path, epoch: str | None) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    brief = TOUR
    command = [
        sys.executable,
        "-m",
        "briefexport",
        str(brief),
        "--to",
        "all",
        "-q",
        "-o",
        str(folder),
    ]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "epoch", [None, "1700000000"], ids=["publication-date", "source-date-epoch"]
)
@pytest.mark.slow
def test_two_processes_write_identical_bytes(tmp_path: Path, epoch: str | None) -> None:
    first = export_all(tmp_path / "first", epoch)
    second = export_all(tmp_path / "second", epoch)
    assert len([name for name in first if not name.endswith(".png")]) == len(FORMATS)
    assert first == second


@pytest.mark.slow
def test_source_date_epoch_changes_the_dates_written(tmp_path: Path) -> None:
    by_date = export_all(tmp_path / "a", None)
    by_epoch = export_all(tmp_path / "b", "1700000000")
    changed = {name for name in by_date if by_date[name] != by_epoch[name]}
    assert {"feature-tour.epub", "feature-tour.docx"} <= changed
