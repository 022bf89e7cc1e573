"""Put every footnote on the page of its call (CSS GCPM ``float: footnote``, checked after layout).

WeasyPrint 70 sometimes moves a note to the page after its call: when the last line that fits
on a page belongs to a block that cannot break before it (orphans), ``layout/block.py``
reports the page's last notes to the next page to make room for that line, although their
calls stay behind. ``footnote-policy: line`` does not change this.

After each layout this module reads the box tree (:mod:`.layout`), takes the stray notes of
the first page that has any, corrects the layout there, lays out again and repeats. A stray
note is corrected in steps, smallest first:

1. the block that ends the page (not the calling one) starts the next page, freeing its lines;
2. the calling block keeps the lines before the call and carries the rest over (``widows``),
   or, when it ends on the page, is followed by a page break;
3. the calling block starts the next page;
4. the note becomes an endnote, with a warning.

Notes taller than half the page body are made endnotes at once (WeasyPrint does not split a
note and would let it overflow the page), also with a warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from lxml import etree
from weasyprint import Document

from ...located import at
from ...model import SourcePosition
from .layout import BLOCK_ATTRIBUTE, CallLine, Layout, read_layout

LOGGER = logging.getLogger("briefexport")
MAX_PASSES = 40
MAX_NOTE_SHARE = 0.5
ORPHANS = 2
BREAKABLE_TAGS = frozenset({"p", "li", "h2", "h3", "h4", "dd", "dt", "figure", "blockquote"})
LINE_BLOCK_TAGS = frozenset({"p", "li", "td", "th", "dd", "dt", "figcaption", "caption"})


class FootnotePlacer:
    """Lays a tree out again and again until every note shares its call's page."""

    def __init__(
        self,
        tree: etree._Element,
        render: Callable[[etree._Element], Document],
        make_endnote: Callable[[etree._Element], None],
        sources: Mapping[str, SourcePosition | None] | None = None,
    ) -> None:
        self.tree = tree
        self.sources = sources or {}  # note element id -> where the note is in the brief
        self.render = render
        self.make_endnote = make_endnote
        self.steps: dict[str, int] = {}
        self.endnotes: list[str] = []
        self.blocks = _number_blocks(tree)

    def place(self) -> Document:
        """The final document; the tree holds the corrections made."""
        document = self.render(self.tree)
        for _ in range(MAX_PASSES):
            layout = read_layout(document)
            # Tall notes leave first: the strays they caused are judged on the next layout.
            changed = self._move_tall_notes(layout)
            for key in [] if changed else _first_page_strays(layout):
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
        note = self._note(key)
        if note is None:
            return False
        call = layout.calls[key]
        step = self.steps.get(key, 0) + 1
        if step == 1 and not self._free_page_end(layout, call):
            step = 2
        if step == 2:
            _add_style(_block_of(note), _calling_block_correction(layout, call))
        elif step == 3:
            _add_style(_block_of(note), "break-before: page", replaces=("break-after", "widows"))
        elif step > 3:
            self._make_endnote(key, "its page could not be matched to its call")
        self.steps[key] = step
        return True

    def _free_page_end(self, layout: Layout, call: CallLine) -> bool:
        """Push the page's last block to the next page when that is a different, safe block."""
        last = layout.last_block.get(call.page)
        if last is None or last is call.block or not layout.starts_on(last, call.page):
            return False
        element = self.blocks.get(last.get(BLOCK_ATTRIBUTE, ""))
        if element is None or etree.QName(element).localname not in BREAKABLE_TAGS:
            return False
        if "break-before" in (element.get("style") or ""):
            return False
        _add_style(element, "break-before: page")
        return True

    def _note(self, key: str) -> etree._Element | None:
        found = self.tree.xpath("//*[@id=$key]", key=key)
        return found[0] if found else None

    def _make_endnote(self, key: str, reason: str) -> None:
        note = self._note(key)
        if note is None or key in self.endnotes:
            return
        message = "PDF: footnote %s printed as an endnote because %s"
        LOGGER.warning(message, key, reason, extra=at(self.sources.get(key)))
        self.endnotes.append(key)
        self.make_endnote(note)


def _number_blocks(tree: etree._Element) -> dict[str, etree._Element]:
    """Mark each breakable block so that a laid-out box leads back to the tree element."""
    blocks: dict[str, etree._Element] = {}
    for element in tree.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname in BREAKABLE_TAGS:
            number = str(len(blocks))
            element.set(BLOCK_ATTRIBUTE, number)
            blocks[number] = element
    return blocks


def _first_page_strays(layout: Layout) -> list[str]:
    # Each correction moves everything after it, so only the first page's strays are
    # corrected in one pass; later pages are judged again on the next layout.
    keys = layout.misplaced()
    if not keys:
        return []
    first = min(layout.calls[key].page for key in keys)
    return [key for key in keys if layout.calls[key].page == first]


def _calling_block_correction(layout: Layout, call: CallLine) -> str:
    """Keep the calling line and its note together by breaking in or after the block."""
    if layout.ends_on(call.block, call.page):
        if layout.last_block.get(call.page) is call.block:
            return "break-before: page"  # nothing follows it on this page
        return "break-after: page"
    if call.line_index >= ORPHANS:
        return f"widows: {layout.block_lines[call.block] - call.line_index}"
    return "break-before: page"


def _block_of(note: etree._Element) -> etree._Element:
    for ancestor in note.iterancestors():
        if etree.QName(ancestor).localname in LINE_BLOCK_TAGS:
            return ancestor
    parent = note.getparent()
    return parent if parent is not None else note


def _add_style(element: etree._Element, declaration: str, replaces: tuple[str, ...] = ()) -> None:
    # A layout correction for one element, not house style: it belongs on the element.
    current = element.get("style", "")
    parts = [part for part in current.split(";") if part.strip()]
    names = {declaration.split(":")[0], *replaces}
    parts = [part for part in parts if part.split(":")[0].strip() not in names]
    element.set("style", "; ".join([*parts, declaration]))
