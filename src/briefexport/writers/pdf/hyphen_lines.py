"""No more than two hyphenated lines in a row, and names and last words hyphenated only to save
a loose line, decided inside WeasyPrint 70's line breaking.

CSS Text 4's ``hyphenate-limit-lines`` caps the number of successive lines of a block that end
in a hyphen put there by hyphenation; WeasyPrint 70 does not implement it. Reading the boxes
after layout and marking words as unbreakable costs a second layout for every brief that has a
ladder of hyphens, and each mark changes the lines after it, so one pass does not settle it.
Breaking lines is greedy in WeasyPrint, one line at a time, so the limit can be kept where the
lines are made, at no extra cost: the third line of a run is broken without hyphenation.

Two functions are wrapped while :func:`limiting_hyphenated_lines` is entered in the current
thread (other WeasyPrint users in the process are untouched):

* ``iter_line_boxes`` (``weasyprint/layout/inline.py``, as imported by ``layout/block.py``),
  which makes a block's lines in order: it counts the lines in a row that end hyphenated and,
  while the next line is made, says whether that line may be hyphenated. The count is kept per
  line-box container and position for the whole layout, so a run that crosses a page (where
  WeasyPrint starts a new line iterator) is still one run;
* ``split_first_line`` (``weasyprint/text/line_break.py``, as imported by
  ``layout/inline.py``), which fits text into a line: when hyphenation is not allowed it gets a
  copy of the text's style with ``hyphens: none``. A word wider than a whole line is still
  hyphenated (the limit gives way, as CSS Text 4 allows), and a soft hyphen where Pango itself
  breaks still shows a hyphen (such a line counts in the run).

The same two wrappers keep capitalised words (names) and a paragraph's last word whole unless
the line would be very loose (:mod:`.whole_words`): ``iter_line_boxes`` gives the width of the
lines it makes, ``split_first_line`` puts a dictionary that has no break points in names into
the layout's dictionaries and splits a line again when a word kept whole leaves it too loose.

A line ends hyphenated when its last text ends with that text's ``hyphenate-character``
(WeasyPrint adds it when it hyphenates). Breaks after a hyphen of the source are not counted,
as CSS Text 4 defines hyphenated lines. Minimum and maximum content widths (tables, floats) are
computed elsewhere and are untouched. Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the
SHA-256 of both functions' source as reviewed; with another version nothing is wrapped and
hyphenation is only made rarer by ``hyphenate-limit-zone``.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import whole_words
from .pinned import Once, active_within, is_reviewed

LOGGER = logging.getLogger(__name__)
MAX_HYPHENATED_LINES = 2
LINES_SOURCE_SHA256 = "04aec48abfcad809bc94c54eeba0e23a389e824cec85fe67bc1b21412d29dc3a"
SPLIT_SOURCE_SHA256 = "39ad1016863ca34de0bea4c9fcffb46da7e27813c87dd82b7011bfa19fe5504f"
NO_HYPHENS = "none"


@dataclass
class _Runs:
    """One layout's memory: hyphenated lines in a row at each line end, styles without and with
    hyphens, the dictionary key of each language."""

    after_line: dict[tuple[int, Any], int] = field(default_factory=dict)
    containers: dict[int, Any] = field(default_factory=dict)  # no other object takes their id
    restyled: dict[tuple[int, str], tuple[Any, Any]] = field(default_factory=dict)
    dictionaries: dict[tuple[Any, ...], tuple[Any, ...] | None] = field(default_factory=dict)

    def run_at(self, container: Any, position: Any) -> int:
        if position is None:
            return 0
        return self.after_line.get((id(container), _frozen(position)), 0)

    def remember(self, container: Any, position: Any, run: int) -> None:
        if position is not None:
            self.containers[id(container)] = container
            self.after_line[(id(container), _frozen(position))] = run

    def without_hyphens(self, style: Any) -> Any:
        return self._with(style, NO_HYPHENS)

    def with_hyphens(self, style: Any) -> Any:
        return self._with(style, "auto")

    def _with(self, style: Any, hyphens: str) -> Any:
        """A copy of ``style`` with ``hyphens`` set, made once per style."""
        key = (id(style), hyphens)
        if key not in self.restyled:
            copy = style.copy()
            copy["hyphens"] = hyphens
            self.restyled[key] = (style, copy)  # the original kept: its id stays its own
        return self.restyled[key][1]

    def keep_names_whole(self, context: Any, style: Any) -> None:
        """Before WeasyPrint hyphenates text of ``style``: its dictionary keeps names whole."""
        if style["hyphens"] != "auto":
            return
        asked = (style["lang"], tuple(style["hyphenate_limit_chars"]))
        if asked not in self.dictionaries:
            self.dictionaries[asked] = whole_words.dictionary_key(style)
        key = self.dictionaries[asked]
        if key is not None:
            whole_words.install_dictionary(context, key)


_RUNS: contextvars.ContextVar[_Runs | None] = contextvars.ContextVar("hyphen_runs", default=None)
_LIMITED: contextvars.ContextVar[bool] = contextvars.ContextVar("hyphen_limited", default=False)


def _frozen(position: Any) -> Any:
    """A WeasyPrint skip stack (nested dicts of child index) as a dictionary key."""
    if isinstance(position, dict):
        return tuple(sorted((key, _frozen(value)) for key, value in position.items()))
    return position


def _descendants(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", None) or ():
        yield child
        yield from _descendants(child)


def ends_hyphenated(line: Any) -> bool:
    """Whether a laid-out ``LineBox`` ends with a hyphen its text was given by hyphenation."""
    texts = [box for box in _descendants(line) if type(box).__name__ == "TextBox"]
    if not texts:
        return False
    last = texts[-1]
    return bool(last.text) and last.text.endswith(last.style["hyphenate_character"])


def _limit_lines(original: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    def iter_line_boxes(
        context: Any, box: Any, position_y: Any, bottom_space: Any, skip_stack: Any, *rest: Any
    ) -> Iterator[Any]:
        lines = original(context, box, position_y, bottom_space, skip_stack, *rest)
        runs = _RUNS.get()
        if runs is None:
            yield from lines
            return
        run = runs.run_at(box, skip_stack)
        width = getattr(rest[0], "width", None) if rest else None  # the containing block's
        while True:
            token = _LIMITED.set(run >= MAX_HYPHENATED_LINES)
            line_width = whole_words.LINE_WIDTH.set(width)
            try:
                found = next(lines, None)
            finally:
                whole_words.LINE_WIDTH.reset(line_width)
                _LIMITED.reset(token)
            if found is None:
                return
            line, resume_at = found
            run = run + 1 if ends_hyphenated(line) else 0
            runs.remember(box, resume_at, run)
            yield found

    iter_line_boxes.__wrapped__ = original  # type: ignore[attr-defined]
    return iter_line_boxes


def _split_unhyphenated(original: Callable[..., Any]) -> Callable[..., Any]:
    def split_first_line(
        text: str, style: Any, context: Any, max_width: float | None, *rest: Any, **named: Any
    ) -> Any:
        runs = _RUNS.get()
        if runs is None:
            return original(text, style, context, max_width, *rest, **named)
        runs.keep_names_whole(context, style)
        if not _LIMITED.get() or style["hyphens"] == NO_HYPHENS:
            return whole_words.split_saving_loose_lines(
                original, runs.with_hyphens, text, style, context, max_width, *rest, **named
            )
        found = original(text, runs.without_hyphens(style), context, max_width, *rest, **named)
        width = found[3]
        if max_width is not None and width > max_width and _is_line_start(rest, named):
            return original(text, style, context, max_width, *rest, **named)  # one word too wide
        return found

    split_first_line.__wrapped__ = original  # type: ignore[attr-defined]
    return split_first_line


def _is_line_start(rest: tuple[Any, ...], named: dict[str, Any]) -> bool:
    # split_first_line(text, style, context, max_width, justification_spacing,
    #                  is_line_start=True, minimum=False)
    if len(rest) >= 2:
        return bool(rest[1])
    return bool(named.get("is_line_start", True))


def _install() -> bool:
    import weasyprint
    from weasyprint.layout import block, inline

    version = weasyprint.__version__
    if not (
        is_reviewed(block.iter_line_boxes, LINES_SOURCE_SHA256, version)
        and is_reviewed(inline.split_first_line, SPLIT_SOURCE_SHA256, version)
    ):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: hyphenated lines are not limited", version)
        return False
    block.iter_line_boxes = _limit_lines(block.iter_line_boxes)
    inline.split_first_line = _split_unhyphenated(inline.split_first_line)
    return True


def limiting_hyphenated_lines() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts hyphenate at most two lines in a row, and names
    and last words only to save a loose line; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _RUNS, _Runs)


install = Once(_install)
