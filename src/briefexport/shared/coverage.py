"""Which characters a set of fonts can draw, from fontconfig's coverage (``%{charset}``).

``fc-list --format '%{file}\t%{charset}'`` gives every installed font face's coverage in one
call: code point ranges in hexadecimal (``20-7e a0-17f``). Fonts of a style folder, which
fontconfig may not know, are read with fontTools, again whenever one of them is added, removed or
changed (keyed by their state, :mod:`.caches`). Whitespace and format controls (bidi marks,
zero-width joiners) draw nothing and are never missing. The WeasyPrint engine warns with this
about what no installed font and no font of the style covers (Pango falls back through them
all); the Typst engine, which reads the brand's own font files only, tests their cmaps instead
(:mod:`.cmap`).
"""

from __future__ import annotations

import bisect
import functools
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .caches import STYLE_CACHES, FilesStamp, files_stamp
from .fontfiles import FONT_SUFFIXES

Ranges = tuple[list[int], list[int]]


@functools.cache
def charset_ranges(charset: str) -> Ranges:
    """Starts and ends (inclusive) of the code point ranges of one ``%{charset}`` value."""
    starts, ends = [], []
    for item in charset.split():
        first, _, last = item.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
    return starts, ends


def in_ranges(point: int, ranges: Ranges) -> bool:
    starts, ends = ranges
    index = bisect.bisect_right(starts, point) - 1
    return index >= 0 and point <= ends[index]


_installed: tuple[tuple[Path, str], ...] | None = None
_installed_lock = threading.Lock()


def installed_charsets() -> tuple[tuple[Path, str], ...]:
    """Every installed font face's file and coverage, listed once per process (a second
    caller waits for the first); empty without fontconfig."""
    global _installed
    with _installed_lock:
        if _installed is None:
            _installed = _list_installed_charsets()
        return _installed


def prefetch_installed_charsets() -> threading.Thread | None:
    """List the installed fonts' coverage in a background thread, if not done yet: ``fc-list``
    then runs while the caller does other work."""
    if _installed is not None:
        return None
    thread = threading.Thread(target=installed_charsets, name="fc-list", daemon=True)
    thread.start()
    return thread


def _list_installed_charsets() -> tuple[tuple[Path, str], ...]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    command = [fc_list, "--format", "%{file}\t%{charset}\n"]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    faces = (line.partition("\t") for line in output.splitlines())
    return tuple((Path(path), charset) for path, _, charset in faces if charset.strip())


def folder_coverage(folder: Path) -> frozenset[int]:
    """The code points the font files of ``folder`` (and below) map, read again once a font
    file is added, removed or changed."""
    files = [path for path in sorted(folder.rglob("*")) if path.suffix.lower() in FONT_SUFFIXES]
    return _fonts_coverage(files_stamp(files))


@functools.lru_cache(maxsize=8)
def _fonts_coverage(fonts: FilesStamp) -> frozenset[int]:
    """The code points the font files of ``fonts`` map (their states only key the cache)."""
    from fontTools.ttLib import TTFont  # lazy: style fonts only

    points: set[int] = set()
    for path, _ in fonts:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            points.update(font.getBestCmap() or {})
    return frozenset(points)


STYLE_CACHES.append(_fonts_coverage.cache_clear)


def needs_glyph(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zs"}


def uncovered(texts: Iterable[str], charsets: Iterable[str], folders: Iterable[Path]) -> list[str]:
    """Characters of ``texts`` that no charset and no font of ``folders`` covers, sorted.

    Charsets are read one at a time until every character is covered: usually the first one.
    """
    present: set[str] = set()
    for text in texts:
        present.update(text)  # each distinct character is checked once
    left = {ord(char) for char in present if needs_glyph(char)}
    for charset in charsets:
        if not left:
            return []
        ranges = charset_ranges(charset)
        left = {point for point in left if not in_ranges(point, ranges)}
    for folder in folders:
        if left:
            left -= folder_coverage(folder.resolve())
    return sorted(chr(point) for point in left)
