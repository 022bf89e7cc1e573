"""Make an imported table's rows a rectangle, as the canonical profile requires.

Sources (JATS articles, Word documents) may have rows of unequal width, row spans reaching past
their row group, or column spans running into a column a row span from above holds. Spans are
cut as the shared grid lays them (:func:`briefexport.shared.tables.lay_out`) and short rows
padded with empty cells until every row covers the same columns as the widest. A Markdown
(GFM) row's cells past the header's count, which GFM leaves out, are found for a diagnostic.
"""

from __future__ import annotations

import re

from ..model import Cell, Row
from ..shared.tables import lay_out, place_cells, spans


def rectangular(head: list[Row], body: list[Row]) -> tuple[tuple[Row, ...], tuple[Row, ...], bool]:
    """Both row groups padded to one width, spans cut to the group's grid."""
    head, body = _cut_spans(head), _cut_spans(body)
    width = max(_widths(head) + _widths(body) + [1])
    padded_head, changed_head = _pad(head, width)
    padded_body, changed_body = _pad(body, width)
    return tuple(padded_head), tuple(padded_body), changed_head or changed_body


def _cut_spans(rows: list[Row]) -> list[Row]:
    placed = iter(cell for _, _, cell in place_cells(tuple(rows))[0])
    return [Row(tuple(next(placed) for _ in row.cells)) for row in rows]


def _occupancy(rows: list[Row]) -> list[frozenset[int]]:
    """For each row, the grid columns its own cells and the row spans above it cover."""
    return list(lay_out(spans(rows)).rows)


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


_CELL_BORDER = re.compile(r"(?<!\\)\|")


def extra_cells(line: str, columns: int) -> int | None:
    """The column of the first cell past ``columns`` in the GFM table row ``line`` when one
    holds text (GFM leaves such cells out), else None. Cells are split at pipes not escaped
    with a backslash, as GFM splits them, code spans included."""
    borders = [found.start() for found in _CELL_BORDER.finditer(line)]
    start = len(line) - len(line.lstrip())
    if borders and borders[0] == start:
        borders = borders[1:]  # the leading pipe opens the first cell
    for index in range(columns - 1, len(borders)):
        end = borders[index + 1] if index + 1 < len(borders) else len(line)
        cell = line[borders[index] + 1 : end]
        if cell.strip():
            return borders[index] + 2 + len(cell) - len(cell.lstrip())
    return None
