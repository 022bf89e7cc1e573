"""Which characters a font file can draw, read from its ``cmap`` table (OpenType spec, "cmap —
Character to Glyph Index Mapping Table").

Only what the Typst writer and the EPUB cover need to choose fonts quickly: the table
directory (of the first font of a ``.ttc`` collection), then the best Unicode subtable, format 12
(segmented coverage, whole Unicode) before format 4 (segment mapping, the Basic Multilingual
Plane). A character counts as drawable when it maps to a glyph other than glyph 0
(``.notdef``). Reading a cmap this way takes a fraction of a millisecond, against tens for
importing fontTools.
"""

from __future__ import annotations

import bisect
import functools
import struct
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .caches import STYLE_CACHES, FileStamp, file_stamp

Coverage = Callable[[int], bool]
# (platform, encoding) of the Unicode subtables, best first for each format
FULL_UNICODE = ((3, 10), (0, 4), (0, 6))
BASIC_PLANE = ((3, 1), (0, 3), (0, 4), (0, 6), (0, 1), (0, 0))
OUTLINE_TABLES = {b"glyf", b"CFF ", b"CFF2"}
COVERAGES_KEPT = 512
"""Font files whose coverage is kept: more than every family a brand names has, fallbacks
included (a system with the Noto and DejaVu packages of ``scripts/setup`` has about 300 font files
in all), so a run reads a file again only once it changed."""


def _nothing(point: int) -> bool:
    return False


def coverage(path: Path) -> Coverage:
    """A test of whether the font at ``path`` draws a code point (nothing when unreadable),
    read again once the file changes."""
    return _coverage(path, file_stamp(path))


@functools.lru_cache(maxsize=COVERAGES_KEPT)
def _coverage(path: Path, _stamp: FileStamp | None) -> Coverage:
    try:
        with path.open("rb") as font:
            return _cmap_coverage(_cmap_table(font), 0)
    except (OSError, struct.error, ValueError, IndexError):
        return _nothing


def _cmap_table(font: BinaryIO) -> bytes:
    """The bytes of the ``cmap`` table of the first font in the file."""
    if b"cmap" not in (tables := table_directory(font)):
        raise ValueError("no cmap table")
    offset, length = tables[b"cmap"]
    font.seek(offset)
    return font.read(length)


def table_directory(font: BinaryIO, index: int = 0) -> dict[bytes, tuple[int, int]]:
    """The offset and length of each table of the font ``index`` in the file (a collection's,
    or its one font), by tag (OpenType, "Table directory" and "Font collections")."""
    font.seek(0)
    head = font.read(12 + 4 * (index + 1))
    start = struct.unpack_from(">I", head, 12 + 4 * index)[0] if head[:4] == b"ttcf" else 0
    font.seek(start)
    (tables,) = struct.unpack(">H", font.read(6)[4:6])
    font.seek(start + 12)
    directory = font.read(16 * tables)
    found: dict[bytes, tuple[int, int]] = {}
    for number in range(tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", directory, 16 * number)
        found[tag] = (offset, length)
    return found


def scalable(path: Path) -> bool:
    """Whether the font at ``path`` has outlines (``glyf``, ``CFF `` or ``CFF2``), so it can be
    set at any size; a colour bitmap font such as Noto Color Emoji (``CBDT``) has only fixed
    sizes."""
    return _scalable(path, file_stamp(path))


@functools.lru_cache(maxsize=COVERAGES_KEPT)
def _scalable(path: Path, _stamp: FileStamp | None) -> bool:
    try:
        with path.open("rb") as font:
            return bool(OUTLINE_TABLES & table_directory(font).keys())
    except (OSError, struct.error, ValueError, IndexError):
        return False


def _cmap_coverage(data: bytes, cmap: int) -> Coverage:
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    subtables: dict[tuple[int, int, int], int] = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        (table_format,) = struct.unpack_from(">H", data, cmap + offset)
        subtables.setdefault((table_format, platform, encoding), cmap + offset)
    for table_format, ids, reader in ((12, FULL_UNICODE, _format_12), (4, BASIC_PLANE, _format_4)):
        for platform, encoding in ids:
            if (table_format, platform, encoding) in subtables:
                return reader(data, subtables[(table_format, platform, encoding)])
    return _nothing


def _format_12(data: bytes, at: int) -> Coverage:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    starts, ends, glyphs = [], [], []
    for index in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * index)
        starts.append(start)
        ends.append(end)
        glyphs.append(glyph)

    def covers(point: int) -> bool:
        index = bisect.bisect_right(starts, point) - 1
        return index >= 0 and point <= ends[index] and glyphs[index] + point - starts[index] != 0

    return covers


def _format_4(data: bytes, at: int) -> Coverage:
    (double_count,) = struct.unpack_from(">H", data, at + 6)
    count = double_count // 2
    ends = struct.unpack_from(f">{count}H", data, at + 14)
    starts = struct.unpack_from(f">{count}H", data, at + 16 + double_count)
    deltas = struct.unpack_from(f">{count}h", data, at + 16 + 2 * double_count)
    ranges_at = at + 16 + 3 * double_count
    ranges = struct.unpack_from(f">{count}H", data, ranges_at)

    def covers(point: int) -> bool:
        index = bisect.bisect_left(ends, point)
        if index >= count or starts[index] > point:
            return False
        if ranges[index] == 0:
            return (point + int(deltas[index])) & 0xFFFF != 0
        # idRangeOffset counts bytes from its own position to the glyph id array entry
        glyph_at = ranges_at + 2 * index + ranges[index] + 2 * (point - starts[index])
        (glyph,) = struct.unpack_from(">H", data, glyph_at)
        return int(glyph) != 0

    return covers


STYLE_CACHES.extend((_coverage.cache_clear, _scalable.cache_clear))
