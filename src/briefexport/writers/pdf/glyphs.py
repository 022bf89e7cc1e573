"""Warn about characters that no installed font can draw (they would print as blank boxes).

Pango falls back through every font fontconfig knows, so a character is drawable when any
installed font covers it; ``fc-list --format '%{charset}'`` gives every font's coverage in one
call. Fonts of the style folder are added to the same check. Whitespace and format controls
(bidi marks, zero-width joiners) draw nothing and are not checked.
"""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ...located import at_text

LOGGER = logging.getLogger("briefexport")
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def _parse_charset(line: str) -> set[int]:
    points: set[int] = set()
    for item in line.split():
        start, _, end = item.partition("-")
        first = int(start, 16)
        points.update(range(first, int(end, 16) + 1 if end else first + 1))
    return points


@functools.cache
def _covered(extra_dirs: tuple[Path, ...]) -> frozenset[int]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    command = [fc_list, "--format", "%{charset}\n"]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    points: set[int] = set()
    for line in output.splitlines():
        points |= _parse_charset(line)
    for folder in extra_dirs:
        points |= _style_font_coverage(folder)
    return frozenset(points)


def _style_font_coverage(folder: Path) -> set[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # lazy: style fonts only

    points: set[int] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in FONT_SUFFIXES:
            with TTFont(path, fontNumber=0, lazy=True) as font:
                points.update(font.getBestCmap() or {})
    return points


def _needs_glyph(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zs"}


def missing_characters(texts: Iterable[str], style_dir: Path) -> list[str]:
    """Characters of ``texts`` that neither an installed font nor a style font covers."""
    covered = _covered((style_dir.resolve(),))
    if not covered:
        return []
    used = {char for text in texts for char in text if _needs_glyph(char)}
    return sorted(char for char in used if ord(char) not in covered)


def warn_missing_characters(texts: Iterable[str], style_dir: Path) -> list[str]:
    """Log one warning per character no font can draw; return them."""
    missing = missing_characters(texts, style_dir)
    for char in missing:
        name = unicodedata.name(char, "unnamed character")
        message = "PDF: no installed font can draw U+%04X %s (%r)"
        LOGGER.warning(message, ord(char), name, char, extra=at_text(char))
    return missing
