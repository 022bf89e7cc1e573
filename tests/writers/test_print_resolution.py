"""A raster figure that would print below 150 pixels per inch is warned about, once, at its
``graphic`` element; a vector figure or a fine enough raster one is not."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path

import pytest

import briefexport
from briefexport.model import Brief, Figure, Image, SourcePosition, Text
from briefexport.options import default_options
from briefexport.shared.located import POSITION_KEY
from briefexport.writers.print_resolution import MIN_PPI, column_width, printed_ppi
from briefexport.writers.print_resolution import warn_low_resolution as warn
from support.briefs import brief_with_blocks
from support.images import png
from support.paths import TOUR

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>'


def warnings(brief: Brief, caplog: pytest.LogCaptureFixture, **named: str) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        warn(brief, default_options(brief, **named))  # type: ignore[arg-type]
    return [record.getMessage() for record in caplog.records]


def with_image(data: bytes, media_type: str) -> Brief:
    image = Image("chart", "A chart", media_type, data)
    return brief_with_blocks((Figure("f1", "Figure 1", (Text("A chart"),), image),))


def test_a_coarse_chart_is_warned_at_its_graphic(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    # the feature tour with its chart drawn at 800 x 450 pixels, as it was before it was redrawn
    shutil.copytree(TOUR.parent, tmp_path, dirs_exist_ok=True)
    (tmp_path / "figures" / "heat-calls.png").write_bytes(png(800, 450))
    source = TOUR.read_text(encoding="utf-8")
    before = source[: source.index('<graphic xlink:href="figures/heat-calls.png"')]
    graphic = SourcePosition(before.count("\n") + 1, len(before) - before.rfind("\n"))
    brief = briefexport.load(tmp_path / TOUR.name)
    assert warnings(brief, caplog) == [
        "PDF: Figure 1 (figures/heat-calls.png) prints at 122 pixels per inch, below 150: "
        "use a larger image"
    ]
    assert [getattr(r, POSITION_KEY) for r in caplog.records] == [graphic]
    assert "118 pixels per inch" in warnings(brief, caplog, paper="Letter")[0]


def test_the_shipped_examples_print_their_figures_fine_enough(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert warnings(briefexport.load(TOUR), caplog) == []


def test_the_printed_resolution_follows_the_house_sizing() -> None:
    column = column_width(default_options(brief_with_blocks(())))
    assert column == pytest.approx((210 - 22 - 22) / 25.4 * 72)
    assert printed_ppi((800, 450), column) == pytest.approx(800 / (166 / 25.4))
    assert printed_ppi((300, 200), column) == pytest.approx(96)  # narrower: one pixel a px
    assert printed_ppi((1000, 4000), column) == pytest.approx(4000 / (150 / 25.4))  # tall


def test_fine_raster_and_vector_figures_are_not_warned(caplog: pytest.LogCaptureFixture) -> None:
    assert warnings(with_image(png(1200, 600), "image/png"), caplog) == []
    assert warnings(with_image(SVG, "image/svg+xml"), caplog) == []
    assert len(warnings(with_image(png(300, 200), "image/png"), caplog)) == 1


def test_the_warning_falls_back_to_the_figure(caplog: pytest.LogCaptureFixture) -> None:
    brief = with_image(png(300, 200), "image/png")
    [figure] = brief.body
    assert isinstance(figure, Figure)
    placed = dataclasses.replace(figure, source=SourcePosition(3, 5))
    warnings(dataclasses.replace(brief, body=(placed,)), caplog)
    assert [getattr(r, POSITION_KEY) for r in caplog.records] == [SourcePosition(3, 5)]
    assert MIN_PPI == 150
