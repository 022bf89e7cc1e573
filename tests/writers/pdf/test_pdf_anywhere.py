"""Words that may break anywhere, as CSS Text 3 says, in WeasyPrint 70: the guard, and tables of
such words laid out with and without the adaptation (WeasyPrint alone, no brief)."""

from __future__ import annotations

import contextlib
from typing import Any, cast

import pytest
import weasyprint
from weasyprint.layout import inline, preferred

from briefexport.writers.pdf import anywhere, pinned
from support.pinned import SUPPORTED
from support.typography import page_boxes

LONG_WORD = "x" * 120
PAGE_CSS = """
@page { size: 100mm 120mm; margin: 10mm }
body { font: 10pt serif }
td { overflow-wrap: anywhere; padding: 0 }
"""
CONTENT_RIGHT = 90 / 25.4 * 96  # the page's content edge, in CSS px


def unwrapped(function: Any) -> Any:
    return getattr(function, "__wrapped__", function)


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: words break as it decides")
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    version = weasyprint.__version__
    widths, split = unwrapped(preferred.inline_line_widths), unwrapped(preferred.split_first_line)
    level = unwrapped(inline.split_inline_level)
    assert pinned.is_reviewed(
        unwrapped(inline.split_inline_box), anywhere.BOX_SOURCE_SHA256, version
    )
    assert pinned.is_reviewed(widths, anywhere.WIDTHS_SOURCE_SHA256, version)
    assert pinned.is_reviewed(split, anywhere.SPLIT_SOURCE_SHA256, version)
    assert pinned.is_reviewed(level, anywhere.LEVEL_SOURCE_SHA256, version)
    assert anywhere.install()
    assert inline.split_inline_level.__wrapped__ is level


def test_another_version_or_a_changed_function_is_refused() -> None:
    level = unwrapped(inline.split_inline_level)
    assert not pinned.is_reviewed(level, anywhere.LEVEL_SOURCE_SHA256, "71.0")
    assert not pinned.is_reviewed(level, anywhere.SPLIT_SOURCE_SHA256, "70.0")
    wrapped = anywhere._break_glued_text(level)
    assert not pinned.is_reviewed(wrapped, anywhere.LEVEL_SOURCE_SHA256, "70.0")


def laid_out(cell: str, adapted: bool, second: str = "<td>second</td>") -> Any:
    html = f"<table><tr><td>{cell}</td>{second}</tr></table>"
    page = weasyprint.HTML(string=html)
    css = weasyprint.CSS(string=PAGE_CSS)
    scope = anywhere.breaking_words_anywhere() if adapted else contextlib.nullcontext()
    with scope:
        return page.render(stylesheets=[css])


def rightmost_text(document: Any) -> float:
    """Where the text furthest right ends, in CSS px from the page's left edge."""
    return cast(
        float,
        max(
            box.position_x + box.width
            for _, box in page_boxes(document)
            if type(box).__name__ == "TextBox"
        ),
    )


# The long word comes right after other letters (its own line's start is not the cell's), or is
# measured with the link's text before it: WeasyPrint 70 alone gives it its full width.
@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: words break as it decides")
@pytest.mark.parametrize(
    "cell",
    [f"Nam<b>{LONG_WORD} end</b>", f'<a href="https://example.org/">example.org</a> {LONG_WORD}'],
    ids=["glued", "after-a-link"],
)
def test_a_long_word_not_starting_a_line_breaks_inside_the_page(cell: str) -> None:
    assert rightmost_text(laid_out(cell, adapted=False)) > CONTENT_RIGHT + 1
    assert rightmost_text(laid_out(cell, adapted=True)) <= CONTENT_RIGHT + 1


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: words break as it decides")
def test_words_that_fit_are_moved_to_the_next_line_whole() -> None:
    cell = "Nam <b>" + " ".join(["harbour"] * 30) + "</b>"
    document = laid_out(cell, adapted=True, second="")
    words = [
        box.text.strip()
        for _, box in page_boxes(document)
        if type(box).__name__ == "TextBox" and box.text.strip()
    ]
    assert set(" ".join(words).split()) == {"Nam", "harbour"}


def placed_words(html: str, css: str, adapted: bool) -> set[str]:
    page = weasyprint.HTML(string=html)
    scope = anywhere.breaking_words_anywhere() if adapted else contextlib.nullcontext()
    with scope:
        document = page.render(stylesheets=[weasyprint.CSS(string=css)])
    texts = [box.text for _, box in page_boxes(document) if type(box).__name__ == "TextBox"]
    return set(" ".join(texts).split())


# A footnote's citation is one inline box; on its second line the <cite> that follows "cities."
# is no line's first text, though no earlier child of the line box is on the line.
@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: words break as it decides")
@pytest.mark.parametrize("value", ["anywhere", "break-word"])
def test_a_word_after_a_break_in_a_box_that_started_the_line_moves_whole(value: str) -> None:
    css = f"@page {{ size: 100mm 200mm }} p {{ font: 10pt serif; overflow-wrap: {value} }}"
    fillers = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    paragraphs = [
        "<p><span>Author " + " ".join(fillers[: n % 8] * (1 + n // 8)) + " cities. "
        "<cite>Journal of Coastal Urbanism</cite> twelve.</span></p>"
        for n in range(40)
    ]
    html = "".join(paragraphs)
    expected = {"Author", "cities.", "Journal", "of", "Coastal", "Urbanism", "twelve.", *fillers}
    assert not placed_words(html, css, adapted=False) <= expected  # WeasyPrint 70 alone
    assert placed_words(html, css, adapted=True) <= expected
