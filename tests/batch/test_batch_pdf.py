"""PDF through the batch workers equals PDF exported one brief at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefexport
from briefexport.cli import main
from support.batch import SHORT
from support.paths import TOUR as FEATURES


@pytest.mark.slow
def test_batch_pdf_equals_a_single_export(tmp_path: Path) -> None:
    collection = tmp_path / "collection"
    collection.mkdir()
    for example in (SHORT, FEATURES):
        (collection / example.name).write_bytes(example.read_bytes())
    (collection / "figures").mkdir()
    for figure in (FEATURES.parent / "figures").glob("*.png"):
        (collection / "figures" / figure.name).write_bytes(figure.read_bytes())
    out = tmp_path / "out"
    assert main(["batch", str(collection), "--to", "pdf", "-o", str(out), "-j", "2", "-q"]) == 0
    for example in (SHORT, FEATURES):
        produced = out / example.name.replace(".xml", ".pdf")
        single = briefexport.export(
            briefexport.load(collection / example.name), "pdf", tmp_path / "single.pdf"
        )
        assert produced.read_bytes() == single.read_bytes(), produced
