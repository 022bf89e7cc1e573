"""A table's header rows stay printed when they cannot share a page with a whole first row.

WeasyPrint 70 repeats a table's header group (``thead``, CSS 2.1 section 17.2) on each page the
table spans. In ``table_layout`` (``weasyprint/layout/table.py``, inner ``all_groups_layout``),
when a table starts a page and its header and first body row do not fit there together, it drops
the header from that page. The table's other pages try again with their own first row, so a
header taller than a page minus any one row is never printed at all (found by the
generated-brief run: seed 11, brief 4360, a header of long words in narrow columns).

The rows below a header are laid out on such a page as if it were empty in one case:
when the first body group has ``break-inside: avoid``, and then the first row is split at the
page's end instead of moved away. While :func:`keeping_table_headers` is entered in the current
thread (other WeasyPrint users in the process are untouched), a table laid out at the top of a
page whose header was dropped is laid out once more with its first body group read as
``break-inside: avoid`` (a copy; the brief's boxes keep their style): the header is printed and
the first row starts below it and goes on on the next page, where the header repeats if it fits
with the rest. A header taller than a whole page still cannot be printed and is left to
WeasyPrint.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of ``table_layout``'s source as
reviewed; with another version nothing is wrapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Callable
from typing import Any

from . import pinned
from .pinned import Once, active_within

LOGGER = logging.getLogger(__name__)
TABLE_SOURCE_SHA256 = "6594fa40743fbc0bd49b2ba12682897bfa86b75b7f6f1e395d8ba947b0641376"
AVOID = "avoid"

_ACTIVE: contextvars.ContextVar[bool | None] = contextvars.ContextVar("table_header", default=None)


def _keep_header(original: Callable[..., Any]) -> Callable[..., Any]:
    def table_layout(
        context: Any,
        table: Any,
        bottom_space: Any,
        skip_stack: Any,
        containing_block: Any,
        page_is_empty: bool,
        absolute_boxes: list[Any],
        fixed_boxes: list[Any],
    ) -> Any:
        def layout(laid_out: Any) -> Any:
            return original(
                context, laid_out, bottom_space, skip_stack, containing_block,
                page_is_empty, absolute_boxes, fixed_boxes,
            )  # fmt: skip

        result = layout(table)
        if not (_ACTIVE.get() and page_is_empty and header_dropped(table, result[0])):
            return result
        first_rows = splitting_first_rows(table, skip_stack)
        if first_rows is None:
            return result
        from weasyprint.layout.block import remove_placeholders

        remove_placeholders(context, [result[0]], absolute_boxes, fixed_boxes)
        return layout(first_rows)

    table_layout.__wrapped__ = original  # type: ignore[attr-defined]
    return table_layout


def header_dropped(table: Any, laid_out: Any) -> bool:
    """Whether ``table`` has a header group that its laid-out part of a page lacks."""
    if laid_out is None or not table.children or not table.children[0].is_header:
        return False
    return not (laid_out.children and laid_out.children[0].is_header)


def splitting_first_rows(table: Any, skip_stack: dict[int, Any] | None) -> Any:
    """A copy of ``table`` whose first body group on this page reads ``break-inside: avoid``,
    or None if it has one already (WeasyPrint then dropped a header taller than the page)."""
    start = 0 if skip_stack is None else next(iter(skip_stack))
    for index, group in enumerate(table.children[start:], start=start):
        if group.is_header or group.is_footer:
            continue
        if group.style["break_inside"] == AVOID:
            return None
        avoiding = group.copy()
        avoiding.style = group.style.copy()
        avoiding.style["break_inside"] = AVOID
        children = [*table.children[:index], avoiding, *table.children[index + 1 :]]
        return table.copy_with_children(children)
    return None


def is_reviewed(function: Callable[..., Any], version: str) -> bool:
    """Whether ``function`` is WeasyPrint's own ``table_layout``, unwrapped, as reviewed here."""
    return pinned.is_reviewed(function, TABLE_SOURCE_SHA256, version)


def _install() -> bool:
    import weasyprint
    from weasyprint.layout import block

    if not is_reviewed(block.table_layout, weasyprint.__version__):
        LOGGER.debug(
            "PDF: unreviewed WeasyPrint %s: a table header may be dropped", weasyprint.__version__
        )
        return False
    block.table_layout = _keep_header(block.table_layout)
    return True


def keeping_table_headers() -> contextlib.AbstractContextManager[bool]:
    """Within the block, this thread's layouts print a table header that cannot share a page
    with a whole first row; yields whether they can (a reviewed WeasyPrint)."""
    return active_within(install, _ACTIVE, lambda: True)


install = Once(_install)
