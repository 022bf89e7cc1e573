"""How the cover breaks its texts into lines: as evenly as their number allows."""

from __future__ import annotations

from typing import cast

from briefexport.writers.epub.cover_lines import Measure, balanced, wrap


class Letters:
    """A measure in which every character, the space too, is one unit wide."""

    def width(self, text: str) -> float:
        return float(len(text))


MEASURE = cast(Measure, Letters())


def test_a_title_does_not_end_with_one_word_alone() -> None:
    title = "Cool streets for warm coasts"
    assert wrap(title, MEASURE, 24) == ["Cool streets for warm", "coasts"]
    assert balanced(title, MEASURE, 24) == ["Cool streets", "for warm coasts"]


def test_balancing_takes_no_more_lines_and_cuts_no_word() -> None:
    title = "From Pariahs to Partners? Russia's Critical Re-evaluation of the Taliban"
    for width in range(14, 80):
        lines = balanced(title, MEASURE, width)
        assert len(lines) == len(wrap(title, MEASURE, width))
        assert " ".join(lines) == title
        assert all(len(line) <= width for line in lines)


def test_a_word_wider_than_the_measure_is_cut_as_before() -> None:
    text = "Hafenbetriebsgesellschaftsvertrag gilt"
    assert balanced(text, MEASURE, 20) == wrap(text, MEASURE, 20)
    assert balanced("", MEASURE, 20) == wrap("", MEASURE, 20) == []
