"""The bracketed-span classes of briefexport's Markdown (``[text]{.smallcaps}``), one table for
the Markdown writer and the Markdown importer (pandoc's bracketed spans, see docs/markdown.md)."""

from __future__ import annotations

from typing import assert_never

from ..model import TextStyle


def span_class(style: TextStyle) -> str:
    """The span class that carries ``style`` in Markdown."""
    match style:
        case TextStyle.BOLD:
            return "bold"
        case TextStyle.ITALIC:
            return "italic"
        case TextStyle.UNDERLINE:
            return "underline"
        case TextStyle.SMALL_CAPS:
            return "smallcaps"
        case TextStyle.MONOSPACE:
            return "monospace"
        case TextStyle.SUPERSCRIPT:
            return "superscript"
        case TextStyle.SUBSCRIPT:
            return "subscript"
        case _:
            assert_never(style)


SPAN_STYLES = {span_class(style): style for style in TextStyle}
"""Every span class the importer reads as formatting."""
