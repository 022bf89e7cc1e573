"""``SOURCE_DATE_EPOCH``: unset or empty means the publication date; a malformed value is a usage
error of the single export and of a batch alike, before anything is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefexport.cli import main
from support.paths import HARBOUR

MALFORMED = ["abc", "-5", "1e9", "99999999999999", "12.5", "\u00b2"]


def command(kind: str, tmp_path: Path) -> list[str]:
    out = str(tmp_path / "out")
    if kind == "single":
        return [str(HARBOUR), "--to", "jats", "-o", out]
    collection = tmp_path / "collection"
    collection.mkdir()
    shutil.copy(HARBOUR, collection)
    return ["batch", str(collection), "--to", "jats", "-o", out, "-j", "1"]


@pytest.mark.parametrize("kind", ["single", "batch"])
@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_value_is_a_usage_error(
    kind: str,
    value: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert main(command(kind, tmp_path)) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("briefexport: error: SOURCE_DATE_EPOCH: ")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["single", "batch"])
@pytest.mark.parametrize("value", ["", " ", "1700000000"])
def test_empty_or_whole_seconds_are_taken(
    kind: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert main([*command(kind, tmp_path), "-q"]) == 0
    assert (tmp_path / "out" / "harbour-resilience.jats.xml").is_file()
