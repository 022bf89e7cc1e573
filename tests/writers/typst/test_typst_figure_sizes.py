"""A Typst export opens each figure once: the size the resolution warning read is the size the
layout uses, in every pass over the brief (the picture itself is Typst's to decode); and the
warning's greatest printed height is the print sheet's, which both engines lay figures out by."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image as PillowImage

import briefexport
from briefexport.options import PdfEngine, default_options
from briefexport.shared.print_sheet import Css
from briefexport.writers import pdf_engine
from briefexport.writers.print_resolution import MAX_HEIGHT_PT
from briefexport.writers.typst import typeset
from briefexport.writers.typst.sheet import SHIPPED_FILE, typst_value
from support.docx import house_sheet
from support.paths import EXAMPLES


def test_each_figure_is_opened_once(monkeypatch: pytest.MonkeyPatch) -> None:
    tour = briefexport.load(EXAMPLES / "feature-tour.xml")
    assert tour.figures
    opened: list[Any] = []
    real_open = PillowImage.open

    def counting_open(*args: Any, **named: Any) -> Any:
        opened.append(args[0])
        return real_open(*args, **named)

    monkeypatch.setattr(PillowImage, "open", counting_open)
    options = default_options(tour, pdf_engine=PdfEngine.TYPST)
    assert pdf_engine.write(tour, options).startswith(b"%PDF-")
    assert len(opened) == len(tour.figures)
    opened.clear()
    assert len(typeset(tour, options).pdf) > 0  # alone, without the warning: once per figure
    assert len(opened) == len(tour.figures)


def test_the_resolution_warning_reads_the_greatest_height_both_engines_print_at() -> None:
    # The warning's copy of the sheet's `figure img { max-height }`, which WeasyPrint reads from
    # pdf.css and the Typst house style through its print-sheet dictionary (`figure-image`).
    sheet = house_sheet()
    height = Css("figure img", "max-height")
    assert sheet.points(height, em=0) == pytest.approx(MAX_HEIGHT_PT)
    assert f'"figure img | max-height": {typst_value(sheet, height)},' in SHIPPED_FILE.read_text()
