"""Lay out each footnote of a page once, not once per note added after it (WeasyPrint 70).

WeasyPrint 70 keeps the page's footnote area up to date as notes arrive
(``LayoutContext._update_footnote_area`` in ``weasyprint/layout/__init__.py``): each time a note
is added to, reported from or taken back from a page, it copies the whole area with every note
of the page and lays it out again, only to learn its height; ``make_page``
(``weasyprint/layout/page.py``) then lays the final area out once more. A page with two notes
lays its first note out three times and its second twice, and notes with long URLs are among
the costliest boxes of a brief to break into lines: this was about a fifth of the profiled run
of a generated 400-page brief with 800 notes.

A note's layout inside the area depends only on the note, where it starts (its position, the
area's width, the margins adjoining it, whether it is first on the page) and on the floats
beside it; the area is laid out with no page bottom (``bottom_space`` of minus infinity), so
nothing breaks. While :func:`remembering_note_layouts` is entered in the current thread (other
WeasyPrint users in the process are untouched), ``block_level_layout`` as called for a child of
the footnote area (``weasyprint/layout/block.py``) remembers each note's laid-out box under all
of those inputs, for the current page's area, and answers a later identical call with a fresh
copy of it. The area's own arithmetic (heights, margins, padding, overflow) is still
WeasyPrint's, so the pages are the same as without it; only the repeated line breaking of notes
is gone.

Why this mechanism: laying out only the newly added note below the area's earlier ones would
need WeasyPrint's margin collapsing, padding and height arithmetic of the area done again here,
with the risk of a height differing in its last bits and a page breaking elsewhere; remembering
each note's own layout leaves all of that to WeasyPrint and removes the same repeated work.

A note holding floats, positioned boxes or anything but block and inline content is laid out
every time, as before. Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of both
functions' source as reviewed; with another version nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Hashable
from typing import Any

from .pinned import Once, active_within, is_reviewed

LOGGER = logging.getLogger(__name__)
BLOCK_LAYOUT_SHA256 = "c1301dde9284e24519ee0432b508d6cd79768018d2564d4066f0fdf103982dd6"
UPDATE_AREA_SHA256 = "2e317e4b066fb80cb369a41cd6f054a127722f9961c18ef4d6e1eef93673c4c1"
PLAIN_BOXES = frozenset(
    {"BlockBox", "LineBox", "InlineBox", "InlineBlockBox", "TextBox", "FootnoteMarkerBox"}
)
STATIC = "static"
ALL_ARGUMENTS = 11


class _PageNotes:
    """Laid-out notes of one page's footnote area, by everything their layout depends on."""

    __slots__ = ("area", "layouts")

    def __init__(self, area: Any) -> None:
        self.area = area  # kept alive: no other area can take its id while this one is used
        self.layouts: dict[Hashable, tuple[Any, ...]] = {}


_NOTES: contextvars.ContextVar[dict[int, _PageNotes] | None] = contextvars.ContextVar(
    "note_layouts", default=None
)


def _is_plain(box: Any) -> bool:
    """Whether a note holds only blocks, lines and text, in normal flow."""
    if type(box).__name__ not in PLAIN_BOXES:
        return False
    style = box.style
    if style["float"] not in ("none", "footnote") or style["position"] != STATIC:
        return False
    return all(_is_plain(child) for child in getattr(box, "children", None) or ())


def _shapes(context: Any) -> tuple[Any, ...]:
    return tuple(
        (id(shape), shape.position_x, shape.position_y, shape.margin_width(), shape.margin_height())
        for shape in context.excluded_shapes
    )


def _key(context: Any, box: Any, arguments: tuple[Any, ...]) -> Hashable:
    """Everything the layout of a plain note inside the footnote area depends on."""
    bottom_space, skip_stack, area, page_is_empty, _, _, margins, *rest = arguments
    letter, line, discard, max_lines = rest
    return (
        box.element,
        box.element_tag,
        id(box.style),
        box.position_x,
        box.position_y,
        area.width,
        id(area.style),
        bottom_space,
        skip_stack is None,
        page_is_empty,
        tuple(margins or ()),
        id(letter),
        id(line),
        discard,
        max_lines,
        context.current_page > 1,
        context.forced_break,
        context.in_column,
        _shapes(context),
    )


def _remembering(original: Callable[..., Any]) -> Callable[..., Any]:
    def block_level_layout(context: Any, box: Any, *arguments: Any, **named: Any) -> Any:
        # _in_flow_layout passes all eleven arguments after ``box`` by position.
        notes = _NOTES.get()
        if (
            notes is None
            or named
            or len(arguments) != ALL_ARGUMENTS
            or type(arguments[2]).__name__ != "FootnoteAreaBox"
            or not _is_plain(box)
        ):
            return original(context, box, *arguments, **named)
        page = _page_notes(notes, context.current_footnote_area)
        key = _key(context, box, arguments)
        if key not in page.layouts:
            page.layouts[key] = original(context, box, *arguments)
        return _fresh(page.layouts[key])

    block_level_layout.__wrapped__ = original  # type: ignore[attr-defined]
    return block_level_layout


def _page_notes(notes: dict[int, _PageNotes], area: Any) -> _PageNotes:
    """The current page's remembered notes; those of earlier pages are let go."""
    page = notes.get(id(area))
    if page is None or page.area is not area:
        notes.clear()
        page = notes[id(area)] = _PageNotes(area)
    return page


def _fresh(result: tuple[Any, ...]) -> tuple[Any, ...]:
    """A copy of a remembered result that its caller may change (it moves and numbers boxes)."""
    new_box, resume_at, next_page, margins, collapsing_through, max_lines = result
    box = None if new_box is None else new_box.deepcopy()
    return box, resume_at, dict(next_page), list(margins), collapsing_through, max_lines


def _install() -> bool:
    import weasyprint
    from weasyprint.layout import LayoutContext, block

    version = weasyprint.__version__
    if not (
        is_reviewed(block.block_level_layout, BLOCK_LAYOUT_SHA256, version)
        and is_reviewed(LayoutContext._update_footnote_area, UPDATE_AREA_SHA256, version)
    ):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: notes are laid out as it does", version)
        return False
    block.block_level_layout = _remembering(block.block_level_layout)
    return True


def remembering_note_layouts() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts lay each page's notes out once; yields whether
    they can (a reviewed WeasyPrint)."""
    return active_within(install, _NOTES, dict)


install = Once(_install)
