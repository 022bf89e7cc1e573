"""One Pango context per font configuration, direction and language
(writers/pdf/pango_contexts.py): guard, which contexts are shared, the same PDF bytes."""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any, cast

import pytest
import weasyprint
from weasyprint.text import line_break
from weasyprint.text.ffi import ffi, pango
from weasyprint.text.fonts import FontConfiguration

import briefexport
from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import pango_contexts, pinned
from support.paths import EXAMPLES, URDU
from support.pinned import needs_reviewed
from support.typography import text_boxes
from support.written_pdfs import written_pdf


def reviewed_setup() -> Callable[..., Any]:
    current = line_break.Layout.setup
    return cast(Callable[..., Any], getattr(current, "__wrapped__", current))


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    original = reviewed_setup()
    assert pinned.is_reviewed(original, pango_contexts.SETUP_SHA256, weasyprint.__version__)
    assert pango_contexts.install()
    assert line_break.Layout.setup.__wrapped__ is original


def test_another_version_is_refused() -> None:
    assert not pinned.is_reviewed(reviewed_setup(), pango_contexts.SETUP_SHA256, "71.0")


STYLED = """
<p>Harbour</p>
<p lang="fr">Port</p>
<p lang="fr" style="font-language-override: 'TRK'">Port</p>
<p dir="rtl" lang="ar">مرفأ</p>
<p>Quay</p>
"""


def paragraph_styles(fonts: FontConfiguration) -> list[Any]:
    document = weasyprint.HTML(string=STYLED).render(font_config=fonts)
    return [box.style for box in text_boxes(document) if box.text.strip()]


def test_contexts_are_shared_by_direction_and_language_within_a_font_configuration() -> None:
    fonts = FontConfiguration()
    styles = paragraph_styles(fonts)
    contexts = [pango_contexts.shared_context(style)[0] for style in styles]
    again = [pango_contexts.shared_context(style)[0] for style in paragraph_styles(fonts)]
    assert again == contexts
    assert contexts[4] == contexts[0]  # the same direction and language as the first
    assert len(set(contexts[:4])) == 4
    other = paragraph_styles(FontConfiguration())[0]
    assert pango_contexts.shared_context(other)[0] != contexts[0]


RECORD = struct.Struct("=IiiiI")  # PangoGlyphInfo


def first_line(style: Any, setup: Callable[..., Any]) -> tuple[Any, ...]:
    """What a layout of ``style`` made by ``setup`` gives for mixed text: its language, the
    line's direction and width, and each run's glyph records."""
    layout = line_break.Layout.__new__(line_break.Layout)
    layout.justification_spacing, layout.max_width = 0, None
    setup(layout, style)
    layout.set_text("Harbour \u0645\u0631\u0641\u0623 1234 fi")
    line, _ = layout.get_first_line()
    runs = []
    run = line.runs
    while run != ffi.NULL:
        glyphs = run.data.glyphs
        records = bytes(ffi.buffer(glyphs.glyphs, glyphs.num_glyphs * RECORD.size))
        # the glyph, its geometry and its two defined visual attributes (the other bits vary)
        runs.append([(*record[:4], record[4] & 3) for record in RECORD.iter_unpack(records)])
        run = run.next
    return layout.language, line.resolved_dir, line_break.line_size(line, style), runs


@needs_reviewed
@pytest.mark.parametrize(("index", "language"), [(0, None), (1, b"fr"), (2, b"tur"), (3, b"ar")])
def test_each_layout_is_set_up_as_weasyprint_sets_one(index: int, language: bytes | None) -> None:
    style = paragraph_styles(FontConfiguration())[index]
    shared = first_line(style, pango_contexts._setting_up(pango_contexts._lib()))
    if language is None:  # no lang: Pango's default
        assert shared[0] == pango.pango_language_get_default()
    else:
        assert shared[0] == pango.pango_language_from_string(language)
    assert shared == first_line(style, reviewed_setup())


def both_ways(brief: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    assert pango_contexts.install()
    options = default_options(brief)
    shared = written_pdf(brief, options)
    monkeypatch.setattr(line_break.Layout, "setup", reviewed_setup())
    return shared, pdf.write(brief, options)


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: briefexport.load(EXAMPLES / "feature-tour.xml"), id="feature-tour"),
        pytest.param(lambda: briefexport.load(URDU), id="urdu"),
    ],
)
def test_the_pdf_is_the_same_as_weasyprints(
    make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    shared, plain = both_ways(make(), monkeypatch)
    assert shared == plain
