"""The print stylesheet reader (``shared.print_sheet``): keywords and lengths added up, the two
kinds of value the Word styles take besides single lengths, numbers and brand colours; and a
Word style underlined as the sheet's ``text-decoration`` says."""

from __future__ import annotations

import pytest

from briefexport.errors import BriefexportError
from briefexport.shared.print_sheet import Css, PrintSheet, Sum
from briefexport.writers.docx.reference import underlined
from briefexport.writers.docx.reference_styles import StyleSpec

SHEET = PrintSheet(
    "a { text-decoration: none }\n"
    "a.x { text-decoration: UNDERLINE dotted var(--link) }\n"
    "footer { margin: 16pt 0 0; padding-top: 0.5em }\n"
    "b { text-decoration: 2pt }\n"
    "i { text-decoration: dotted Underline var(--link) }"
)


def test_a_keyword_of_another_rule_and_a_missing_declaration() -> None:
    assert "underline" in SHEET.keywords(Css("a.x", "text-decoration"))
    with pytest.raises(BriefexportError, match="no text-decoration in the rule for 'c'"):
        SHEET.keywords(Css("c", "text-decoration"))


def test_keywords_are_every_identifier_lower_cased() -> None:
    assert SHEET.keywords(Css("i", "text-decoration")) == {"dotted", "underline"}
    assert SHEET.keywords(Css("a", "text-decoration")) == {"none"}
    with pytest.raises(BriefexportError, match="of the kind needed"):
        SHEET.keywords(Css("b", "text-decoration"))


def test_a_sum_adds_its_lengths_each_in_its_own_unit() -> None:
    margin, padding = Css("footer", "margin-top"), Css("footer", "padding-top")
    assert SHEET.points(Sum((margin, padding)), 10) == 21
    assert SHEET.points(Sum((margin,)), 10) == 16
    with pytest.raises(BriefexportError, match="no padding-bottom"):
        SHEET.points(Sum((margin, Css("footer", "padding-bottom"))), 10)


def test_a_style_is_underlined_wherever_its_decoration_names_the_line() -> None:
    def underlines(selector: str) -> bool:
        return underlined(StyleSpec("Link", underline=Css(selector, "text-decoration")), SHEET)

    assert underlines("i")  # dotted underline: the line named second
    assert underlines("a.x")
    assert not underlines("a")
