"""Layouts kept from line breaking to drawing (writers/pdf/kept_layouts.py): guard, which layouts
are kept, and the same PDF bytes as WeasyPrint's own, for WeasyPrint alone and for briefs."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import weasyprint
from weasyprint.text import line_break

import briefexport
from briefexport.writers.pdf import glyph_runs, kept_layouts, pinned
from briefexport.writers.pdf.fonttime import font_timestamp
from support.briefs import long_brief
from support.paths import EXAMPLES, URDU
from support.pinned import needs_reviewed, with_and_without
from support.typography import text_boxes


def reviewed(function: Callable[..., Any]) -> Callable[..., Any]:
    return getattr(function, "__wrapped__", function)


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    version = weasyprint.__version__
    layout = line_break.Layout
    sha = kept_layouts.REVIEWED_SHA256
    assert pinned.is_reviewed(reviewed(layout.deactivate), sha["deactivate"], version)
    assert pinned.is_reviewed(reviewed(layout.reactivate), sha["reactivate"], version)
    metrics = line_break.first_line_metrics
    assert pinned.is_reviewed(metrics, sha["first_line_metrics"], version)
    assert kept_layouts.install()
    assert layout.deactivate.__wrapped__ is reviewed(layout.deactivate)


def test_another_version_or_a_changed_function_is_refused() -> None:
    deactivate = reviewed(line_break.Layout.deactivate)
    sha = kept_layouts.REVIEWED_SHA256["deactivate"]
    assert not pinned.is_reviewed(deactivate, sha, "71.0")
    wrapped = kept_layouts._deactivating(deactivate)
    assert not pinned.is_reviewed(wrapped, sha, pinned.SUPPORTED_VERSION)


def a_style() -> Any:
    """The computed style of a paragraph's text, from WeasyPrint alone."""
    document = weasyprint.HTML(string="<p>Harbour</p>").render()
    return next(text_boxes(document)).style


def broken(text: str, style: Any, justification: float = 0, width: float | None = None) -> Any:
    """A layout of ``text`` after WeasyPrint breaks its first line (``split_first_line``)."""
    layout = line_break.create_layout(text, style, None, width, justification)
    layout.get_first_line()
    layout.deactivate()
    return layout


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    with kept_layouts.keeping_layouts() as active:
        if not active:
            pytest.skip("another WeasyPrint: nothing is kept")
        yield


@needs_reviewed
def test_a_plain_line_is_kept_and_drawn_as_it_is_for_its_own_style_only() -> None:
    style = a_style()
    with keeping():
        first, second = broken("Harbour walls", style), broken("Tide gauges", style)
    assert hasattr(first, "layout")
    first.reactivate(style)
    assert kept_layouts.reused(first)
    second.reactivate(a_style())  # an equal style, not the same one: made again
    assert not kept_layouts.reused(second)
    first.deactivate()  # drawn: let go as WeasyPrint does
    assert not hasattr(first, "layout")
    first.reactivate(style)
    assert not kept_layouts.reused(first)


@needs_reviewed
@pytest.mark.parametrize(
    ("text", "justification", "width"),
    [
        ("Harbour walls", 2.5, None),  # justified: drawn with more word spacing
        ("Harbour\nwalls", 0, None),  # a line end: single-paragraph mode would change it
        ("Harbour walls and tide gauges", 0, 40.0),  # more than one line
    ],
    ids=["justified", "line-end", "two-lines"],
)
def test_these_layouts_are_let_go(text: str, justification: float, width: float | None) -> None:
    with keeping():
        layout = broken(text, a_style(), justification, width)
    assert not hasattr(layout, "layout")


@needs_reviewed
def test_nothing_is_kept_outside_the_block_or_beyond_the_most(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    style = a_style()
    assert not hasattr(broken("Harbour", style), "layout")
    monkeypatch.setattr(kept_layouts, "MOST_KEPT", 2)
    with keeping():
        layouts = [broken("Harbour", style) for _ in range(3)]
    assert [hasattr(layout, "layout") for layout in layouts] == [True, True, False]


MOMENT = dt.datetime(2026, 3, 3, tzinfo=dt.UTC)
SAMPLER = """
<p style="text-align: justify; width: 60mm">Justified lines of harbour text, long enough to
break into several lines, with <em>emphasis</em>, <u>underlined words</u> and a
<a href="https://example.org/">link</a> in them; the last line is not justified.</p>
<p style="width: 40mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">
A line too long for its box, cut with an ellipsis at its end</p>
<p style="width: 50mm; line-clamp: 2">Two lines at most, then a block ellipsis: harbour walls,
tide gauges, breakwaters and quays of the coast, all in one paragraph.</p>
<pre>Preformatted
lines</pre>
<p dir="rtl" lang="ar">مرفأ المدينة</p>
<p style="letter-spacing: 1pt; word-spacing: 2pt">Spaced letters and words</p>
<p>Tides \U0001f30a rise.</p>
"""


def sampler_pdf(keep: bool) -> bytes:
    scope = kept_layouts.keeping_layouts() if keep else contextlib.nullcontext()
    with font_timestamp(MOMENT):  # the emoji font is saved with a date
        with scope:
            document = weasyprint.HTML(string=SAMPLER).render()
        pdf: bytes = document.write_pdf()
    return pdf


@needs_reviewed
def test_weasyprint_alone_draws_the_same_pdf() -> None:
    assert glyph_runs.install()  # the drawing that reads a kept layout as it is
    assert sampler_pdf(keep=True) == sampler_pdf(keep=False)


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: long_brief(pages=3, notes=6), id="notes", marks=pytest.mark.slow),
        pytest.param(lambda: briefexport.load(EXAMPLES / "feature-tour.xml"), id="feature-tour"),
        pytest.param(lambda: briefexport.load(URDU), id="urdu"),
    ],
)
def test_the_pdf_is_the_same_as_weasyprints(
    make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, plain = with_and_without(kept_layouts, make(), monkeypatch)
    assert kept == plain
