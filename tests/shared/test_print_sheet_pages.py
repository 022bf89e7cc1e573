"""The print stylesheet reader (CSS Syntax Level 3, CSS Paged Media): the margin boxes and the
footnote area of a page rule are found by their page's name, and a number keeps its unit."""

from __future__ import annotations

import pytest

from briefexport.errors import BriefexportError
from briefexport.shared.print_sheet import Css, PrintSheet

SHEET = """
@page { size: A4; @top-left { padding-bottom: 3mm } @footnote { border-top: 0.5pt solid red;
  margin-top: 9pt } }
@page :first { @top-left { content: none; padding-bottom: 0 } }
@media print { p { margin-top: 99pt } }
p { margin: 0 0 7pt; line-height: 1.3; font-size: 0.65rem }
"""


def test_page_margin_boxes_and_the_footnote_area_are_named_after_their_page() -> None:
    sheet = PrintSheet(SHEET)
    assert sheet.points(Css("@page @top-left", "padding-bottom"), 10) == pytest.approx(8.504, 0.001)
    assert sheet.points(Css("@page @footnote", "border-top"), 10) == 0.5
    assert sheet.points(Css("@page @footnote", "margin-top"), 10) == 9
    assert sheet.points(Css("@page :first @top-left", "padding-bottom"), 10) == 0
    with pytest.raises(BriefexportError, match="no margin-top in the rule for '@page'"):
        sheet.points(Css("@page", "margin-top"), 10)
    assert sheet.points(Css("p", "margin-top"), 10) == 0  # not the rule inside @media


def test_a_dimension_keeps_its_unit() -> None:
    sheet = PrintSheet(SHEET)
    assert sheet.dimension(Css("@page @top-left", "padding-bottom")) == (3, "mm")
    assert sheet.dimension(Css("p", "margin-bottom")) == (7, "pt")
    assert sheet.dimension(Css("p", "margin-top")) == (0, "")
    assert sheet.dimension(Css("p", "line-height")) == (1.3, "")
    assert sheet.dimension(Css("p", "font-size")) == (0.65, "rem")
