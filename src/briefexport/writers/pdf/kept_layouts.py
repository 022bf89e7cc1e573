"""A text box's Pango layout kept from line breaking to drawing, not made and shaped again.

WeasyPrint 70 breaks a line of text in a Pango layout (``split_first_line`` in
``weasyprint/text/line_break.py``), reads the line's size from it, and then lets its Pango
objects go (``Layout.deactivate``), keeping only the text. To draw the line
(``draw_text`` in ``weasyprint/draw/text.py``) it makes them again (``Layout.reactivate``: a new
context, layout and font description, the text set again with the word spacing of a justified
line) and Pango shapes the text again.

A line that is not justified (its layout has no ``justification_spacing``) is drawn from a
layout in the very state its line breaking left it: the same style, the same text and the same
text attributes. While :func:`keeping_layouts` is entered in the current thread (it is, while
the PDF writer lays a brief out; other WeasyPrint users in the process are untouched),
``deactivate`` keeps such a layout, with the line Pango has shaped, when the layout holds that
one line and no character that ends a line or a paragraph (so that Pango's single-paragraph
mode, which :mod:`.glyph_runs` sets to draw, changes nothing), and ``reactivate``, asked for the
same style, takes it as it is. One difference is left: a line that fits whole keeps the width
it was broken at, where a new layout has none. A layout of one line that fits is the same line
with or without a width (Pango wraps nothing, and aligns or justifies nothing it is not asked
to); WeasyPrint's own drawing of an ellipsis sets the width itself. The PDFs are the same.

At most :data:`MOST_KEPT` layouts are kept at once per brief (others are let go and made
again as before), so a long brief keeps no more memory for the length of its layout than a
dozen pages do.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of ``Layout.deactivate``,
``Layout.reactivate`` and ``first_line_metrics`` (which breaks and deactivates) as reviewed;
otherwise nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import weakref
from collections.abc import Callable
from typing import Any

from .pinned import Once, active_within, all_reviewed

LOGGER = logging.getLogger(__name__)
REVIEWED_SHA256 = {
    "deactivate": "bfec3ec8406e1c82a91f9570103eb5ecbc5a20c1339ff26bb0f4eafb03189f0b",
    "reactivate": "0b89ee097104b71376c179f48a98858708b07169dc0212c393263a1a831607c9",
    "first_line_metrics": "55ec5d0b58b29a8bda9f4c85d3bc3bc46b45d2110e05982e7126c7f4d507e65d",
}
MOST_KEPT = 3000
LINE_ENDS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")  # paragraph and line separators
KEPT = "_briefexport_kept"  # on a layout: kept by deactivate, not yet drawn
REUSED = "_briefexport_reused"  # on a layout: drawn as its line breaking left it

_KEPT_LAYOUTS: contextvars.ContextVar[weakref.WeakSet[Any] | None] = contextvars.ContextVar(
    "kept_layouts", default=None
)


def _keepable(layout: Any, kept: weakref.WeakSet[Any], second_line: Callable[[Any], Any]) -> bool:
    """Whether ``layout`` may stay as it is until drawn: not justified, one line shaped, no
    line end in its text, and room left."""
    return (
        not layout.justification_spacing
        and len(kept) < MOST_KEPT
        and LINE_ENDS.isdisjoint(layout.text)
        and not second_line(layout.layout)
    )


def _deactivating(original: Callable[[Any], None]) -> Callable[[Any], None]:
    from weasyprint.text.ffi import ffi, pango

    line = pango.pango_layout_get_line_readonly

    def second_line(pango_layout: Any) -> bool:
        return bool(line(pango_layout, 1) != ffi.NULL)

    def deactivate(layout: Any) -> None:
        kept = _KEPT_LAYOUTS.get()
        if kept is not None and _keepable(layout, kept, second_line):
            kept.add(layout)
            layout.__dict__[KEPT] = True
            return
        layout.__dict__.pop(KEPT, None)
        original(layout)

    deactivate.__wrapped__ = original  # type: ignore[attr-defined]
    return deactivate


def _reactivating(original: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    def reactivate(layout: Any, style: Any) -> None:
        kept = layout.__dict__.pop(KEPT, False)
        layout.__dict__[REUSED] = reused = kept and layout.style is style
        if not reused:
            original(layout, style)

    reactivate.__wrapped__ = original  # type: ignore[attr-defined]
    return reactivate


def reused(layout: Any) -> bool:
    """Whether ``layout`` is drawn as its line breaking left it (:func:`keeping_layouts`)."""
    return bool(layout.__dict__.get(REUSED, False))


def _install() -> bool:
    import weasyprint
    from weasyprint.text import line_break

    version = weasyprint.__version__
    layout = line_break.Layout
    functions = {
        "deactivate": layout.deactivate,
        "reactivate": layout.reactivate,
        "first_line_metrics": line_break.first_line_metrics,
    }
    if not all_reviewed(functions, REVIEWED_SHA256, version):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: layouts made again to draw", version)
        return False
    layout.deactivate = _deactivating(layout.deactivate)
    layout.reactivate = _reactivating(layout.reactivate)
    return True


def keeping_layouts() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's line breaking keeps the layouts of lines that are not
    justified for their drawing; yields whether it can (a reviewed WeasyPrint)."""
    return active_within(install, _KEPT_LAYOUTS, weakref.WeakSet)


install = Once(_install)
