"""Pictures of a Word document as the brief's figures.

The picture's bytes are taken from the package and must be a PNG, JPEG, GIF or WebP image that
every writer can embed (EMF, WMF, TIFF and SVG pictures are reported and left out, their caption
kept as a paragraph, or its alt text when it has no caption); so are linked pictures ("Link to
File", or an image relationship whose target is outside the package): nothing outside the
document is read. The alt text is the picture's description (``wp:docPr/@descr``, or its
title); without one the caption serves, with a warning. Figures are named
``figures/<document>-<n>.<ext>`` and written beside the imported brief.
"""

from __future__ import annotations

from typing import Any

from ...inlines import plain_text
from ...model import Figure, Image, Inline
from ...resources import IMAGE_TYPES, MAX_IMAGE_BYTES, image_problem
from .inline import Reading
from .items import images

SUFFIXES = {media_type: suffix for suffix, media_type in reversed(IMAGE_TYPES.items())}


def figure_from(
    paragraph: Any, label: str | None, caption: tuple[Inline, ...], name: str, reading: Reading
) -> Figure | None:
    """The figure a picture paragraph holds, or None (reported) when it cannot be one."""
    found = images(paragraph)
    if len(found) > 1:
        reading.repeated("only the first picture of a paragraph is kept")
    picture = found[0]
    media_type = str(picture.content_type or "")
    data = _bytes(picture, media_type, reading)
    if data is None:
        return None
    alt = alt_text(paragraph, reading)
    if not alt:
        alt = plain_text(caption) or label or "Figure"
        message = "picture without alt text; its caption serves as alt text"
        reading.problems.warning(reading.line, message)
    href = f"figures/{name}{SUFFIXES[media_type]}"
    return Figure(None, label, caption, Image(href, alt, media_type, data))


def alt_text(paragraph: Any, reading: Reading) -> str:
    """The alt text of the paragraph's first picture, white space collapsed (empty when it has
    none)."""
    alt = " ".join(str(images(paragraph)[0].alt_text or "").split())
    reading.refuse_forbidden(alt)
    return alt


def _bytes(picture: Any, media_type: str, reading: Reading) -> bytes | None:
    """The picture's bytes when every writer can embed them; None (reported) otherwise."""
    if media_type not in SUFFIXES:
        problem: str | None = f"of type {media_type or 'unknown'} cannot be embedded"
        data: bytes | None = b""
    else:
        data = _read(picture)
        if data is None:
            problem = "is linked to a file outside the document, not embedded in it"
        else:
            too_large = len(data) > MAX_IMAGE_BYTES
            problem = "is larger than allowed" if too_large else image_problem(data, media_type)
    if problem:
        message = f"picture {problem}; left out, its caption is kept as text"
        reading.problems.warning(reading.line, message)
        return None
    return data


def _read(picture: Any) -> bytes | None:
    """The bytes of an embedded picture; None for a linked one ("Link to File", or a relationship
    whose target is outside the package). mammoth refuses to open files outside the package,
    and its reading of an external target as a part name finds no such part."""
    try:
        with picture.open() as stream:
            return bytes(stream.read(MAX_IMAGE_BYTES + 1))
    except (KeyError, OSError, ValueError):  # ValueError: mammoth's InvalidFileReferenceError
        return None
