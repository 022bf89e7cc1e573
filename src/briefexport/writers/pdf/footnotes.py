"""Put every footnote on the page of its call (CSS GCPM ``float: footnote``), checked after layout.

WeasyPrint 70 sometimes moves a note to the page after its call (upstream issues #1564 and
#2502). :mod:`.notes_stay` corrects that inside the layout, so one layout normally places every
note. This module reads the laid-out box tree (:mod:`.layout`) to verify it, and corrects what
is still wrong, deciding from one layout before laying out again:

* notes taller than half the page body become endnotes at once, with a warning (WeasyPrint does
  not split a note and would let it overflow the page);
* with the in-layout correction active, a note still away from its call could not fit beside
  it on any page: all such notes become endnotes together, with a warning, and the brief is
  laid out once more;
* without it (another WeasyPrint version), the stray notes of the first page that has any are
  corrected in steps, smallest first, and the brief laid out again, until none is left:

1. the block that ends the page (not the calling one) starts the next page, freeing its lines
   (with the heading it follows, which is never left at the foot of a page);
2. the calling block keeps the lines before the call and carries the rest over (``widows``),
   or, when it ends on the page, is followed by a page break;
3. the calling block starts the next page;
4. the note becomes an endnote, with a warning.

That second route costs one full layout per page with a stray note; it is the fallback only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from lxml import etree
from weasyprint import Document

from ...model import Footnote
from ...shared.located import at
from .layout import BLOCK_ATTRIBUTE, CallLine, Layout, read_layout

LOGGER = logging.getLogger(__name__)
MAX_PASSES = 40
MAX_NOTE_SHARE = 0.5
ORPHANS = 2
BREAKABLE_TAGS = frozenset({"p", "li", "h2", "h3", "h4", "dd", "dt", "figure", "blockquote"})
HEADING_TAGS = frozenset({"h2", "h3", "h4"})
LINE_BLOCK_TAGS = frozenset({"p", "li", "td", "th", "dd", "dt", "figcaption", "caption"})


class FootnotePlacer:
    """Lays a tree out until every note shares its call's page or is an endnote.

    ``kept_in_layout`` says whether the layout itself already keeps notes with their calls
    (:mod:`.notes_stay`); then a stray note is one that cannot fit, and becomes an endnote.
    """

    def __init__(
        self,
        tree: etree._Element,
        render: Callable[[etree._Element], Document],
        make_endnote: Callable[[etree._Element], None],
        *,
        kept_in_layout: bool = False,
        notes: Mapping[str, Footnote] | None = None,
    ) -> None:
        self.tree = tree
        self.notes = notes or {}  # note element id -> the brief's note, named in warnings
        self.render = render
        self.make_endnote = make_endnote
        self.kept_in_layout = kept_in_layout
        self.steps: dict[str, int] = {}
        self.endnotes: list[str] = []
        self.blocks = _number_blocks(tree)

    def place(self) -> Document:
        """The final document; the tree holds the corrections made."""
        document = self.render(self.tree)
        for _ in range(MAX_PASSES):
            layout = read_layout(document)
            # Tall notes leave first: the strays they caused are judged on the next layout.
            changed = self._move_tall_notes(layout) or self._correct_strays(layout)
            if not changed:
                return document
            document = self.render(self.tree)
        stray = read_layout(document).misplaced()
        for key in stray:
            self._make_endnote(key, "the layout did not settle")
        if stray:
            document = self.render(self.tree)
        for key in read_layout(document).misplaced():
            self._warn(key, "PDF: footnote %r is not on the page of its call")
        return document

    def _move_tall_notes(self, layout: Layout) -> bool:
        limit = layout.body_height * MAX_NOTE_SHARE
        tall = [key for key, height in layout.note_heights.items() if height > limit]
        moved = [self._make_endnote(key, "it is taller than half a page") for key in tall]
        return any(moved)

    def _correct_strays(self, layout: Layout) -> bool:
        if self.kept_in_layout:
            reason = "it does not fit on the page of its call"
            moved = [self._make_endnote(key, reason) for key in layout.misplaced()]
            return any(moved)
        changed = False
        for key in _first_page_strays(layout):
            changed = self._correct(key, layout) or changed
        return changed

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
        element = _with_its_heading(element)
        if "break-before" in (element.get("style") or ""):
            return False
        _add_style(element, "break-before: page")
        return True

    def _note(self, key: str) -> etree._Element | None:
        found = self.tree.xpath("//*[@id=$key]", key=key)
        return found[0] if found else None

    def _make_endnote(self, key: str, reason: str) -> bool:
        note = self._note(key)
        if note is None or key in self.endnotes:
            return False
        self._warn(key, "PDF: footnote %r printed as an endnote because %s", reason)
        self.endnotes.append(key)
        self.make_endnote(note)
        return True

    def _warn(self, key: str, message: str, *args: object) -> None:
        """Log ``message`` about the note of element ``key``, named by its id in the brief and
        placed where it is there."""
        note = self.notes.get(key)
        name, source = (note.id, note.source) if note is not None else (key, None)
        LOGGER.warning(message, name, *args, extra=at(source))


def _number_blocks(tree: etree._Element) -> dict[str, etree._Element]:
    """Mark each breakable block so that a laid-out box leads back to the tree element."""
    blocks: dict[str, etree._Element] = {}
    for element in tree.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname in BREAKABLE_TAGS:
            number = str(len(blocks))
            element.set(BLOCK_ATTRIBUTE, number)
            blocks[number] = element
    return blocks


def _with_its_heading(element: etree._Element) -> etree._Element:
    """The heading right before ``element`` when there is one: a page break between them would
    strand the heading at the foot of the page, so the break goes before the heading."""
    previous = element.getprevious()
    while previous is not None and etree.QName(previous).localname in HEADING_TAGS:
        element, previous = previous, previous.getprevious()
    return element


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
