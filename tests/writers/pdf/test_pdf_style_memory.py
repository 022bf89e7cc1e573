"""A style's strut and font description worked out once (writers/pdf/style_memory.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import weasyprint
from weasyprint.layout import inline
from weasyprint.text import fonts, line_break

import briefexport
from briefexport.writers.pdf import pinned, style_memory
from support.briefs import long_brief
from support.paths import EXAMPLES, URDU
from support.pinned import needs_reviewed, with_and_without


def reviewed(function: Callable[..., Any]) -> Callable[..., Any]:
    return getattr(function, "__wrapped__", function)


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    version = weasyprint.__version__
    assert pinned.is_reviewed(reviewed(inline.strut), style_memory.STRUT_SHA256, version)
    description = reviewed(line_break.get_font_description)
    assert pinned.is_reviewed(description, style_memory.DESCRIPTION_SHA256, version)
    assert style_memory.install()
    assert inline.strut.__wrapped__ is line_break.strut
    assert line_break.get_font_description.__wrapped__ is fonts.get_font_description


def test_another_version_or_a_changed_function_is_refused() -> None:
    strut = reviewed(inline.strut)
    assert not pinned.is_reviewed(strut, style_memory.STRUT_SHA256, "71.0")
    wrapped = style_memory._remembering(strut, "strut")
    assert not pinned.is_reviewed(wrapped, style_memory.STRUT_SHA256, pinned.SUPPORTED_VERSION)


def test_one_answer_per_style_inside_the_block_only() -> None:
    asked: list[object] = []

    def answer(style: object) -> int:
        asked.append(style)
        return len(asked)

    remembered = style_memory._remembering(answer, "strut")
    first, second = {"font_size": 10}, {"font_size": 10}
    with style_memory.remembering_styles() as active:
        answers = [remembered(first), remembered(first), remembered(second), remembered(first)]
    if active:
        assert answers == [1, 1, 2, 1]
        assert asked == [first, second]
    remembered(first)
    assert len(asked) == (3 if active else 5)


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        # the tour holds the most styles and the Urdu brief the other direction; the long brief
        # with notes is a layout more through the same remembered answers, in the slow suite
        pytest.param(lambda: long_brief(pages=4, notes=8), id="notes", marks=pytest.mark.slow),
        pytest.param(lambda: briefexport.load(EXAMPLES / "feature-tour.xml"), id="feature-tour"),
        pytest.param(lambda: briefexport.load(URDU), id="urdu"),
    ],
)
def test_the_pdf_is_the_same_as_weasyprints(
    make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered, plain = with_and_without(style_memory, make(), monkeypatch)
    assert remembered == plain
