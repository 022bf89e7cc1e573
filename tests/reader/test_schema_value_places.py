"""A value libxml2 refuses is blamed on the element that holds it, when several elements of
one name share a line: only those carrying the attribute, those whose value fails first, the
nth refusal on a line to the nth failing element."""

from __future__ import annotations

import pytest

from briefexport.errors import InvalidBriefError
from briefexport.reader import parse_brief
from support.paths import TOUR
from support.positions import position
from support.small_brief import edited

TOUR_TEXT = TOUR.read_text(encoding="utf-8")
KEYWORD = "<kwd>urban heat</kwd>"
CELLS = "<td>4</td>\n                <td>212</td>"


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode(), name="brief.xml")
    return [str(d) for d in raised.value.diagnostics]


def at(text: str, needle: str, nth: int = 0) -> str:
    """``brief.xml:LINE:COL`` of the ``nth`` occurrence of ``needle``."""
    return f"brief.xml:{position(text, needle, nth)}"


def test_blank_keyword_after_a_good_one() -> None:
    text = edited(KEYWORD, "<kwd>heat</kwd><kwd> </kwd>", TOUR_TEXT)
    kwd = text.count("<kwd>", 0, text.index("<kwd>heat")) + 1
    assert refusal(text) == [f"{at(text, '<kwd>', kwd)}: error: <kwd> is empty; it needs text"]


def test_two_blank_keywords_on_one_line() -> None:
    text = edited(KEYWORD, "<kwd> </kwd><kwd>heat</kwd><kwd>\t</kwd>", TOUR_TEXT)
    first = text.count("<kwd>", 0, text.index("<kwd> </kwd>"))
    assert refusal(text) == [
        f"{at(text, '<kwd>', first + n)}: error: <kwd> is empty; it needs text" for n in (0, 2)
    ]


def cell_errors(text: str) -> list[str]:
    return [line for line in refusal(text) if "rowspan" in line]


def test_span_blamed_on_the_cell_that_has_it() -> None:
    text = edited(CELLS, '<td>4</td><td rowspan="5000">212</td>', TOUR_TEXT)
    assert cell_errors(text) == [
        f'{at(text, "<td rowspan")}: error: rowspan="5000" on <td> is not'
        " a whole number from 1 up to 1000"
    ]


def test_span_blamed_on_the_cell_whose_value_fails() -> None:
    cells = '<td>4</td><td rowspan="2">212</td><td rowspan="5000">'
    text = edited(CELLS + "\n                <td>", cells, TOUR_TEXT)
    assert cell_errors(text) == [
        f'{at(text, "<td rowspan", 1)}: error: rowspan="5000" on <td> is not'
        " a whole number from 1 up to 1000"
    ]
