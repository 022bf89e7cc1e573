"""The colours of the EPUB cover as one PNG palette (PNG 1.2, colour type 3, ``PLTE``).

The cover is flat colour and text: each solid colour once, and for each pair of text and ground
colours a ramp of the blends that antialiased glyph edges need. It is drawn as palette indices
on an 8-bit canvas and saved as an indexed-colour PNG, a third of the bytes of an RGB image to
compress, and a smaller file than RGB, without the cost of quantising an RGB drawing.
"""

from __future__ import annotations

import functools

LEVELS = 40  # blends per ramp: smooth edges, room for six colour pairs in 256 entries
PALETTE_SIZE = 256
LEVEL_OF = [round(value * (LEVELS - 1) / 255) for value in range(256)]
"""The ramp step of each glyph coverage value (0 to 255), for ``Image.point``."""
Color = tuple[int, int, int]


def rgb(value: str) -> Color:
    """``#RRGGBB`` as numbers."""
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def blend(ground: Color, ink: Color, share: float) -> Color:
    """``ink`` over ``ground`` at ``share`` coverage."""
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(ground, ink, strict=True))
    return red, green, blue


class Palette:
    """Palette entries handed out as the cover is drawn: solid colours and blend ramps."""

    def __init__(self) -> None:
        self.colors: list[Color] = []
        self.solids: dict[str, int] = {}
        self.ramps: dict[tuple[str, str], int] = {}

    def solid(self, color: str) -> int:
        """The index of ``color`` (``#RRGGBB``), added on first use."""
        if color not in self.solids:
            self.solids[color] = self._add([rgb(color)])
        return self.solids[color]

    def ramp(self, ground: str, ink: str) -> int:
        """The index of the first of the blends of ``ink`` over ``ground``: a glyph's pixel
        at ramp step ``LEVEL_OF[coverage]`` takes this index plus the step; each ramp has its
        own entries."""
        if (ground, ink) not in self.ramps:
            self.ramps[(ground, ink)] = self._add(list(ramp_colors(ground, ink)))
        return self.ramps[(ground, ink)]

    def flat(self) -> list[int]:
        """The entries as Pillow's ``putpalette`` takes them (R, G, B, R, G, B, ...)."""
        return [part for color in self.colors for part in color]

    def _add(self, colors: list[Color]) -> int:
        if len(self.colors) + len(colors) > PALETTE_SIZE:
            raise ValueError("the cover has more colours than a PNG palette holds")
        self.colors += colors
        return len(self.colors) - len(colors)


@functools.lru_cache(maxsize=32)
def ramp_colors(ground: str, ink: str) -> tuple[Color, ...]:
    """The ``LEVELS`` blends of ``ink`` over ``ground``, from none of it to all of it (kept:
    the covers of a brand use the same few pairs)."""
    low, high = rgb(ground), rgb(ink)
    return tuple(blend(low, high, step / (LEVELS - 1)) for step in range(LEVELS))
