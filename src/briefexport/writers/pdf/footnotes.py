"""Put every footnote on the page of its call (CSS GCPM ``float: footnote``, checked after layout).

WeasyPrint 70 sometimes moves a note to the page after its call: when a line of the *next*
paragraph cannot be pushed (orphans), ``layout/block.py`` reports the page's last notes to the
next page to make room for that line, although their calls stay behind. After each layout this module reads WeasyPrint's box tree, finds every
call (``::footnote-call`` box) and every note in a ``@footnote`` area, and corrects the layout
of the paragraphs on the first page with a stray note, lays out again, and repeats. A stray
note is corrected in steps:

1. a paragraph that ends on the calling page is followed by a page break (WeasyPrint drops
   the note while trying to start the next block there); a paragraph that runs on to the next
   page gets ``widows`` so that the break falls just before the calling line;
2. the paragraph starts a new page;
3. the note becomes an endnote, with a warning.

``footnote-policy: line`` was tried first and changed nothing for these cases.

Notes taller than half the page body are made endnotes at once (WeasyPrint does not split a
note and would let it overflow the page), also with a warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from weasyprint import Document

LOGGER = logging.getLogger("briefexport")
MAX_PASSES = 40
MAX_NOTE_SHARE = 0.5
ORPHANS = 2
BLOCK_TAGS = frozenset({"p", "li", "td", "th", "dd", "dt", "figcaption", "caption", "blockquote"})


@dataclass
class CallLine:
    """Where a footnote call sits: its paragraph, the line's index in it and the page."""

    page: int
    block: Any
    line_index: int


@dataclass
class Layout:
    """What one layout pass says about notes, calls and paragraph lines."""

    calls: dict[str, CallLine] = field(default_factory=dict)
    notes: dict[str, int] = field(default_factory=dict)
    note_heights: dict[str, float] = field(default_factory=dict)
    body_height: float = 0.0
    block_lines: dict[Any, int] = field(default_factory=dict)
    block_pages: dict[Any, set[int]] = field(default_factory=dict)

    def misplaced(self) -> list[str]:
        """Ids of notes whose note is not on the page of their first call."""
        return [key for key, call in self.calls.items() if self.notes.get(key) != call.page]


def _children(box: Any) -> list[Any]:
    return list(getattr(box, "children", None) or [])


def _walk(box: Any) -> Iterator[Any]:
    yield box
    for child in _children(box):
        yield from _walk(child)


def _is_line(box: Any) -> bool:
    return type(box).__name__ == "LineBox"


def read_layout(document: Document) -> Layout:
    """Pages of calls and notes, note heights and paragraph line counts of a laid-out document."""
    layout = Layout()
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        layout.body_height = max(layout.body_height, page_box.height)
        for box in _walk(page_box):
            if type(box).__name__ == "FootnoteAreaBox":
                _read_notes(layout, box, number)
            elif any(_is_line(child) for child in _children(box)):
                _read_lines(layout, box, number)
    return layout


def _read_notes(layout: Layout, area: Any, number: int) -> None:
    for note in _children(area):
        key = note.element.get("id") if note.element is not None else None
        if key:
            layout.notes.setdefault(key, number)
            height = layout.note_heights.get(key, 0.0)
            layout.note_heights[key] = height + note.margin_height()


def _read_lines(layout: Layout, block: Any, number: int) -> None:
    element = block.element
    layout.block_pages.setdefault(element, set()).add(number)
    for line in filter(_is_line, _children(block)):
        index = layout.block_lines.get(element, 0)
        layout.block_lines[element] = index + 1
        for box in _walk(line):
            if box.footnote is not None and box.element is not None:
                key = box.element.get("id")
                if key and key not in layout.calls:
                    layout.calls[key] = CallLine(number, element, index)


class FootnotePlacer:
    """Lays a tree out again and again until every note shares its call's page."""

    def __init__(
        self,
        tree: etree._Element,
        render: Callable[[etree._Element], Document],
        make_endnote: Callable[[etree._Element], None],
    ) -> None:
        self.tree = tree
        self.render = render
        self.make_endnote = make_endnote
        self.steps: dict[str, int] = {}
        self.endnotes: list[str] = []

    def place(self) -> Document:
        """The final document; the tree holds the corrections made."""
        document = self.render(self.tree)
        for _ in range(MAX_PASSES):
            layout = read_layout(document)
            changed = self._move_tall_notes(layout)
            for key in _first_page_strays(layout):
                changed = self._correct(key, layout) or changed
            if not changed:
                return document
            document = self.render(self.tree)
        stray = read_layout(document).misplaced()
        for key in stray:
            self._make_endnote(key, "the layout did not settle")
        if stray:
            document = self.render(self.tree)
        if read_layout(document).misplaced():
            LOGGER.warning("PDF: some notes are not on the page of their call")
        return document

    def _move_tall_notes(self, layout: Layout) -> bool:
        limit = layout.body_height * MAX_NOTE_SHARE
        tall = [key for key, height in layout.note_heights.items() if height > limit]
        for key in tall:
            self._make_endnote(key, "it is taller than half a page")
        return bool(tall)

    def _correct(self, key: str, layout: Layout) -> bool:
        step = self.steps.get(key, 0) + 1
        self.steps[key] = step
        note = self._note(key)
        if note is None:
            return False
        block = _block_of(note)
        if step == 1:
            _add_style(block, _first_correction(layout, layout.calls[key]))
        elif step == 2:
            _add_style(block, "break-before: page")
        else:
            self._make_endnote(key, "its page could not be matched to its call")
        return True

    def _note(self, key: str) -> etree._Element | None:
        found = self.tree.xpath("//*[@id=$key]", key=key)
        return found[0] if found else None

    def _make_endnote(self, key: str, reason: str) -> None:
        note = self._note(key)
        if note is None or key in self.endnotes:
            return
        LOGGER.warning("PDF: footnote %s printed as an endnote because %s", key, reason)
        self.endnotes.append(key)
        self.make_endnote(note)


def _first_page_strays(layout: Layout) -> list[str]:
    # Each correction moves everything after it, so only the first page's strays are
    # corrected in one pass; later pages are judged again on the next layout.
    keys = layout.misplaced()
    if not keys:
        return []
    first = min(layout.calls[key].page for key in keys)
    return [key for key in keys if layout.calls[key].page == first]


def _first_correction(layout: Layout, call: CallLine) -> str:
    """The smallest change that keeps the calling line and its note together."""
    pages = layout.block_pages.get(call.block, {call.page})
    if max(pages) == call.page:
        # The paragraph ends here: WeasyPrint lost the note while starting the next block.
        return "break-after: page"
    if call.line_index >= ORPHANS:
        # Leave the lines before the call on this page and carry the rest over.
        return f"widows: {layout.block_lines[call.block] - call.line_index}"
    return "break-before: page"


def _block_of(note: etree._Element) -> etree._Element:
    for ancestor in note.iterancestors():
        if etree.QName(ancestor).localname in BLOCK_TAGS:
            return ancestor
    parent = note.getparent()
    return parent if parent is not None else note


def _add_style(element: etree._Element, declaration: str) -> None:
    # A layout correction for one element, not house style: it belongs on the element.
    current = element.get("style", "")
    parts = [part for part in current.split(";") if part.strip()]
    name = declaration.split(":")[0]
    parts = [part for part in parts if part.split(":")[0].strip() != name]
    element.set("style", "; ".join([*parts, declaration]))
