"""The grid of a table, once for the reader, the importers and every writer: where each cell
sits (the HTML table model), and which columns hold numbers (set flush right, as tables of
figures are: digits line up by place value)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..inlines import plain_text
from ..model import Cell, Row, Table
from ..model.record import Record, record

# A figure as tables print it: a sign, digits of any script with group and decimal marks and
# spaces, a percent or per-mille sign. Empty cells and dashes say nothing either way.
NUMBER = r"[+\-\u2212\u00b1]?\d[\d.,\u066b\u066c\s]*(%|\u2030|\u066a)?"
EMPTY = r"[\s\u2013\u2014-]*"


Span = tuple[int, int]
"""A cell's ``(colspan, rowspan)``."""


@record
class GridCell(Record):
    """Where a cell sits: its top-left grid position and the columns and rows it covers."""

    row: int
    column: int
    width: int
    height: int


@record
class Grid(Record):
    """Rows of cells laid on a grid as the HTML table model lays them: each cell at the first
    column of its row that no earlier cell, nor a row span from above, holds.

    A column span stops at a column a row span from above already holds (``overlapping``); a row
    span stops at the last row (``overhanging``). ``rows`` are the columns each row covers.
    """

    cells: tuple[GridCell, ...]
    rows: tuple[frozenset[int], ...]
    overlapping: bool
    overhanging: bool

    @property
    def columns(self) -> int:
        """The number of grid columns (0 for no cells)."""
        return max((max(row) + 1 for row in self.rows if row), default=0)


def lay_out(rows: Sequence[Sequence[Span]]) -> Grid:
    """The grid of ``rows`` of cell spans; the reader, the importers and the writers share it."""
    covered: list[set[int]] = [set() for _ in rows]
    cells: list[GridCell] = []
    overlapping = overhanging = False
    for index, row in enumerate(rows):
        column = 0
        for colspan, rowspan in row:
            while column in covered[index]:
                column += 1
            width = 1
            while width < colspan and column + width not in covered[index]:
                width += 1
            height = min(rowspan, len(rows) - index)
            overlapping, overhanging = (
                overlapping or width < colspan,
                overhanging or height < rowspan,
            )
            cells.append(GridCell(index, column, width, height))
            for below in covered[index : index + height]:
                below.update(range(column, column + width))
            column += width
    return Grid(tuple(cells), tuple(map(frozenset, covered)), overlapping, overhanging)


def spans(rows: Iterable[Row]) -> list[list[Span]]:
    """The ``(colspan, rowspan)`` of every cell of ``rows``."""
    return [[(cell.colspan, cell.rowspan) for cell in row.cells] for row in rows]


def place_cells(rows: tuple[Row, ...]) -> tuple[list[tuple[int, int, Cell]], int]:
    """Each cell's top-left grid position, with its spans as laid out (:func:`lay_out`), and
    the number of grid columns (at least 1)."""
    grid = lay_out(spans(rows))
    cells = (cell for row in rows for cell in row.cells)
    placed = [
        (spot.row, spot.column, replace(cell, colspan=spot.width, rowspan=spot.height))
        for spot, cell in zip(grid.cells, cells, strict=True)
    ]
    return placed, max(grid.columns, 1)


def numeric_columns(table: Table) -> frozenset[int]:
    """Grid columns whose body data cells (not row headers) all hold numbers, at least one."""
    placed, _ = place_cells(table.head + table.body)
    first_body = len(table.head)
    verdicts: dict[int, bool] = {}
    for row, column, cell in placed:
        if row < first_body or cell.header or cell.colspan > 1:
            continue
        text = plain_text(cell.children).strip()
        if re.fullmatch(EMPTY, text):  # compiled once, by the first table: not at import
            continue
        verdicts[column] = verdicts.get(column, True) and bool(re.fullmatch(NUMBER, text))
    return frozenset(column for column, numeric in verdicts.items() if numeric)
