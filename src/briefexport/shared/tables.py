"""The grid of a table, once for every writer: where each cell sits, and which columns hold
numbers (set flush right, as tables of figures are: digits line up by place value)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..inlines import plain_text
from ..model import Cell, Row, Table

# A figure as tables print it: a sign, digits of any script with group and decimal marks and
# spaces, a percent or per-mille sign. Empty cells and dashes say nothing either way.
NUMBER = re.compile(r"[+\-\u2212\u00b1]?\d[\d.,\u066b\u066c\s]*(%|\u2030|\u066a)?")
EMPTY = re.compile(r"[\s\u2013\u2014-]*")


def place_cells(rows: tuple[Row, ...]) -> tuple[list[tuple[int, int, Cell]], int]:
    """Each cell's top-left grid position, and the number of grid columns.

    A column span stops at a cell that a row span from above already holds; a row span stops
    at the last row.
    """
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    columns = 0
    for row_index, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while (row_index, column) in taken:
                column += 1
            width = 1
            while width < cell.colspan and (row_index, column + width) not in taken:
                width += 1
            height = min(cell.rowspan, len(rows) - row_index)
            placed.append((row_index, column, replace(cell, colspan=width, rowspan=height)))
            for down in range(height):
                taken.update((row_index + down, column + right) for right in range(width))
            column += width
        columns = max(columns, column, *(c + 1 for r, c in taken if r == row_index))
    return placed, max(columns, 1)


def numeric_columns(table: Table) -> frozenset[int]:
    """Grid columns whose body data cells (not row headers) all hold numbers, at least one."""
    placed, _ = place_cells(table.head + table.body)
    first_body = len(table.head)
    verdicts: dict[int, bool] = {}
    for row, column, cell in placed:
        if row < first_body or cell.header or cell.colspan > 1:
            continue
        text = plain_text(cell.children).strip()
        if EMPTY.fullmatch(text):
            continue
        verdicts[column] = verdicts.get(column, True) and bool(NUMBER.fullmatch(text))
    return frozenset(column for column, numeric in verdicts.items() if numeric)
