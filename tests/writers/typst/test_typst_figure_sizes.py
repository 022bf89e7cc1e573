"""A Typst export opens each figure once: the size the resolution warning read is the size the
layout uses, in every pass over the brief (the picture itself is Typst's to decode)."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image as PillowImage

import briefexport
from briefexport.options import PdfEngine, default_options
from briefexport.writers import pdf_engine
from briefexport.writers.typst import typeset
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
