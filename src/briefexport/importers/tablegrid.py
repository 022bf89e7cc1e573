"""Make an imported table's rows a rectangle, as the canonical profile requires.

Sources (JATS articles, Word documents) may have rows of unequal width or row spans reaching past
their row group. Row spans are cut at the end of their group and short rows padded with empty
cells until every row covers the same columns as the widest.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Cell, Row


def rectangular(head: list[Row], body: list[Row]) -> tuple[tuple[Row, ...], tuple[Row, ...], bool]:
    """Both row groups padded to one width, row spans cut at their group's end."""
    head, body = _cut_spans(head), _cut_spans(body)
    width = max(_widths(head) + _widths(body) + [1])
    padded_head, changed_head = _pad(head, width)
    padded_body, changed_body = _pad(body, width)
    return tuple(padded_head), tuple(padded_body), changed_head or changed_body


def _cut_spans(rows: list[Row]) -> list[Row]:
    return [
        Row(tuple(replace(c, rowspan=min(c.rowspan, len(rows) - index)) for c in row.cells))
        for index, row in enumerate(rows)
    ]


def _occupancy(rows: list[Row]) -> list[set[int]]:
    """For each row, the grid columns its own cells and the row spans above it cover."""
    covered: dict[tuple[int, int], bool] = {}
    result = []
    for index, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while (index, column) in covered:
                column += 1
            for down in range(cell.rowspan):
                for right in range(cell.colspan):
                    covered[(index + down, column + right)] = True
            column += cell.colspan
        result.append({col for (r, col) in covered if r == index})
    return result


def _widths(rows: list[Row]) -> list[int]:
    return [max(taken) + 1 if taken else 0 for taken in _occupancy(rows)]


def _pad(rows: list[Row], width: int) -> tuple[list[Row], bool]:
    """Append empty cells until each row covers every column up to ``width``."""
    changed = False
    rows = list(rows)
    for index in range(len(rows)):
        while _occupancy(rows)[index] != set(range(width)):
            if len(_occupancy(rows)[index]) >= width:
                break  # a cell spans past the width; widths were taken from the widest row
            rows[index] = Row((*rows[index].cells, Cell(())))
            changed = True
    return rows, changed
