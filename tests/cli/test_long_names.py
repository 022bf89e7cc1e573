"""A brief whose outputs have names near the filesystems' limit of 255 bytes is exported, by
the single export and by a batch (their temporary files must fit that limit too)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefexport.cli import main
from support.paths import HARBOUR

STEM = "a" * 240  # 249 bytes with .jats.xml, the longest suffix asked for here


@pytest.mark.parametrize("kind", ["single", "batch"])
def test_outputs_with_the_longest_names_are_written(kind: str, tmp_path: Path) -> None:
    collection = tmp_path / "collection"
    collection.mkdir()
    brief = collection / f"{STEM}.xml"
    shutil.copy(HARBOUR, brief)
    out = tmp_path / "out"
    args = ["batch", str(collection)] if kind == "batch" else [str(brief)]
    assert main([*args, "--to", "jats,html", "-o", str(out), "-q"]) == 0
    outputs = sorted(path.name for path in out.iterdir() if not path.name.startswith("."))
    assert outputs == [f"{STEM}.html", f"{STEM}.jats.xml"]
    assert not list(out.glob("*.tmp"))
