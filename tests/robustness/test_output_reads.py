"""Writing an output reads each figure copy already in its place once (to leave it alone when
it holds the figure's bytes), and reads a figure file the brief was read from only when the
output or a copy would be written over it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import briefexport
from briefexport.options import default_options
from briefexport.output import export_brief
from briefexport.shared.figure_claims import FigureClaims
from support.tour import TOUR_FIGURE, copy_tour


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """How often each file was read whole, from now on."""
    counts: Counter[Path] = Counter()
    real = Path.read_bytes

    def counting(path: Path) -> bytes:
        counts[path.resolve()] += 1
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return counts


@pytest.mark.parametrize("fmt", ["jats", "markdown"])
def test_a_figure_copy_in_place_is_read_once(tmp_path: Path, fmt: str, read: Counter[Path]) -> None:
    tour = copy_tour(tmp_path / "brief")
    brief = briefexport.load(tour)
    options = default_options(brief)
    out = tmp_path / "out"
    target = out / f"tour.{fmt}"
    export_brief(brief, fmt, target, options, FigureClaims())
    copy = (out / TOUR_FIGURE).resolve()
    assert copy.read_bytes() == (tour.parent / TOUR_FIGURE).read_bytes()
    read.clear()
    export_brief(brief, fmt, target, options, FigureClaims())  # a rerun, as in a batch
    assert read[copy] == 1
    assert read[(tour.parent / TOUR_FIGURE).resolve()] == 0


def test_an_output_that_copies_no_figure_reads_none(tmp_path: Path, read: Counter[Path]) -> None:
    tour = copy_tour(tmp_path / "brief")
    brief = briefexport.load(tour)
    read.clear()
    export_brief(brief, "html", tmp_path / "out" / "tour.html", default_options(brief))
    assert read[(tour.parent / TOUR_FIGURE).resolve()] == 0
