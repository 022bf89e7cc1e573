"""Dark colours for the web page, derived from the brand's (``prefers-color-scheme: dark``).

The brand gives colours for dark text on white paper. For a dark background its accent and
link colours are mixed with white until they read, its muted and rule colours too, and a
neutral near-black background with light text replaces the page's. ``html.css`` uses the
``--dark-*`` custom properties inside its ``@media (prefers-color-scheme: dark)`` block.
"""

from __future__ import annotations

from ...shared.brand import Colors

BACKGROUND = "#16181C"
TEXT = "#E6E6E6"
WHITE, BLACK = (255, 255, 255), (0, 0, 0)


def mix(color: str, other: tuple[int, int, int], share: float) -> str:
    """``color`` (``#RRGGBB``) with ``share`` of ``other`` mixed in, as ``#RRGGBB``."""
    own = tuple(int(color[index : index + 2], 16) for index in (1, 3, 5))
    mixed = (round(a * (1 - share) + b * share) for a, b in zip(own, other, strict=True))
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def dark_properties(colors: Colors) -> dict[str, str]:
    """The ``--dark-*`` custom properties for a brand's colours."""
    return {
        "--dark-background": BACKGROUND,
        "--dark-text": TEXT,
        "--dark-accent": mix(colors.accent, WHITE, 0.55),
        "--dark-link": mix(colors.link, WHITE, 0.55),
        "--dark-muted": mix(colors.muted, WHITE, 0.45),
        "--dark-rule": mix(colors.rule, BLACK, 0.35),
        "--dark-fill": mix(colors.accent, BLACK, 0.55),
    }
