"""In a right-to-left web page or e-book the series label and the subtitle are set in the
title's family (Nastaliq in Urdu), not in the Latin heading family with Arabic letters from
whatever font has them, and spaced as the title (common.css; the cascade as WeasyPrint
computes it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import weasyprint

import briefexport
from support.paths import rtl_paths


def boxes(box: object) -> Iterator[object]:
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def styles(page: Path) -> dict[str, tuple[tuple[str, ...], object]]:
    """The font families and line heights of the title, the series label and the subtitle."""
    document = weasyprint.HTML(filename=page).render()
    found = {}
    for box in boxes(document.pages[0]._page_box):
        element = getattr(box, "element", None)
        name = element.get("class") if element is not None else None
        if name in ("title", "series", "subtitle") and name not in found:
            style = box.style  # type: ignore[attr-defined]
            found[name] = (tuple(style["font_family"]), style["line_height"])
    return found


@pytest.mark.parametrize("source", rtl_paths(), ids=lambda path: path.stem)
def test_the_series_label_and_subtitle_share_the_title_family(source: Path, tmp_path: Path) -> None:
    page = briefexport.export(briefexport.load(source), "html", tmp_path / "page.html")
    found = styles(page)
    assert found["series"][0] == found["subtitle"][0] == found["title"][0]


def test_an_urdu_title_and_subtitle_are_spaced_alike(tmp_path: Path) -> None:
    """Set in Nastaliq, the title's descenders met the subtitle's ascenders at the title's
    tighter line height; both have the print sheet's taller one."""
    urdu = next(path for path in rtl_paths() if path.stem.startswith("urdu"))
    page = briefexport.export(briefexport.load(urdu), "html", tmp_path / "page.html")
    found = styles(page)
    assert found["title"][1] == found["subtitle"][1]
