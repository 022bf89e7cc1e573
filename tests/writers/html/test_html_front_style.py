"""The web page's and the e-book's title page speak as the printed one does: "By" and "Edited
by" small and muted, the date bold, "Keywords:" a label in the accent colour and the heading
family (common.css; the cascade as WeasyPrint computes it, light colours)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import weasyprint

import briefexport
from support.paths import RTL, TOUR


def boxes(box: object) -> Iterator[object]:
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def styles(page: Path) -> dict[str, dict[str, object]]:
    """The computed style of the first box of each front-matter class looked at."""
    document = weasyprint.HTML(filename=page).render()
    wanted = {"byline-label", "role", "date", "keywords-label", "citation-label"}
    found: dict[str, dict[str, object]] = {}
    everything = (box for page in document.pages for box in boxes(page._page_box))
    for box in everything:
        element = getattr(box, "element", None)
        name = element.get("class") if element is not None else None
        if name in wanted and name not in found:
            found[name] = box.style  # type: ignore[attr-defined]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("source", [TOUR, RTL / "urdu-brief.xml"], ids=lambda path: path.stem)
def test_the_front_labels_and_date_are_set_as_in_print(source: Path, tmp_path: Path) -> None:
    page = briefexport.export(briefexport.load(source), "html", tmp_path / "page.html")
    found = styles(page)
    label, role, date = found["byline-label"], found["role"], found["date"]
    assert label["color"] == role["color"]  # muted
    assert float(str(label["font_size"])) < float(str(role["font_size"]))
    assert date["font_weight"] == 700
    if "keywords-label" in found:
        keywords, citation = found["keywords-label"], found["citation-label"]
        assert keywords["color"] == citation["color"]
        assert keywords["font_family"] == citation["font_family"]
