"""Imported tables become rectangles the reader accepts: spans cut as the shared grid lays them,
short rows padded."""

from __future__ import annotations

from briefexport.importers.tablegrid import rectangular
from briefexport.model import Cell, Row, Text


def cell(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell((Text(text),), colspan=colspan, rowspan=rowspan)


def test_a_column_span_into_a_row_span_from_above_is_cut() -> None:
    # | a | b (2 rows) |   then c asks for two columns, but b still holds the second
    body = [Row((cell("a"), cell("b", rowspan=2))), Row((cell("c", colspan=2),))]
    head, rows, padded = rectangular([], body)
    assert head == ()
    assert rows == (Row((cell("a"), cell("b", rowspan=2))), Row((cell("c"),)))
    assert not padded


def test_short_rows_are_padded_and_row_spans_stop_at_their_group() -> None:
    head = [Row((cell("h1"), cell("h2"), cell("h3")))]
    body = [Row((cell("a", rowspan=4),)), Row((cell("b"),))]
    new_head, rows, padded = rectangular(head, body)
    assert new_head == tuple(head)
    assert rows == (
        Row((cell("a", rowspan=2), Cell(()), Cell(()))),
        Row((cell("b"), Cell(()))),
    )
    assert padded
