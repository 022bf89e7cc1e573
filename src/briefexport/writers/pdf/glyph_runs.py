"""Draw a line's glyphs reading Pango's glyph arrays whole, not glyph by glyph (WeasyPrint 70).

WeasyPrint 70 draws each line of text (``draw_first_line`` in ``weasyprint/draw/text.py``) by
walking Pango's glyph string one glyph at a time through cffi: six or seven attribute reads of
C structures per glyph, each creating a cffi object, plus a slice of the whole array. For a long
brief this is about a tenth of the run. :func:`draw_first_line` here writes the same operators
in the same order, with the same arithmetic, but reads each run's ``PangoGlyphInfo`` array in
one piece (``ffi.buffer`` and :func:`struct.iter_unpack`; glyph, width, x and y offset, visual
attributes: five 32-bit fields, 20 bytes, as in Pango's ``pango-glyph.h``). Pango splits a
justified line into a run per word (each space carries its own spacing), and the same word set
in the same font at the same size has the same glyph records; once a run has been written, a run
with the same records is given the same text again. A run with a glyph missing from the fonts
or a raised glyph is always worked out afresh: writing it does more than make text.

WeasyPrint's own function still draws what this one does not cover: a line cut by
``text-overflow: ellipsis`` or ``block-ellipsis``, and a line set in a font with colour glyphs
(SVG, PNG or COLR tables: emoji, which are drawn as images beside the text). Glyphs missing from
the fonts are drawn as WeasyPrint does (``.notdef`` and its warning). A layout kept from line
breaking (:mod:`.kept_layouts`) is drawn as it is, without WeasyPrint's switch to
single-paragraph mode, which would make Pango lay it out again: its text holds no line end, so
the mode changes nothing in it.

Pinned like :mod:`.notes_stay`: WeasyPrint 70.0 with the SHA-256 of ``draw_first_line`` as
reviewed, and a glyph record of 20 bytes; otherwise nothing is wrapped. The PDFs are the same.
"""

from __future__ import annotations

import functools
import logging
import struct
import weakref
from collections.abc import Callable
from typing import Any

from . import kept_layouts
from .pinned import Once, is_reviewed

LOGGER = logging.getLogger(__name__)
_KNOWN_RUNS: weakref.WeakKeyDictionary[Any, dict[tuple[float, bytes], str]] = (
    weakref.WeakKeyDictionary()
)
DRAW_LINE_SHA256 = "1bb8eae6d88e71b17096a034656f3be17da8f1f513c78536c1c38d971927638b"
GLYPH_RECORD = struct.Struct("=IiiiI")  # PangoGlyphInfo: glyph, geometry (3 ints), attributes
PANGO_ROUNDING_FIXED = 14802  # Pango 1.48.2 (pango issue 530)
Run = tuple[bool, str, bool]  # earlier text shown, the run's text, whether it may be reused


class _Pango:
    """WeasyPrint's cffi handles and constants, looked up once."""

    def __init__(self) -> None:
        from weasyprint.logger import LOGGER as WEASYPRINT_LOGGER
        from weasyprint.text.ffi import FROM_UNITS, ffi, pango

        self.ffi, self.pango, self.from_units = ffi, pango, FROM_UNITS
        self.empty = pango.PANGO_GLYPH_EMPTY
        self.unknown = pango.PANGO_GLYPH_UNKNOWN_FLAG
        self.old_pango = pango.pango_version() < PANGO_ROUNDING_FIXED
        self.logger = WEASYPRINT_LOGGER


@functools.cache
def _pango() -> _Pango:
    return _Pango()


def _runs(line: Any, ffi: Any) -> list[Any]:
    """The glyph items of a Pango line, in order."""
    items = []
    run = line.runs[0]
    while run != ffi.NULL:
        items.append(run.data)
        run = run.next
    return items


def _fonts(stream: Any, items: list[Any], lib: _Pango) -> list[tuple[Any, float | None]] | None:
    """Each run's font and size, or None when a font has colour glyphs (drawn as images)."""
    fonts: list[tuple[Any, float | None]] = []
    previous = None
    for item in items:
        pango_font = item.item.analysis.font
        if pango_font != previous:  # WeasyPrint asks the stream again only for a new font
            previous = pango_font
            font, font_size = stream.add_font(pango_font)
            if font.svg or font.png or font.colr:
                return None
            found = (font, None if lib.old_pango else font_size)  # None: the text box's size
        fonts.append(found)
    return fonts


def _cluster_text(textbox: Any, item: Any, index: int, count: int) -> str:
    """The characters of the cluster holding glyph ``index`` (WeasyPrint's rule)."""
    clusters = item.glyphs.log_clusters
    offset = item.item.offset
    start = clusters[index]
    if item.item.analysis.level % 2:  # right to left
        end = item.item.length if index == 0 else clusters[index - 1]
    else:
        end = item.item.length if index == count - 1 else clusters[index + 1]
    utf8_text: bytes = textbox.pango_layout.text.encode()
    return utf8_text[offset + start : offset + end].decode()


def _unknown(font: Any, glyph_id: int, width: int, font_size: float, lib: _Pango) -> int:
    """WeasyPrint's ``.notdef`` for a character no font has, with its warning."""
    codepoint = glyph_id - lib.unknown
    lib.logger.warning(
        '.notdef glyph rendered for Unicode string unsupported by fonts: "%s" (U+%04X)',
        chr(codepoint),
        codepoint,
    )
    glyph_id = font.get_unused_glyph_id(codepoint)
    font.widths[glyph_id] = round(width * 1000 * lib.from_units / font_size)
    if 0 not in font.widths:
        font.widths[0] = font.widths[glyph_id]
    return glyph_id


def _measured(
    stream: Any, item: Any, font: Any, glyph_id: int, font_size: float, lib: _Pango
) -> int:
    lib.pango.pango_font_get_glyph_extents(
        item.item.analysis.font, glyph_id, stream.ink_rect, stream.logical_rect
    )
    width: int = round(stream.logical_rect.width * 1000 * lib.from_units / font_size)
    font.widths[glyph_id] = width
    return width


def _risen(stream: Any, string: str, glyph: str, offset: float, rise: float) -> str:
    """A glyph raised or lowered (``Ts``) in a text object of its own, as WeasyPrint does."""
    string = string[:-1] if string[-1] == "<" else string + ">"
    if string:
        stream.show_text(string)
    stream.set_text_rise(-rise)
    string = f"{-offset}" if offset else ""
    stream.show_text(f"{string}<{glyph}>")
    stream.set_text_rise(0)
    return "<"


def _glyphs(stream: Any, textbox: Any, item: Any, font: Any, size: float, before: str) -> Run:
    """One run's glyphs: WeasyPrint's ``TJ`` text, operator for operator.

    The run is built in a string of its own, so that each addition extends it in place; the
    line's text before it (``before``) is shown only when a raised glyph needs it shown.
    """
    lib = _pango()
    empty, unknown, from_units = lib.empty, lib.unknown, lib.from_units
    to_unicode, widths, bitmap = font.to_unicode, font.widths, font.bitmap
    run, shown, plain = "<", False, True
    for index, (glyph_id, width, x_offset, y_offset, _) in enumerate(
        GLYPH_RECORD.iter_unpack(item.data)
    ):
        if glyph_id == empty:
            run += f">{-width / size}<"
            continue
        if glyph_id & unknown:
            glyph_id, plain = _unknown(font, glyph_id, width, size, lib), False
        if glyph_id not in to_unicode:
            to_unicode[glyph_id] = _cluster_text(textbox, item.item, index, item.count)
        offset = x_offset / size
        glyph = f"{glyph_id:02x}" if bitmap else f"{glyph_id:04x}"
        if y_offset:
            run = _risen(stream, run if shown else before + run, glyph, offset, y_offset / 1000)
            shown = True
        else:
            if offset:
                run += f">{-offset}<"
            run += glyph
        logical_width = widths.get(glyph_id)
        if logical_width is None:
            logical_width = _measured(stream, item.item, font, glyph_id, size, lib)
        kerning = logical_width + offset - width * 1000 * from_units / size
        if kerning:
            run += f">{int(kerning)}<"
    return shown, run, plain and not shown


class _Item:
    """A Pango glyph item and its glyph records as bytes."""

    __slots__ = ("count", "data", "item")

    def __init__(self, item: Any) -> None:
        glyph_string = item.glyphs
        self.item = item
        self.count = glyph_string.num_glyphs
        size = self.count * GLYPH_RECORD.size
        self.data = bytes(_pango().ffi.buffer(glyph_string.glyphs, size))


def _known_runs(font: Any) -> dict[tuple[float, bytes], str]:
    """The text of the runs already written in ``font`` whose text depends on their glyph
    records alone (no missing glyph, none raised): the same records give the same text."""
    known = _KNOWN_RUNS.get(font)
    if known is None:
        known = _KNOWN_RUNS[font] = {}
    return known


def _draw(stream: Any, textbox: Any, items: list[Any], fonts: list[Any]) -> None:
    previous = None
    string = ""
    for item, (font, font_size) in zip(items, fonts, strict=True):
        size = textbox.style["font_size"] if font_size is None else font_size
        pango_font = item.item.analysis.font
        if pango_font != previous:
            previous = pango_font
            if string:
                stream.show_text(string)
            string = ""
            stream.set_font_size(font.hash, 1 if font.bitmap else size)
        glyphs, known = _Item(item), _known_runs(font)
        run = known.get((size, glyphs.data))
        if run is None:
            shown, run, repeatable = _glyphs(stream, textbox, glyphs, font, size, string)
            if repeatable:
                known[size, glyphs.data] = run
            string = "" if shown else string
        string += run
        string = string[:-1] if string[-1] == "<" else string + ">"
    stream.show_text(string)


def _drawing(original: Callable[..., Any], lib: _Pango) -> Callable[..., Any]:
    def draw_first_line(
        stream: Any, textbox: Any, text_overflow: Any, block_ellipsis: Any, matrix: Any
    ) -> Any:
        if text_overflow == "ellipsis" or block_ellipsis != "none":
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
            return []
        layout = textbox.pango_layout
        if not kept_layouts.reused(layout):  # a kept layout's text has no line end
            lib.pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
        line, _ = layout.get_first_line()
        items = _runs(line, lib.ffi)
        fonts = _fonts(stream, items, lib)
        if fonts is None:
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        stream.set_text_matrix(*matrix.values)
        _draw(stream, textbox, items, fonts)
        return []

    draw_first_line.__wrapped__ = original  # type: ignore[attr-defined]
    return draw_first_line


def _install() -> bool:
    import weasyprint
    from weasyprint.draw import text

    original = text.draw_first_line
    lib = _pango()
    if (
        not is_reviewed(original, DRAW_LINE_SHA256, weasyprint.__version__)
        or lib.ffi.sizeof("PangoGlyphInfo") != GLYPH_RECORD.size
    ):
        LOGGER.debug(
            "PDF: unreviewed WeasyPrint %s: glyphs drawn one by one", weasyprint.__version__
        )
        return False
    text.draw_first_line = _drawing(original, lib)
    return True


install = Once(_install)
