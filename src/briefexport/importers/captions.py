"""Small rules about captions and quotations that every importer follows alike."""

from __future__ import annotations

from ..inlines import canonical
from ..model import Inline, Paragraph, Text


def label_prefix(label: str | None, caption: tuple[Inline, ...]) -> str:
    """A label printed before a caption: "Figure 2: ", or "Figure 2. " when it ends in a stop."""
    if not label:
        return ""
    if not caption:
        return label
    return f"{label} " if label[-1] in ".:" else f"{label}: "


def split_attribution(
    paragraphs: tuple[Paragraph, ...],
) -> tuple[tuple[Paragraph, ...], tuple[Inline, ...]]:
    """A last paragraph starting with a dash is the attribution (as pandoc writes one)."""
    last = paragraphs[-1].children
    first = last[0] if last else None
    if len(paragraphs) < 2 or not isinstance(first, Text):
        return paragraphs, ()
    for dash in ("\u2014 ", "\u2013 ", "-- "):
        if first.value.startswith(dash):
            rest = canonical((Text(first.value[len(dash) :]), *last[1:]))
            return paragraphs[:-1], rest
    return paragraphs, ()
