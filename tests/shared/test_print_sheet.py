"""The print stylesheet reader (``shared.print_sheet``): keywords and lengths added up, the two
kinds of value the Word styles take besides single lengths, numbers and brand colours."""

from __future__ import annotations

import pytest

from briefexport.errors import BriefexportError
from briefexport.shared.print_sheet import Css, PrintSheet, Sum

SHEET = PrintSheet(
    "a { text-decoration: none }\n"
    "a.x { text-decoration: UNDERLINE dotted var(--link) }\n"
    "footer { margin: 16pt 0 0; padding-top: 0.5em }\n"
    "b { text-decoration: 2pt }"
)


def test_a_keyword_is_the_first_identifier_lower_cased() -> None:
    assert SHEET.keyword(Css("a", "text-decoration")) == "none"
    assert SHEET.keyword(Css("a.x", "text-decoration")) == "underline"
    with pytest.raises(BriefexportError, match="of the kind needed"):
        SHEET.keyword(Css("b", "text-decoration"))
    with pytest.raises(BriefexportError, match="no text-decoration in the rule for 'c'"):
        SHEET.keyword(Css("c", "text-decoration"))


def test_a_sum_adds_its_lengths_each_in_its_own_unit() -> None:
    margin, padding = Css("footer", "margin-top"), Css("footer", "padding-top")
    assert SHEET.points(Sum((margin, padding)), 10) == 21
    assert SHEET.points(Sum((margin,)), 10) == 16
    with pytest.raises(BriefexportError, match="no padding-bottom"):
        SHEET.points(Sum((margin, Css("footer", "padding-bottom"))), 10)
