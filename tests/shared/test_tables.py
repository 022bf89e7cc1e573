"""The one table grid (HTML table model) the reader, the importers and the writers share."""

from __future__ import annotations

from briefexport.model import Cell, Row, Text
from briefexport.shared.tables import GridCell, lay_out, place_cells


def test_a_row_span_pushes_the_next_rows_cells_to_the_right() -> None:
    # | a | b (2 rows) |      row 2: c starts in column 0, d skips column 1 held by b
    # | c |     | d    |
    grid = lay_out([[(1, 1), (1, 2)], [(1, 1), (1, 1)]])
    assert grid.cells == (
        GridCell(0, 0, 1, 1),
        GridCell(0, 1, 1, 2),
        GridCell(1, 0, 1, 1),
        GridCell(1, 2, 1, 1),
    )
    assert grid.rows == (frozenset({0, 1}), frozenset({0, 1, 2}))
    assert grid.columns == 3
    assert not grid.overlapping
    assert not grid.overhanging


def test_spans_are_cut_where_the_grid_ends_or_is_held() -> None:
    # row 2's two-column cell meets column 1, still held by b: it keeps column 0 only;
    # b's three rows stop at the last of two rows
    grid = lay_out([[(1, 1), (1, 3)], [(2, 1)]])
    assert grid.cells[1] == GridCell(0, 1, 1, 2)
    assert grid.cells[2] == GridCell(1, 0, 1, 1)
    assert grid.overlapping
    assert grid.overhanging


def test_placed_cells_carry_the_spans_they_were_given_room_for() -> None:
    a, b = Cell((Text("a"),)), Cell((Text("b"),), rowspan=2)
    c = Cell((Text("c"),), colspan=2)
    placed, columns = place_cells((Row((a, b)), Row((c,))))
    assert placed == [(0, 0, a), (0, 1, b), (1, 0, Cell((Text("c"),), colspan=1))]
    assert columns == 2
    assert place_cells(()) == ([], 1)
