"""Glyphs drawn from Pango's arrays read whole (writers/pdf/glyph_runs.py): guard, same bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
import weasyprint
from weasyprint.draw import text

import briefexport
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import glyph_runs, pinned
from support.briefs import brief_with_blocks, long_brief
from support.paths import URDU
from support.pinned import needs_reviewed
from support.written_pdfs import written_pdf

# Combining marks, Devanagari clusters, CJK, a character no font has (.notdef), kerning; and
# an emoji in a paragraph of its own (its lines are drawn by WeasyPrint itself).
MIXED = (
    "q\u0323\u0307 and \u1ec7 \u0929\u093f\u0930\u094d\u092e\u093e\u0923 "
    "\u6c34\u8d44\u6e90 \ue000, justified text, kerning: AVAWAY To."
)
EMOJI = "Tides \U0001f30a rise."


def reviewed_draw() -> Callable[..., Any]:
    current = text.draw_first_line
    return cast(Callable[..., Any], getattr(current, "__wrapped__", current))


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    assert pinned.is_reviewed(reviewed_draw(), glyph_runs.DRAW_LINE_SHA256, weasyprint.__version__)
    assert glyph_runs.install()
    assert text.draw_first_line.__wrapped__ is reviewed_draw()


def test_another_version_or_a_changed_function_is_refused() -> None:
    assert not pinned.is_reviewed(reviewed_draw(), glyph_runs.DRAW_LINE_SHA256, "71.0")
    wrapped = glyph_runs._drawing(reviewed_draw(), glyph_runs._pango())
    assert not pinned.is_reviewed(wrapped, glyph_runs.DRAW_LINE_SHA256, pinned.SUPPORTED_VERSION)


def test_ellipsis_is_left_to_weasyprint() -> None:
    calls: list[tuple[Any, ...]] = []
    wrapper = glyph_runs._drawing(lambda *arguments: calls.append(arguments), glyph_runs._pango())
    wrapper("stream", "box", "ellipsis", "none", "matrix")
    wrapper("stream", "box", "clip", "auto", "matrix")
    assert [call[2:4] for call in calls] == [("ellipsis", "none"), ("clip", "auto")]


def mixed_brief() -> Brief:
    paragraph = Paragraph((Text(" ".join([MIXED] * 6)),))
    return brief_with_blocks((paragraph, Paragraph((Text(EMOJI),)), paragraph))


def both_ways(brief: Brief, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    assert glyph_runs.install()
    options = default_options(brief)
    fast = written_pdf(brief, options)
    monkeypatch.setattr(text, "draw_first_line", reviewed_draw())
    plain = pdf.write(brief, options)
    return fast, plain


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        # the mixed brief draws every kind of left-to-right run and the Urdu brief right-to-left
        # ones; the long brief with notes is a layout more through the same drawing, in the slow
        # suite
        pytest.param(mixed_brief, id="scripts-marks-notdef-emoji"),
        pytest.param(
            lambda: long_brief(pages=3, notes=6), id="notes-and-urls", marks=pytest.mark.slow
        ),
        pytest.param(lambda: briefexport.load(URDU), id="urdu"),
    ],
)
def test_the_pdf_is_the_same_as_weasyprints(
    make: Callable[[], Brief], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, plain = both_ways(make(), monkeypatch)
    assert fast == plain
