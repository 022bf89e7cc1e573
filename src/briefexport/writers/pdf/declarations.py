"""Declarations of a style folder's own print sheet that WeasyPrint drops, each a warning at the
sheet's ``FILE:LINE:COL``: a property it does not know (``colr``), a value it cannot read (and a
``;`` left out, which joins two declarations into one value that is neither).

WeasyPrint 70 validates each declaration as it reads a sheet (``preprocess_declarations``, CSS
Cascading 4's "invalid at parse time") and logs one it drops as ``Ignored `name:value` at
LINE:COL, reason.``; the command line silences WeasyPrint's logger, so the typo did nothing,
unseen. Here the folder's own ``pdf.css`` goes through the same validation once, before the PDF
is laid out, and those records become diagnostics. Nothing is fetched: an ``@import`` or
``@font-face`` is not followed, a ``url()`` is only joined to the folder's address. Only the
print sheet is checked: the other sheets are read by browsers, which know other properties.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tinycss2
from weasyprint.css.validation import preprocess_declarations

from ...errors import Diagnostic, Severity
from ...shared.sheets import own_sheet
from ...shared.styles import PRINT_SHEET

IGNORED = "Ignored `%s:%s` at %d:%d, "
"""How WeasyPrint 70 begins the message of a declaration it drops."""
GROUPS = ("media", "supports", "layer")
"""At-rules whose block holds rules."""
MARGIN_BOXES = frozenset(
    f"{side}-{place}"
    for side, places in (("top", "left-corner left center right right-corner"),
                         ("bottom", "left-corner left center right right-corner"),
                         ("left", "top middle bottom"), ("right", "top middle bottom"))
    for place in places.split()
) | {"footnote", "page"}  # fmt: skip
"""At-rules whose block holds declarations (CSS Paged Media 3, CSS GCPM 3)."""


def ignored_declarations(style_dir: Path) -> list[Diagnostic]:
    """A warning for each declaration of the folder's own print sheet that WeasyPrint drops."""
    own = own_sheet(style_dir, PRINT_SHEET)
    if own is None:
        return []
    base = own.folder.resolve().as_uri() + "/"
    with _ignored_records() as records:
        _validate(tinycss2.parse_stylesheet(own.text, True, True), base)
    return [_diagnostic(str(style_dir / PRINT_SHEET), record) for record in records]


def _validate(rules: list[Any], base: str) -> None:
    """Run WeasyPrint's validation over the declarations of ``rules`` and the rules inside."""
    for rule in rules:
        if rule.type not in ("qualified-rule", "at-rule") or rule.content is None:
            continue
        items = tinycss2.parse_blocks_contents(rule.content, True, True)
        keyword = rule.lower_at_keyword if rule.type == "at-rule" else None
        if keyword in GROUPS:
            _validate(items, base)
        elif keyword is None or keyword in MARGIN_BOXES:
            list(preprocess_declarations(base, [i for i in items if i.type == "declaration"]))
            _validate([item for item in items if item.type == "at-rule"], base)


@contextlib.contextmanager
def _ignored_records() -> Iterator[list[logging.LogRecord]]:
    """The records of dropped declarations WeasyPrint logs in the block, kept from its logger's
    handlers (the command line is the only caller: one thread, before any writer runs)."""
    logger = logging.getLogger("weasyprint")
    kept = _Kept()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(kept)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield kept.records
    finally:
        logger.removeHandler(kept)
        logger.setLevel(level)
        logger.propagate = propagate


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def handle(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith(IGNORED):
            self.records.append(record)
        return True  # no other handler of WeasyPrint's logger sees it

    def emit(self, record: logging.LogRecord) -> None:
        """Unused: :meth:`handle` keeps the records."""


def _diagnostic(name: str, record: logging.LogRecord) -> Diagnostic:
    args: tuple[Any, ...] = record.args if isinstance(record.args, tuple) else ()
    property_name, value, line, column, *rest = args
    reason = str(record.msg).removeprefix(IGNORED) % tuple(rest)
    written = " ".join(f"{property_name}: {value}".split())
    shown = written if len(written) <= 80 else written[:77] + "..."
    message = f"CSS: WeasyPrint ignores `{shown}`: {reason.rstrip('.')}"
    return Diagnostic(name, int(line), int(column), message, Severity.WARNING)
