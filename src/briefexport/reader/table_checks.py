"""The shape of a brief's tables, checked as HTML's table model lays cells out (each row group a
rectangle, a cell starting in every column); a cell's ``colspan`` and ``rowspan`` are read as the
schema reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ..errors import Diagnostic
from ..shared.tables import lay_out
from .locate import Locator

Refused = Callable[[etree._Element], bool]
"""Whether the schema refused an element (its consequences are not said again)."""
_POSITIVE_INTEGER = re.compile(r"[ \t\r\n]*\+?([0-9]+)[ \t\r\n]*")


def check_tables(root: etree._Element, at: Locator, refused: Refused) -> list[Diagnostic]:
    found = []
    for table in root.iter("table"):
        if any(len(row) == 0 for row in table.iter("tr")) or _refused_inside(table, refused):
            continue  # the schema reports the empty row, a span or a group it refused
        problems, widths, starts = [], set(), set[int]()
        for group in table.iterfind("*"):
            rows = [[_span(c) for c in row] for row in group.iterfind("tr")]
            problem, width = grid_shape(rows, starts)
            widths.add(width)
            if problem:
                problems.append(at.error(group, f"table {group.tag!s}: {problem}"))
        if len(widths) > 1 and not problems:
            problems.append(at.error(table, "the table's header and body have different widths"))
        if not problems:
            problems += _empty_columns(table, at, max(widths, default=0), starts)
        found += problems
    return found


def _refused_inside(table: etree._Element, refused: Refused) -> bool:
    """Whether the schema refused an element of the table (a span, an empty row group): its
    shape, read without it, would be wrong for that reason alone."""
    return any(refused(element) for element in table.iter(etree.Element))


def _empty_columns(
    table: etree._Element, at: Locator, width: int, starts: set[int]
) -> list[Diagnostic]:
    """HTML requires a cell to start in every column; a colspan past the real width fails."""
    missing = sorted(set(range(width)) - starts)
    if not missing:
        return []
    real = len(starts)
    message = (
        f"no cell starts in table column {missing[0] + 1}: a colspan reaches past the table's"
        f" real width of {real} column{'s' if real != 1 else ''}"
    )
    return [at.error(table, message)]


def span_value(text: str | None) -> int:
    """A ``colspan`` or ``rowspan`` read as the schema reads an xsd:positiveInteger (blanks
    around, a leading ``+``); absent, or invalid (the schema reports it), means 1. The reader
    builds cells with the same reading, so the checked grid is the written one."""
    match = _POSITIVE_INTEGER.fullmatch(text or "")
    return int(match.group(1)) if match else 1


def _span(cell: etree._Element) -> tuple[int, int]:
    return span_value(cell.get("colspan")), span_value(cell.get("rowspan"))


def grid_shape(
    rows: list[list[tuple[int, int]]], starts: set[int] | None = None
) -> tuple[str | None, int]:
    """Why rows of (colspan, rowspan) cells do not form a rectangle (None when they do),
    and the width of the first row; ``starts`` collects the columns where a cell starts."""
    grid = lay_out(rows)
    if starts is not None:
        starts.update(cell.column for cell in grid.cells)
    widths = [len(row) for row in grid.rows]
    width = widths[0] if widths else 0
    if any(row != set(range(len(row))) for row in grid.rows):
        return "a row has a hole between its cells", 0
    if grid.overhanging:
        return "a cell spans more rows than its row group has", width
    if grid.overlapping:
        return "a cell spans into a column a cell from a row above still covers", width
    if len(set(widths)) > 1:
        return f"rows have different widths ({', '.join(map(str, widths))} columns)", width
    return None, width
