"""Keep every CSS GCPM footnote on its call's page inside WeasyPrint 70's own layout.

WeasyPrint 70 moves a note to the next page while its call stays behind in two places of
``weasyprint/layout/block.py``, function ``_linebox_layout`` (open upstream issues #1564 and
#2502):

* when a line does not fit and the block has too few lines on the page for ``orphans``, the
  page's last notes are "reported" to the next page to make room for one more line;
* when a call's note does not fit, the note is reported; only ``footnote-policy: line`` or
  ``block`` then carries the calling line or block over, ``auto`` leaves the call behind.

Why this mechanism: laying the whole brief out again for each page with a stray note (what
:mod:`.footnotes` did alone) costs one full layout per stray page, so time grew faster than
the brief. Re-laying out only from the first stray page still repeats the rest of the
document, and WeasyPrint's layout cannot be resumed safely (computed styles are shared, its
``layout_document`` is not re-entrant, footnote state would be reset by hand). Deciding every
correction from one layout costs at least a second layout, and each correction moves the
pages after it, so decisions taken from the first layout go stale. Correcting the decision
where WeasyPrint makes it costs nothing extra: one layout, checked afterwards.

The adaptation has two parts:

1. while :func:`keeping_notes_with_calls` is entered in the current thread (other WeasyPrint
   users in the process are untouched), ``_linebox_layout`` gets a view of the layout context
   that reads as inside columns, the one condition under which WeasyPrint never takes the
   first path; the ordinary orphans and widows rules then carry the block over instead of its
   notes. Every other attribute and method is the real context's;
2. the generated stylesheet gives notes ``footnote-policy: line`` (:data:`NOTE_POLICY_CSS`),
   so a note that does not fit takes its calling line to the next page (CSS GCPM 3).

The same view answers one question faster: ``_linebox_layout`` asks, for every box of every
line, whether the box's ``footnote`` is among the notes not yet placed, a list of every note
still ahead in the brief; most boxes have no note (``None``), and the scan of that list for
``None`` made time per page grow with the brief's length. The view's ``footnotes`` is the
real list behind a wrapper that says at once that ``None`` is not in it (a list of boxes never
holds ``None``); any other question goes to the real list.

Tried on the briefs' own content (paragraphs, lists, tables, figures, quotes); not on notes
inside real multi-column boxes (the view steps aside there), floats, flex or grid, where the
check after layout still applies.

It is pinned: WeasyPrint 70.0 and a SHA-256 of ``_linebox_layout``'s source as reviewed.
With any other version the wrapper is not installed and :mod:`.footnotes` still corrects
stray notes after layout, only more slowly. A note that cannot fit even on an empty page is
still reported by WeasyPrint; :mod:`.footnotes` finds it and prints it as an endnote.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Iterator
from typing import Any

from . import pinned
from .pinned import Once, active_within

LOGGER = logging.getLogger(__name__)
LINEBOX_SOURCE_SHA256 = "e07bbe000974787ee370be1f419a01a21b327a1a1e3025a65afd47589060883d"
NOTE_POLICY_CSS = "span.footnote { footnote-policy: line; }\n"

_ACTIVE: contextvars.ContextVar[bool | None] = contextvars.ContextVar("keep_notes", default=None)


class _NoReportContext:
    """A view of a WeasyPrint ``LayoutContext`` that reads as inside columns (and answers
    ``None in context.footnotes`` at once), nothing else.

    Methods come bound to the real context, so the footnote area and page bottom are still
    computed from its true ``in_column``; attributes set through the view land on the real one.
    """

    __slots__ = ("_real",)

    def __init__(self, real: Any) -> None:
        object.__setattr__(self, "_real", real)

    def __getattr__(self, name: str) -> Any:
        if name == "in_column":
            return True
        if name == "footnotes":
            return _PendingNotes(self._real.footnotes)
        return getattr(self._real, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._real, name, value)


class _PendingNotes:
    """A layout context's list of notes not yet placed; ``None in`` it is answered at once."""

    __slots__ = ("_notes",)

    def __init__(self, notes: list[Any]) -> None:
        self._notes = notes

    def __contains__(self, item: object) -> bool:
        return item is not None and item in self._notes

    def __bool__(self) -> bool:
        return bool(self._notes)

    def __len__(self) -> int:
        return len(self._notes)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._notes)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._notes, name)


def _wrap(original: Callable[..., Any]) -> Callable[..., Any]:
    def linebox_layout(context: Any, *args: Any) -> Any:
        if _ACTIVE.get() and not context.in_column:
            context = _NoReportContext(context)
        return original(context, *args)

    linebox_layout.__wrapped__ = original  # type: ignore[attr-defined]
    return linebox_layout


def is_reviewed(function: Callable[..., Any], version: str) -> bool:
    """Whether ``function`` is WeasyPrint's ``_linebox_layout`` exactly as reviewed here (not
    another version, nor someone else's wrapper: ours is never stacked on it)."""
    return pinned.is_reviewed(function, LINEBOX_SOURCE_SHA256, version)


def _install() -> bool:
    import weasyprint
    from weasyprint.layout import block

    if not is_reviewed(block._linebox_layout, weasyprint.__version__):
        LOGGER.debug(
            "PDF: unreviewed WeasyPrint %s: notes are checked after layout only",
            weasyprint.__version__,
        )
        return False
    block._linebox_layout = _wrap(block._linebox_layout)
    return True


def keeping_notes_with_calls() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts keep notes with calls; yields whether it can."""
    return active_within(install, _ACTIVE, lambda: True)


install = Once(_install)
