"""Random tables for seeded random briefs: rectangular grids with cells spanning rows and columns.

The grid follows the HTML table model the reader checks: in each row group (head, body) every row
covers the same number of columns with no hole, a cell spans no row outside its group, and a cell
starts in every column of the table.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from briefexport.inlines import canonical
from briefexport.model import Cell, Inline, Row, Table, Text

Content = Callable[[], tuple[Inline, ...]]
"""Cell or caption content: text, formatting and links (the profile allows no calls there)."""


def spans(
    rng: random.Random, width: int, height: int, spanning: bool
) -> list[list[tuple[int, int, int]]]:
    """Rows of (column, colspan, rowspan) filling a ``width`` by ``height`` grid; without
    ``spanning`` every cell is one by one."""
    covered = [[False] * width for _ in range(height)]
    rows: list[list[tuple[int, int, int]]] = []
    for r in range(height):
        row = []
        column = 0
        while column < width:
            if covered[r][column]:
                column += 1
                continue
            free = 1
            while column + free < width and not covered[r][column + free]:
                free += 1
            colspan = rng.randint(1, free) if spanning and rng.random() < 0.25 else 1
            rowspan = rng.randint(1, height - r) if spanning and rng.random() < 0.2 else 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered[r + dr][column + dc] = True
            row.append((column, colspan, rowspan))
            column += colspan
        rows.append(row)
    return rows


def group(
    rng: random.Random, width: int, height: int, header: bool, content: Content, spanning: bool
) -> tuple[tuple[Row, ...], set[int]]:
    """A row group and the columns where its cells start (none at all when a row would be
    empty, as a row under cells spanning down from above is: the profile wants a cell a row)."""
    grid = spans(rng, width, height, spanning)
    if not all(grid):
        return (), set()
    starts = {column for row in grid for column, _, _ in row}
    row_headers = not header and rng.random() < 0.3
    rows = []
    for row in grid:
        cells = []
        for column, colspan, rowspan in row:
            children = content() if rng.random() < 0.85 else ()
            is_header = header or (row_headers and column == 0)
            cells.append(Cell(children, is_header, colspan, rowspan))
        rows.append(Row(tuple(cells)))
    return tuple(rows), starts


def table(rng: random.Random, content: Content) -> Table:
    """A table of one to four columns, no to two header rows and one to four body rows."""
    width = rng.randint(1, 4)
    heights = (rng.choice((0, 1, 1, 2)), rng.randint(1, 4))
    for attempt in range(21):
        spanning = attempt < 20  # no luck with spans: a plain grid always fits
        head, head_starts = group(rng, width, heights[0], True, content, spanning)
        body, body_starts = group(rng, width, heights[1], False, content, spanning)
        if body and head_starts | body_starts == set(range(width)):
            break
    label = f"Table {rng.randint(1, 9)}" if rng.random() < 0.7 else None
    caption = content() if rng.random() < 0.8 else canonical((Text(""),))
    return Table(None, label, caption, head, body)
