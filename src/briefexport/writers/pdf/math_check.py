"""Answer "is this a CSS math function?" at once for plain values (WeasyPrint 70).

WeasyPrint 70 computes each property of each element's style on first use
(``ComputedStyle.__missing__`` in ``weasyprint/css/__init__.py``) and asks ``check_math``
(``weasyprint/css/functions.py``) of every value whether it is a ``calc()``-like function,
computed values included: strings, numbers, lengths (``Dimension``), ``None`` and tuples of
them. For those ``check_math`` reads a ``type`` attribute they do not have (a failed attribute
lookup each) and walks tuples with a generator, a few percent of a long brief's layout.

The answer for them is known without looking: ``None`` for a plain value (it is no function
token) and ``False`` for a tuple of plain values (``any`` of ``None``\\ s). :func:`check_math`
gives those answers and passes anything else (tokens, nested tuples, colours, other types) to
WeasyPrint's own function, so every answer is the one WeasyPrint gives. Because of that the
replacement is installed for the whole process, like :mod:`.serialise_once`.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 and the SHA-256 of the function's source as
reviewed; with another version nothing is replaced.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any

from .pinned import Once, is_reviewed

LOGGER = logging.getLogger(__name__)
CHECK_MATH_SHA256 = "4f8e6a21258e09ba3cdb1a650edca2751771aa4a2a5b9a37dd05945637f2e433"
IMPORTERS = (
    "weasyprint.css.functions",
    "weasyprint.css",
    "weasyprint.css.tokens",
    "weasyprint.css.computed_values",
    "weasyprint.layout.inline",
    "weasyprint.layout.percent",
    "weasyprint.layout.preferred",
)


def _plain_types() -> frozenset[type]:
    """Types with no ``type`` attribute, never a function token (exact types only)."""
    from weasyprint.css.properties import Dimension

    return frozenset({str, int, float, type(None), list, dict, Dimension})


def _checking(original: Callable[[Any], Any], plain: frozenset[type]) -> Callable[[Any], Any]:
    def check_math(token: Any) -> Any:
        kind = type(token)
        if kind in plain:
            return None
        if kind is tuple and all(type(item) in plain for item in token):
            return False
        return original(token)

    check_math.__wrapped__ = original  # type: ignore[attr-defined]
    return check_math


def _modules() -> list[ModuleType]:
    import importlib

    return [importlib.import_module(name) for name in IMPORTERS]


def _install() -> bool:
    import weasyprint
    from weasyprint.css import functions

    original = functions.check_math
    modules = _modules()
    if not is_reviewed(original, CHECK_MATH_SHA256, weasyprint.__version__) or any(
        module.check_math is not original for module in modules
    ):
        LOGGER.debug(
            "PDF: unreviewed WeasyPrint %s: math checked as it does", weasyprint.__version__
        )
        return False
    replacement = _checking(original, _plain_types())
    for module in modules:
        module.check_math = replacement  # type: ignore[attr-defined]
    return True


install = Once(_install)
