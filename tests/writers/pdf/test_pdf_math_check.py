"""CSS math checked at once for plain values (writers/pdf/math_check.py): guard and answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
import tinycss2
import weasyprint
from weasyprint.css import functions
from weasyprint.css.properties import Dimension

from briefexport.writers.pdf import math_check, pinned
from support.pinned import needs_reviewed


def reviewed_check() -> Callable[[Any], Any]:
    current = functions.check_math
    return cast(Callable[[Any], Any], getattr(current, "__wrapped__", current))


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    original = reviewed_check()
    assert pinned.is_reviewed(original, math_check.CHECK_MATH_SHA256, weasyprint.__version__)
    assert math_check.install()
    for module in math_check._modules():
        assert module.check_math.__wrapped__ is original


def test_another_version_or_a_changed_function_is_refused() -> None:
    assert not pinned.is_reviewed(reviewed_check(), math_check.CHECK_MATH_SHA256, "71.0")
    wrapped = math_check._checking(reviewed_check(), math_check._plain_types())
    assert not pinned.is_reviewed(wrapped, math_check.CHECK_MATH_SHA256, pinned.SUPPORTED_VERSION)


def tokens(css: str) -> list[Any]:
    return [t for t in tinycss2.parse_component_value_list(css) if t.type != "whitespace"]


VALUES = [
    "normal",
    12,
    1.5,
    None,
    [],
    {},
    Dimension(3, "px"),
    (),
    ("serif", "sans-serif"),
    (None, "auto"),
    (Dimension(1, "em"), Dimension(2, "px")),
    (("nested",),),
    *tokens("calc(100% - 2px) min(1px, 2px) clamp(1px) 3px 50% foo"),
    (*tokens("calc(1px + 2px)"), "auto"),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_every_answer_is_weasyprints(value: Any) -> None:
    original = reviewed_check()
    checked = math_check._checking(original, math_check._plain_types())
    assert checked(value) == original(value)
    assert type(checked(value)) is type(original(value))
