"""A brief as Markdown carries it (docs/markdown.md, "What Markdown cannot carry"), so tests can
compare a brief read back from its Markdown with what the writer could keep.

The writer warns about each of these; everything else comes back equal.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from briefexport.model import Cell, Row, Table


def carryable(node: Any) -> Any:
    """The brief as Markdown can carry it: one header row (a missing one is written empty,
    later ones come back as body rows), header cells in body rows only as a first column.
    Spanning cells and empty paragraphs are carried."""
    if isinstance(node, tuple):
        return tuple(carryable(item) for item in node)
    if isinstance(node, Table):
        return carryable_table(node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        fields = dataclasses.fields(node)
        return dataclasses.replace(
            node, **{f.name: carryable(getattr(node, f.name)) for f in fields}
        )
    return node


def carryable_table(table: Table) -> Table:
    table = dataclasses.replace(table, head=_first_header_row_alone(table.head))

    def cells(row: Row, header: bool) -> Row:
        return Row(tuple(dataclasses.replace(cell, header=header) for cell in row.cells))

    first = (table.head or table.body)[0]
    width = sum(cell.colspan for cell in first.cells)
    blank = Row(tuple(Cell((), header=True) for _ in range(width)))
    head = (cells(table.head[0], True),) if table.head else (blank,)
    row_headers = bool(table.body) and all(
        row.cells and row.cells[0].header and not any(c.header for c in row.cells[1:])
        for row in table.body
    )
    body = list(table.body) if row_headers else [cells(row, False) for row in table.body]
    for extra in table.head[1:]:  # written after the body, read back as body rows
        data = cells(extra, False)
        lead = (dataclasses.replace(data.cells[0], header=True),) if row_headers else ()
        body.append(Row(lead + data.cells[len(lead) :]))
    caption = carryable(table.caption)
    return Table(table.id, table.label, caption, head, carryable(tuple(body)))


def _first_header_row_alone(head: tuple[Row, ...]) -> tuple[Row, ...]:
    """Markdown's header is one row, and later header rows are written below the body: a cell of
    the first row spanning rows down loses its span, and each grid position it covered in the
    rows written below comes back as an empty cell."""
    if len(head) < 2:
        return head
    covered: dict[int, int] = {}  # column -> header rows below the first it covers
    column = 0
    for cell in head[0].cells:
        covered.update(dict.fromkeys(range(column, column + cell.colspan), cell.rowspan - 1))
        column += cell.colspan
    first = Row(tuple(dataclasses.replace(cell, rowspan=1) for cell in head[0].cells))
    return (first, *(_with_holes(row, covered, n) for n, row in enumerate(head[1:], 1)))


def _with_holes(row: Row, covered: dict[int, int], depth: int) -> Row:
    """``row`` with an empty cell at each column the first row's spans reached ``depth`` rows
    down (the row's own cells fill the other columns in order)."""
    holes = sorted(column for column, rows in covered.items() if rows >= depth)
    cells, column = list(row.cells), 0
    out: list[Cell] = []
    while cells or holes:
        if (holes and holes[0] <= column) or not cells:
            out.append(Cell(()))
            column = holes.pop(0) + 1
        else:
            out.append(cells.pop(0))
            column += out[-1].colspan
    return Row(tuple(out))
