"""An indexed-colour PNG of the cover (PNG 1.2 / ISO/IEC 15948: ``IHDR``, ``PLTE``, ``IDAT``,
``IEND``; no time, text or resolution chunk), written so that its blank rows cost nothing.

Most of a cover's rows repeat the row above (the flat band, the white below it). Such a row is
stored with PNG's "Up" filter (type 2), which makes it all zeros, and runs of such rows are
compressed once per process, in runs of a power of two rows, each as deflate blocks of their own
(RFC 1951) ended by a sync flush, so that they can be laid side by side in one zlib stream (RFC
1950) whose Adler-32 is carried across them by arithmetic (:func:`zeros_adler32`). The other
rows are compressed as they come, each run by a compressor of its own.
"""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Iterator

from PIL import Image

SIGNATURE = b"\x89PNG\r\n\x1a\n"
ADLER = 65521
# zlib's run-length strategy: a third of the work of the default strategy at level 6 for the
# inked rows, in a file about a quarter larger (49 kB against 39 kB for the feature tour)
LEVEL, STRATEGY = 9, zlib.Z_RLE


def png(indices: Image.Image, palette: list[int]) -> bytes:
    """The PNG of ``indices``, an 8-bit image of palette indices."""
    width, height = indices.size
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit indices, no interlace
    chunks = [chunk(b"IHDR", header), chunk(b"PLTE", bytes(palette))]
    chunks += [chunk(b"IDAT", image_data(indices)), chunk(b"IEND", b"")]
    return SIGNATURE + b"".join(chunks)


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def image_data(indices: Image.Image) -> bytes:
    """The zlib stream of the filtered rows."""
    width = indices.width
    pixels = indices.tobytes()
    parts, checksum = [b"\x78\x9c"], 1  # deflate, 32 KiB window, default level
    for inked, start, end in row_runs(pixels, width):
        if inked:
            run = unfiltered_rows(pixels, width, start, end)
            compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 8, STRATEGY)
            parts.append(compressor.compress(run) + compressor.flush(zlib.Z_SYNC_FLUSH))
            checksum = zlib.adler32(run, checksum)
        else:
            parts += [zero_rows(width, count) for count in powers_of_two(end - start)]
            checksum = zeros_adler32(checksum, width, end - start)
    parts.append(b"\x03\x00")  # an empty final block with fixed codes
    parts.append(struct.pack(">I", checksum))
    return b"".join(parts)


def unfiltered_rows(pixels: bytes, width: int, start: int, end: int) -> bytes:
    """Rows ``start`` to ``end`` (exclusive) of ``pixels`` as they are, each after its filter
    type byte 0."""
    rows = (pixels[at : at + width] for at in range(start * width, end * width, width))
    return b"\x00" + b"\x00".join(rows)


def row_runs(rows: bytes, stride: int) -> Iterator[tuple[bool, int, int]]:
    """Runs of ``rows`` (``stride`` bytes each, no filter type byte), by first row and the row
    after the last:
    rows kept as they are (filter 0), or rows that repeat the row above (filter 2, all
    zeros)."""
    previous, start, repeats = b"", 0, False
    for row, at in enumerate(range(0, len(rows), stride)):
        line = rows[at : at + stride]
        same = line == previous
        if row and same != repeats:
            yield not repeats, start, row
            start = row
        previous, repeats = line, same
    yield not repeats, start, len(rows) // stride


def powers_of_two(count: int) -> list[int]:
    return [1 << bit for bit in range(count.bit_length()) if count >> bit & 1]


@functools.lru_cache(maxsize=64)
def zero_rows(width: int, count: int) -> bytes:
    """``count`` Up-filtered zero rows as deflate blocks ending on a byte boundary."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 8, STRATEGY)
    data = (b"\x02" + bytes(width)) * count
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def zeros_adler32(checksum: int, width: int, count: int) -> int:
    """The Adler-32 ``checksum`` carried over ``count`` Up-filtered zero rows (``2, 0, 0, ...``,
    ``width`` zeros): each row adds 2 to the first sum, then the new first sum to the second
    once for each of its ``width + 1`` bytes."""
    first, second = checksum & 0xFFFF, checksum >> 16
    second = (second + (width + 1) * (count * first + count * (count + 1))) % ADLER
    return (first + 2 * count) % ADLER | second << 16
