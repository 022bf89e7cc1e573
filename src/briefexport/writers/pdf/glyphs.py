"""Warn about characters that no installed font can draw (they would print as blank boxes).

Pango falls back through every font fontconfig knows, so a character is drawable when any
installed font covers it; ``fc-list --format '%{charset}'`` gives every font's coverage in one
call, read only until every character of the brief is covered. Fonts of the style folder are
added to the same check. Whitespace and format controls (bidi marks, zero-width joiners) draw
nothing and are not checked. ``fc-list`` can be started early (:func:`prefetch_installed_charsets`)
in a thread of its own, so that it runs while the brief is turned into markup.
"""

from __future__ import annotations

import bisect
import functools
import logging
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ...shared.located import at_text

LOGGER = logging.getLogger(__name__)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


@functools.cache
def _charset_ranges(line: str) -> tuple[list[int], list[int]]:
    """Starts and ends (inclusive) of the code point ranges of one ``%{charset}`` line."""
    starts, ends = [], []
    for item in line.split():
        first, _, last = item.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
    return starts, ends


def _in_ranges(point: int, ranges: tuple[list[int], list[int]]) -> bool:
    starts, ends = ranges
    index = bisect.bisect_right(starts, point) - 1
    return index >= 0 and point <= ends[index]


_charsets: tuple[str, ...] | None = None
_charsets_lock = threading.Lock()


def _installed_charsets() -> tuple[str, ...]:
    """Every installed font's coverage, listed once per process (a second caller waits)."""
    global _charsets
    with _charsets_lock:
        if _charsets is None:
            _charsets = _list_charsets()
        return _charsets


def prefetch_installed_charsets() -> threading.Thread | None:
    """List the installed fonts' coverage in a background thread, if not done yet."""
    if _charsets is not None:
        return None
    thread = threading.Thread(target=_installed_charsets, name="fc-list", daemon=True)
    thread.start()
    return thread


def _list_charsets() -> tuple[str, ...]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    command = [fc_list, "--format", "%{charset}\n"]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    return tuple(line for line in output.splitlines() if line.strip())


@functools.cache
def _style_coverage(folder: Path) -> frozenset[int]:
    return frozenset(_style_font_coverage(folder))


def _style_font_coverage(folder: Path) -> set[int]:
    from fontTools.ttLib import TTFont  # lazy: style fonts only

    points: set[int] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in FONT_SUFFIXES:
            with TTFont(path, fontNumber=0, lazy=True) as font:
                points.update(font.getBestCmap() or {})
    return points


def _needs_glyph(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zs"}


def missing_characters(texts: Iterable[str], style_dir: Path) -> list[str]:
    """Characters of ``texts`` that neither an installed font nor a style font covers.

    Fonts are read one at a time until every character is covered: usually the first one.
    """
    charsets = _installed_charsets()
    if not charsets:
        return []
    left = {ord(char) for text in texts for char in text if _needs_glyph(char)}
    for line in charsets:
        if not left:
            return []
        ranges = _charset_ranges(line)
        left = {point for point in left if not _in_ranges(point, ranges)}
    if left:
        left -= _style_coverage(style_dir.resolve())
    return sorted(chr(point) for point in left)


def warn_missing_characters(texts: Iterable[str], style_dir: Path) -> list[str]:
    """Log one warning per character no font can draw; return them."""
    missing = missing_characters(texts, style_dir)
    for char in missing:
        name = unicodedata.name(char, "unnamed character")
        message = "PDF: no installed font can draw U+%04X %s (%r)"
        LOGGER.warning(message, ord(char), name, char, extra=at_text(char))
    return missing
