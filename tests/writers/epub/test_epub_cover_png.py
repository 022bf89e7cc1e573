"""The cover's PNG writer: the pixels and palette read back as written, blank rows stored once
per process, the Adler-32 carried over them by arithmetic as zlib computes it."""

from __future__ import annotations

import io
import random
import zlib

import pytest
from PIL import Image

from briefexport.writers.epub.cover_png import png, zeros_adler32
from support.covers import png_chunks


def picture(width: int, height: int, seed: int) -> bytes:
    """Rows of indices: runs of one repeated row, between rows of noise (text)."""
    rng = random.Random(seed)
    rows, row = [], bytes(width)
    for _ in range(height):
        if rng.random() < 0.3:
            row = bytes(rng.randrange(6) for _ in range(width))
        rows.append(row)
    return b"".join(rows)


@pytest.mark.parametrize(("width", "height", "seed"), [(1, 1, 0), (37, 90, 1), (300, 64, 2)])
def test_the_pixels_and_palette_read_back(width: int, height: int, seed: int) -> None:
    pixels = picture(width, height, seed)
    palette = [value for index in range(6) for value in (index * 40, 255 - index, 7)]
    data = png(Image.frombytes("L", (width, height), pixels), palette)
    assert png_chunks(data) == ["IHDR", "PLTE", "IDAT", "IEND"]
    image = Image.open(io.BytesIO(data))
    image.load()  # zlib checks the Adler-32, Pillow each chunk's CRC
    assert (image.mode, image.size) == ("P", (width, height))
    assert image.tobytes() == pixels
    assert image.getpalette() == palette


@pytest.mark.parametrize(("width", "count"), [(1, 1), (5, 3), (1400, 1), (1400, 1024)])
@pytest.mark.parametrize("start", [1, 0x00010001, 0xFFF0FFF0])
def test_the_checksum_over_blank_rows_is_zlibs(width: int, count: int, start: int) -> None:
    rows = (b"\x02" + bytes(width)) * count
    assert zeros_adler32(start, width, count) == zlib.adler32(rows, start)
