"""Figures: an inline picture with alt text (``wp:docPr/@descr``, ECMA-376 Part 1, 20.4.2.5)
followed by its caption in the Figure Caption style.

Word cannot show SVG or WebP without a raster fallback; such figures, and images python-docx
cannot read, are replaced by their alt text in the Figure style, and a warning says so.
"""

from __future__ import annotations

import io
import logging
import struct

from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml.ns import qn
from docx.shared import Emu

from ...model import Figure
from ...shared.located import at
from . import stylemap as sm
from .context import Context
from .tables import FIGURE_SEQUENCE, caption, text_width
from .xml import Element, RunFormat, paragraph, text_run, w

LOG = logging.getLogger(__name__)
WORD_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})
IMAGE_ERRORS = (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
    ValueError,
    struct.error,
    IndexError,
)


def figure_to_docx(ctx: Context, figure: Figure) -> list[Element]:
    """The picture paragraph, then the caption."""
    node = paragraph(ctx.style(sm.FIGURE), ctx.rtl)
    picture = picture_run(ctx, figure) if figure.image.media_type in WORD_IMAGE_TYPES else None
    if picture is None:
        message = "docx: image %s cannot be shown in Word; alt text instead"
        LOG.warning(message, figure.image.href, extra=at(figure.source))
        node.append(text_run(figure.image.alt_text, RunFormat(rtl=ctx.rtl).properties()))
    else:
        node.append(picture)
    if not figure.label and not figure.caption:
        return [node]
    return [node, caption(ctx, figure.label, figure.caption, FIGURE_SEQUENCE)]


def picture_run(ctx: Context, figure: Figure) -> Element | None:
    """A run holding the picture, no wider than the text column."""
    part = ctx.document.part
    try:
        inline = part.new_pic_inline(io.BytesIO(figure.image.data))
    except IMAGE_ERRORS:
        return None  # not an image python-docx can measure: damaged or an unusual variant
    extent = inline.extent
    limit = text_width(ctx)
    if extent.cx > limit:
        extent.cy, extent.cx = Emu(extent.cy * limit // extent.cx), Emu(limit)
        for ext in inline.iter(qn("a:ext")):
            ext.set("cx", str(extent.cx))
            ext.set("cy", str(extent.cy))
    for properties in (inline.docPr, *inline.iter(qn("pic:cNvPr"))):
        properties.set("descr", figure.image.alt_text)
    run = w("r")
    drawing = w("drawing")
    drawing.append(inline)
    run.append(drawing)
    return run
