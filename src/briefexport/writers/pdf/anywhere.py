"""Break words as ``overflow-wrap: anywhere`` says (CSS Text 3), inside WeasyPrint 70.

The house style gives table cells ``overflow-wrap: anywhere`` so that a word longer than its
column breaks instead of pushing the table past the page. CSS Text 3 (section 5.5) breaks such a
word at an arbitrary point when the line has no other break opportunity, and counts those breaks
in min-content widths. WeasyPrint 70 breaks a word only when its text box starts the line (or
the line has nothing before it), and measures it the same way. Text glued to what comes before it
on the line (``Nam<b>word</b>``; ``&`` then a right-to-left cell's ``<span dir="ltr">``; the
words after a link and a space, measured as one text not starting a line) is neither broken nor
measured as breakable: the column's narrowest width becomes the word's, the table is laid out
wider than the page and the columns beyond its edge are cut off; or the word runs out of its cell
and off the page (found by the generated-brief run: seed 7, brief 950; seed 11, briefs 8930 and
9940).

While :func:`breaking_words_anywhere` is entered in the current thread (other WeasyPrint users in
the process are untouched), for text whose style has ``overflow-wrap: anywhere``:

* ``split_first_line`` as imported by ``weasyprint/layout/preferred.py`` is told the text starts a
  line whenever ``inline_line_widths`` measures a narrowest width (a width of 0): each break the
  value allows may start a line there;
* ``split_inline_level`` (``weasyprint/layout/inline.py``, called by ``split_inline_box`` for
  each child of a line) sees no earlier children on the line when the text on the line so far
  gives no break opportunity before this text, so the text is broken where it must be, as at a
  line start. Where there is such an opportunity, WeasyPrint moves the word to the next line first.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of the source of
``inline_line_widths``, ``split_first_line`` and ``split_inline_level`` as reviewed; with another
version nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Iterator
from typing import Any

from .pinned import Once, is_reviewed

LOGGER = logging.getLogger(__name__)
WIDTHS_SOURCE_SHA256 = "6c24f789e3ce5bb70434e3997a84c8faec2d0646cc9d81de371f58ec622dfeb8"
SPLIT_SOURCE_SHA256 = "39ad1016863ca34de0bea4c9fcffb46da7e27813c87dd82b7011bfa19fe5504f"
LEVEL_SOURCE_SHA256 = "d98c008c8fc005828a5b04864ed3638ab9bb241f27245050e244869c90c490a3"
BREAKS_ANYWHERE = "anywhere"

_ACTIVE: contextvars.ContextVar[bool] = contextvars.ContextVar("anywhere", default=False)


def _measure_as_line_start(original: Callable[..., Any]) -> Callable[..., Any]:
    def split_first_line(
        text: str, style: Any, context: Any, max_width: float | None, *rest: Any, **named: Any
    ) -> Any:
        if _ACTIVE.get() and max_width == 0 and style["overflow_wrap"] == BREAKS_ANYWHERE:
            # split_first_line(text, style, context, max_width, justification_spacing,
            #                  is_line_start=True, minimum=False)
            if len(rest) >= 2:
                rest = (rest[0], True, *rest[2:])
            else:
                named["is_line_start"] = True
        return original(text, style, context, max_width, *rest, **named)

    split_first_line.__wrapped__ = original  # type: ignore[attr-defined]
    return split_first_line


def _break_glued_text(original: Callable[..., Any]) -> Callable[..., Any]:
    def split_inline_level(context: Any, box: Any, *args: Any) -> Any:
        # split_inline_level(context, box, position_x, max_x, bottom_space, skip_stack,
        #                    containing_block, absolute_boxes, fixed_boxes, line_placeholders,
        #                    waiting_floats, line_children, first_letter_style, first_line_style)
        line_children = args[9]
        if _ACTIVE.get() and line_children and _glued_to_line(box, line_children):
            args = (*args[:9], [], *args[10:])  # read only as "is this text at a line start"
        return original(context, box, *args)

    split_inline_level.__wrapped__ = original  # type: ignore[attr-defined]
    return split_inline_level


def _glued_to_line(box: Any, line_children: list[tuple[int, Any]]) -> bool:
    """Whether ``box`` is breakable-anywhere text with no break opportunity between the start
    of its line and its own first character."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.text.line_break import can_break_text

    if not isinstance(box, boxes.TextBox) or box.style["overflow_wrap"] != BREAKS_ANYWHERE:
        return False
    before = [_line_text(child) for _, child in line_children]
    if None in before or not box.text:
        return False  # an atomic inline: a break opportunity on each side
    return not can_break_text("".join(before) + box.text[0], box.style["lang"])  # type: ignore[arg-type]


def _line_text(box: Any) -> str | None:
    """The text of a laid-out inline box, or None where it holds anything but text."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        return str(box.text)
    if type(box) is not boxes.InlineBox:
        return None
    texts = [_line_text(child) for child in box.children]
    return None if None in texts else "".join(texts)  # type: ignore[arg-type]


def _install() -> bool:
    import weasyprint
    from weasyprint.layout import inline, preferred

    version = weasyprint.__version__
    if not (
        is_reviewed(preferred.inline_line_widths, WIDTHS_SOURCE_SHA256, version)
        and is_reviewed(preferred.split_first_line, SPLIT_SOURCE_SHA256, version)
        and is_reviewed(inline.split_inline_level, LEVEL_SOURCE_SHA256, version)
    ):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: words break as WeasyPrint decides", version)
        return False
    preferred.split_first_line = _measure_as_line_start(preferred.split_first_line)
    inline.split_inline_level = _break_glued_text(inline.split_inline_level)
    return True


@contextlib.contextmanager
def breaking_words_anywhere() -> Iterator[bool]:
    """Within the block, this thread's layouts break and measure ``overflow-wrap: anywhere``
    text as CSS Text 3 says; yields whether they can (a reviewed WeasyPrint)."""
    active = install()
    token = _ACTIVE.set(active)
    try:
        yield active
    finally:
        _ACTIVE.reset(token)


install = Once(_install)
