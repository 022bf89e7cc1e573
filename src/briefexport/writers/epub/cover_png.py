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

SIGNATURE = b"\x89PNG\r\n\x1a\n"
ADLER = 65521
# zlib's run-length strategy: a third of the work of the default strategy at level 6 for the
# inked rows, in a file about a quarter larger (49 kB against 39 kB for the feature tour)
LEVEL, STRATEGY = 9, zlib.Z_RLE


def png(pixels: bytes, width: int, height: int, palette: list[int]) -> bytes:
    """The PNG of ``pixels`` (one palette index a byte, rows top to bottom)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit indices, no interlace
    chunks = [chunk(b"IHDR", header), chunk(b"PLTE", bytes(palette))]
    chunks += [chunk(b"IDAT", image_data(pixels, width, height)), chunk(b"IEND", b"")]
    return SIGNATURE + b"".join(chunks)


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def image_data(pixels: bytes, width: int, height: int) -> bytes:
    """The zlib stream of the filtered rows."""
    parts, checksum = [b"\x78\x9c"], 1  # deflate, 32 KiB window, default level
    for inked, rows in row_runs(pixels, width, height):
        if inked:
            compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 8, STRATEGY)
            parts.append(compressor.compress(rows) + compressor.flush(zlib.Z_SYNC_FLUSH))
            checksum = zlib.adler32(rows, checksum)
        else:
            count = len(rows) // (width + 1)
            parts += [zero_rows(width, run) for run in powers_of_two(count)]
            checksum = zeros_adler32(checksum, width, count)
    parts.append(b"\x03\x00")  # an empty final block with fixed codes
    parts.append(struct.pack(">I", checksum))
    return b"".join(parts)


def row_runs(pixels: bytes, width: int, height: int) -> Iterator[tuple[bool, bytes]]:
    """Filtered rows in runs: rows as they are (filter 0), or rows that repeat the row above
    (filter 2, all zeros)."""
    run: list[bytes] = []
    previous, repeats = b"", False
    for top in range(0, width * height, width):
        row = pixels[top : top + width]
        same = row == previous
        if run and same != repeats:
            yield not repeats, b"".join(run)
            run = []
        run.append(b"\x02" + bytes(width) if same else b"\x00" + row)
        previous, repeats = row, same
    if run:
        yield not repeats, b"".join(run)


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
