"""Resolve a style's percentages once per containing block, not once per box (WeasyPrint 70).

``resolve_percentages`` (``weasyprint/layout/percent.py``) turns a box's computed margins,
paddings, sizes and border widths into used values: percentages of the containing block's width
or height, ``calc()`` resolved, ``box-sizing`` subtracted. WeasyPrint calls it for every box it
lays out, again for each piece of an inline box split across lines (``split_inline_level`` in
``layout/inline.py``) and for each trial layout, so a long brief calls it tens of thousands of
times with a few hundred distinct styles: about a tenth of a profiled layout.

Its result depends only on the box's computed style, on whether the box is a page box and on
the containing block's width and height, except under ``border-collapse: collapse``, where a
table cell's border widths already set on the box are kept. While :func:`resolving_once` is
entered in the current thread (other WeasyPrint users in the process are untouched), the used
values are remembered per style and containing block size and set again on later boxes; a
style with collapsing borders is always resolved by WeasyPrint. Each remembered style is kept
alive until the layout ends, so its identity cannot pass to another style meanwhile. WeasyPrint
changes a style in place only right after copying it (flex and grid items), before any layout
of the copy, so a remembered style does not change.

The values set, and their order, are WeasyPrint's own: the PDFs are the same. Pinned like
:mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of the function's source as reviewed; with
another version nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable, Hashable
from types import ModuleType
from typing import Any

from .pinned import Once, active_within, is_reviewed

LOGGER = logging.getLogger(__name__)
RESOLVE_SHA256 = "71673078096fcf8764e6412933288cc79ba956eae0d939deda27beaeac45acad"
USED_VALUES = (
    "margin_left",
    "margin_right",
    "margin_top",
    "margin_bottom",
    "padding_left",
    "padding_right",
    "padding_top",
    "padding_bottom",
    "width",
    "min_width",
    "max_width",
    "height",
    "min_height",
    "max_height",
    "border_top_width",
    "border_right_width",
    "border_bottom_width",
    "border_left_width",
)
IMPORTERS = ("percent", "block", "inline", "page", "float", "absolute", "table", "column", "grid")

Remembered = dict[Hashable, tuple[Any, dict[str, Any]]]
_MEMORY: contextvars.ContextVar[Remembered | None] = contextvars.ContextVar(
    "used_values", default=None
)


def _sizes(containing_block: Any) -> tuple[Any, Any]:
    if isinstance(containing_block, tuple):
        return containing_block
    return containing_block.width, containing_block.height


def _remembering(original: Callable[[Any, Any], None], page_box: type) -> Callable[..., None]:
    def resolve_percentages(box: Any, containing_block: Any) -> None:
        memory = _MEMORY.get()
        style = box.style
        if memory is None or style["border_collapse"] == "collapse":
            original(box, containing_block)
            return
        key = (id(style), isinstance(box, page_box), *_sizes(containing_block))
        found = memory.get(key)
        if found is None:
            original(box, containing_block)
            found = memory[key] = style, {name: getattr(box, name) for name in USED_VALUES}
        box.__dict__.update(found[1])

    resolve_percentages.__wrapped__ = original  # type: ignore[attr-defined]
    return resolve_percentages


def _modules() -> list[ModuleType]:
    from weasyprint import layout

    return [getattr(layout, name) for name in IMPORTERS]


def _install() -> bool:
    import weasyprint
    from weasyprint.formatting_structure.boxes import PageBox
    from weasyprint.layout import percent

    original = percent.resolve_percentages
    modules = _modules()
    if not is_reviewed(original, RESOLVE_SHA256, weasyprint.__version__) or any(
        module.resolve_percentages is not original for module in modules
    ):
        LOGGER.debug("PDF: unreviewed WeasyPrint %s: percentages resolved per box", version())
        return False
    wrapper = _remembering(original, PageBox)
    for module in modules:
        module.resolve_percentages = wrapper  # type: ignore[attr-defined]
    return True


def version() -> str:
    import weasyprint

    return str(weasyprint.__version__)


def resolving_once() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts resolve each style's percentages once per
    containing block size; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _MEMORY, dict)


install = Once(_install)
