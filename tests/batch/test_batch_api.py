"""The Python API of batch runs takes what the command line takes: formats as ``--to`` spells
them, and settings checked before any work."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.batch import RunOptions, convert_collection
from briefexport.formats import FORMATS
from support.batch import BROKEN, GOOD

DRY = RunOptions(dry_run=True)


@pytest.fixture(autouse=True)
def only_good_briefs(collection: Path) -> None:
    (collection / BROKEN).unlink()


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        ("jats", ["jats"]),
        ("HTML, jats,html", ["html", "jats"]),
        ("all", list(FORMATS)),
        (["pdf", "all"], ["pdf", *(name for name in FORMATS if name != "pdf")]),
    ],
    ids=["one-name", "comma-separated", "all", "all-in-a-list"],
)
def test_formats_are_taken_as_the_command_line_takes_them(
    collection: Path, out: Path, formats: str | list[str], expected: list[str]
) -> None:
    summary = convert_collection(collection, out, formats, DRY)
    assert summary.formats == expected
    assert sorted(summary.reasons) == GOOD
    assert not out.exists()
