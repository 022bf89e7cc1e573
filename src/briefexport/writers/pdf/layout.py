"""Read WeasyPrint 70's laid-out box tree: where calls, notes and paragraph lines ended up.

This leans on WeasyPrint internals (``Page._page_box``, ``LineBox``, ``FootnoteAreaBox`` and
the ``footnote`` attribute of a ``::footnote-call`` box); they are stable across 6x-70 releases
but not public API, so the PDF tests check the outcome again with pdftotext.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from weasyprint import Document

BLOCK_ATTRIBUTE = "data-block"


@dataclass
class CallLine:
    """Where a footnote call sits: its block, the line's index in the block and the page."""

    page: int
    block: Any
    line_index: int


@dataclass
class Layout:
    """What one layout says about notes, calls and the lines of each block."""

    calls: dict[str, CallLine] = field(default_factory=dict)
    notes: dict[str, int] = field(default_factory=dict)
    note_heights: dict[str, float] = field(default_factory=dict)
    body_height: float = 0.0
    block_lines: dict[Any, int] = field(default_factory=dict)
    block_pages: dict[Any, list[int]] = field(default_factory=dict)
    last_block: dict[int, Any] = field(default_factory=dict)

    def misplaced(self) -> list[str]:
        """Ids of notes that are not on the page of their first call."""
        return [key for key, call in self.calls.items() if self.notes.get(key) != call.page]

    def starts_on(self, block: Any, page: int) -> bool:
        """Whether ``block``'s first line is on ``page``."""
        pages = self.block_pages.get(block, [])
        return bool(pages) and pages[0] == page

    def ends_on(self, block: Any, page: int) -> bool:
        """Whether ``block``'s last line is on ``page``."""
        pages = self.block_pages.get(block, [])
        return bool(pages) and pages[-1] == page


def _children(box: Any) -> list[Any]:
    return list(getattr(box, "children", None) or [])


def _walk(box: Any) -> Iterator[Any]:
    yield box
    for child in _children(box):
        yield from _walk(child)


def _kind(box: Any) -> str:
    return type(box).__name__


def read_layout(document: Document) -> Layout:
    """Pages of calls and notes, note heights and block lines of a laid-out document."""
    layout = Layout()
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        layout.body_height = max(layout.body_height, page_box.height)
        for area in _children(page_box):
            if _kind(area) == "FootnoteAreaBox":
                _read_notes(layout, area, number)
            elif _kind(area) != "MarginBox":
                _read_body(layout, area, number)
    return layout


def _read_notes(layout: Layout, area: Any, number: int) -> None:
    for note in _children(area):
        key = note.element.get("id") if note.element is not None else None
        if key:
            layout.notes.setdefault(key, number)
            height = layout.note_heights.get(key, 0.0)
            layout.note_heights[key] = height + note.margin_height()


def _read_body(layout: Layout, root: Any, number: int) -> None:
    for box in _walk(root):
        lines = [child for child in _children(box) if _kind(child) == "LineBox"]
        if lines and box.element is not None:
            _read_lines(layout, box.element, lines, number)


def _read_lines(layout: Layout, element: Any, lines: list[Any], number: int) -> None:
    pages = layout.block_pages.setdefault(element, [])
    if not pages or pages[-1] != number:
        pages.append(number)
    layout.last_block[number] = element
    for line in lines:
        index = layout.block_lines.get(element, 0)
        layout.block_lines[element] = index + 1
        for box in _walk(line):
            if box.footnote is not None and box.element is not None:
                key = box.element.get("id")
                if key and key not in layout.calls:
                    layout.calls[key] = CallLine(number, element, index)
