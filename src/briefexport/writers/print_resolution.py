"""How finely a raster figure prints in the PDF, and a warning when it is too coarse.

Both PDF engines size a figure alike (``styles/pdf.css``, ``figure-image`` in the Typst house
style): one CSS pixel (0.75 pt, so 96 per inch) per image pixel, shrunk to the column width and
to at most 150 mm high. An image narrower than the column therefore prints at 96 pixels per
inch, whatever resolution its file declares (:func:`image_size` gives that natural size, which
the Typst engine lays the figure out from).

The floor is 150 pixels per inch at the printed size: below it a chart's lines and lettering
look soft on paper; 300 is print quality, which few briefs' charts reach and which would flag
almost every figure. A vector image has no resolution and is never warned about (the reader
accepts raster images alone, each checked to decode; a brief made in Python may hold an SVG).
Each image is opened once per write: the sizes found for the warning are handed to the engine
that lays the figures out (:data:`PixelSizes`).
"""

from __future__ import annotations

import io
import logging

from ..model import Brief, Figure, Image
from ..options import WriteOptions
from ..shared.located import at

LOGGER = logging.getLogger(__name__)
MIN_PPI = 150
"""Pixels per inch at the printed size below which a raster figure is warned about."""
POINTS_PER_PIXEL = 0.75
MAX_HEIGHT_PT = 150 / 25.4 * 72
POINTS_PER_INCH = 72
VECTOR_TYPES = frozenset({"image/svg+xml"})

PixelSizes = dict[bytes, tuple[int, int]]
"""The pixel sizes of the images one write has opened, by their bytes."""


def column_width(options: WriteOptions) -> float:
    """The width of the text column in points: the paper's width less the side margins."""
    page = options.brand.page
    width, _ = (options.paper or page.size).millimetres
    return (width - page.margin_inner - page.margin_outer) / 25.4 * POINTS_PER_INCH


def image_pixels(image: Image, known: PixelSizes) -> tuple[int, int]:
    """Width and height of ``image`` in pixels, opened only if ``known`` lacks it."""
    size = known.get(image.data)
    if size is None:
        from PIL import Image as PillowImage  # the reader has already imported and checked it

        with PillowImage.open(io.BytesIO(image.data)) as picture:
            size = known[image.data] = picture.size
    return size


def image_size(image: Image, known: PixelSizes) -> tuple[float, float]:
    """Natural width and height of ``image`` in points (one CSS pixel per image pixel)."""
    width, height = image_pixels(image, known)
    return width * POINTS_PER_PIXEL, height * POINTS_PER_PIXEL


def printed_ppi(pixels: tuple[int, int], column: float) -> float:
    """Pixels per inch of an image of ``pixels`` (width, height) as the house style prints it
    in a column ``column`` points wide: 96 at its natural size, more as it is shrunk."""
    width, height = (side * POINTS_PER_PIXEL for side in pixels)
    scale = min(1.0, column / width, MAX_HEIGHT_PT / height)
    return POINTS_PER_INCH / POINTS_PER_PIXEL / scale


def figure_ppi(figure: Figure, column: float, known: PixelSizes) -> float | None:
    """The printed resolution of a raster figure; None for a vector one or one without data."""
    image = figure.image
    if image.media_type in VECTOR_TYPES or not image.data:
        return None
    return printed_ppi(image_pixels(image, known), column)


def warn_low_resolution(
    brief: Brief, options: WriteOptions, known: PixelSizes | None = None
) -> None:
    """One warning, at its graphic, per raster figure that prints below :data:`MIN_PPI`; the
    sizes found are added to ``known``."""
    known = {} if known is None else known
    column = column_width(options)
    for figure in brief.figures:
        ppi = figure_ppi(figure, column, known)
        if ppi is not None and ppi < MIN_PPI:
            href = figure.image.href
            name = f"{figure.label} ({href})" if figure.label else href
            message = "PDF: %s prints at %d pixels per inch, below %d: use a larger image"
            where = figure.image.source or figure.source
            LOGGER.warning(message, name, round(ppi), MIN_PPI, extra=at(where))
