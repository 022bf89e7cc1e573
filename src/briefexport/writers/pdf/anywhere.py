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

The opposite mistake: ``split_inline_level`` takes a text box for the start of its line whenever
no earlier child of the *line box* is on the line, so text inside an inline box that started the
line (a citation's ``<cite>`` after ``cities". ``, on a footnote's second line) was broken in the
middle of a word where ``overflow-wrap`` is ``anywhere`` or ``break-word``, though an earlier
break opportunity on the line should take the whole word to the next line ("Jour" / "nal").
``split_inline_box`` therefore notes, for each line box, where the line starts and the text
placed on it so far; such text is told it does not start the line when it does not, and the line
so far has a break opportunity before its first character.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of the source of
``inline_line_widths``, ``split_first_line``, ``split_inline_level`` and ``split_inline_box`` as
reviewed; with another version nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable
from typing import Any

from .pinned import Once, active_within, is_reviewed

LOGGER = logging.getLogger(__name__)
WIDTHS_SOURCE_SHA256 = "6c24f789e3ce5bb70434e3997a84c8faec2d0646cc9d81de371f58ec622dfeb8"
SPLIT_SOURCE_SHA256 = "39ad1016863ca34de0bea4c9fcffb46da7e27813c87dd82b7011bfa19fe5504f"
LEVEL_SOURCE_SHA256 = "d98c008c8fc005828a5b04864ed3638ab9bb241f27245050e244869c90c490a3"
BOX_SOURCE_SHA256 = "3a0cb7ca7e34c7ef0feda818cdb8fea64b7a8332ccf83e12506289534f6faeae"
BREAKS_ANYWHERE = "anywhere"
BREAKS_WORDS = ("anywhere", "break-word")
NOT_AT_LINE_START = [(-1, None)]
"""Given as ``line_children`` to a text box: ``split_inline_level`` reads only its length."""


class Line:
    """Where the line box being filled starts, and the text placed on it so far (by the
    x where each piece starts; a piece laid out again replaces the earlier try)."""

    def __init__(self, start_x: float) -> None:
        self.start_x = start_x
        self.placed: dict[float, tuple[float, str]] = {}

    def text_before(self, position_x: float) -> str:
        pieces = sorted(self.placed.items())
        return "".join(text for start, (end, text) in pieces if end <= position_x + 0.01)


_ACTIVE: contextvars.ContextVar[bool | None] = contextvars.ContextVar("anywhere", default=None)
_LINE: contextvars.ContextVar[Line | None] = contextvars.ContextVar("line", default=None)


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
        if not _ACTIVE.get():
            return original(context, box, *args)
        line_children, line = args[9], _LINE.get()
        if line_children and _glued_to_line(box, line_children):
            args = (*args[:9], [], *args[10:])  # read only as "is this text at a line start"
        elif not line_children and line is not None and _after_a_break(box, args[0], line):
            args = (*args[:9], NOT_AT_LINE_START, *args[10:])
        result = original(context, box, *args)
        if line is not None and result[0] is not None and _is_text(box):
            line.placed[args[0]] = (args[0] + result[0].width, str(result[0].text))
        return result

    split_inline_level.__wrapped__ = original  # type: ignore[attr-defined]
    return split_inline_level


def _note_line_start(original: Callable[..., Any]) -> Callable[..., Any]:
    def split_inline_box(context: Any, box: Any, position_x: float, *args: Any) -> Any:
        if not (_ACTIVE.get() and type(box).__name__ == "LineBox"):
            return original(context, box, position_x, *args)
        token = _LINE.set(Line(position_x))
        try:
            return original(context, box, position_x, *args)
        finally:
            _LINE.reset(token)

    split_inline_box.__wrapped__ = original  # type: ignore[attr-defined]
    return split_inline_box


def _is_text(box: Any) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.TextBox)


def _after_a_break(box: Any, position_x: float, line: Line) -> bool:
    """Whether text ``box``, nested in a box that started the line, is placed after the start
    of the line with a break opportunity before its first character."""
    from weasyprint.text.line_break import can_break_text

    if not _is_text(box) or box.style["overflow_wrap"] not in BREAKS_WORDS or not box.text:
        return False
    before = line.text_before(position_x)
    if position_x <= line.start_x + 0.01 or not before:
        return False
    return bool(can_break_text(before + box.text[0], box.style["lang"]))


def _glued_to_line(box: Any, line_children: list[tuple[int, Any]]) -> bool:
    """Whether ``box`` is breakable-anywhere text with no break opportunity between the start
    of its line and its own first character."""
    from weasyprint.text.line_break import can_break_text

    if not _is_text(box) or box.style["overflow_wrap"] != BREAKS_ANYWHERE:
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
        and is_reviewed(inline.split_inline_box, BOX_SOURCE_SHA256, version)
    ):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: words break as WeasyPrint decides", version)
        return False
    preferred.split_first_line = _measure_as_line_start(preferred.split_first_line)
    inline.split_inline_level = _break_glued_text(inline.split_inline_level)
    inline.split_inline_box = _note_line_start(inline.split_inline_box)
    return True


def breaking_words_anywhere() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts break and measure ``overflow-wrap: anywhere``
    text as CSS Text 3 says; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _ACTIVE, lambda: True)


install = Once(_install)
