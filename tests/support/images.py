"""Small PNG files built in code (PNG 1.2: signature, IHDR, pHYs, IDAT, IEND chunks).

Tests need sound images of a known size and resolution without shipping binary fixtures.
"""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, body: bytes) -> bytes:
    checksum = struct.pack(">I", zlib.crc32(kind + body))
    return struct.pack(">I", len(body)) + kind + body + checksum


def png(width: int, height: int, dpi: int = 96, grey: int = 0x80) -> bytes:
    """An 8-bit greyscale PNG of one grey level, ``width`` by ``height`` pixels at ``dpi``."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = b"\x00" + bytes([grey]) * width  # filter type 0, then the pixels
    pixels = zlib.compress(row * height)
    per_metre = round(dpi / 0.0254)
    physical = struct.pack(">IIB", per_metre, per_metre, 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"pHYs", physical)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def undecodable_png(width: int = 100, height: int = 100) -> bytes:
    """A PNG whose headers and checksums are sound but whose pixel data is not zlib data: only
    decoding the pixels shows the damage."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"these bytes are not zlib data" * 8)
        + _chunk(b"IEND", b"")
    )


def truncated_jpeg() -> bytes:
    """A baseline JPEG of a gradient, cut off two thirds of the way through: its headers are
    whole, its entropy-coded data is not."""
    import io

    from PIL import Image

    stream = io.BytesIO()
    Image.radial_gradient("L").convert("RGB").save(stream, "JPEG", quality=95)
    whole = stream.getvalue()
    return whole[: len(whole) * 2 // 3]


def invalid_apng(width: int = 40, height: int = 30) -> bytes:
    """A sound PNG with an animation control chunk that announces no frames: Pillow reads the
    still image and raises a Python ``UserWarning`` each time it opens the file."""
    still = png(width, height)
    after_header = still.index(b"pHYs") - 4
    control = _chunk(b"acTL", struct.pack(">II", 0, 0))
    return still[:after_header] + control + still[after_header:]
