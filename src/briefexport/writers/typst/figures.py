"""The printed size of a figure, as the CSS of the WeasyPrint engine gives it.

CSS draws an image at one CSS pixel (0.75 pt) per image pixel, then ``pdf.css`` shrinks it to
the column width and at most 150 mm high; ``figure-image`` in ``house-body.typ`` applies the
same two limits, so a figure has the same size in both engines.
"""

from __future__ import annotations

import io

from ...model import Image

POINTS_PER_CSS_PIXEL = 0.75


def image_size(image: Image) -> tuple[float, float]:
    """Natural width and height of ``image`` in points."""
    from PIL import Image as PillowImage  # the reader has already imported and checked it

    with PillowImage.open(io.BytesIO(image.data)) as picture:
        width, height = picture.size
    return width * POINTS_PER_CSS_PIXEL, height * POINTS_PER_CSS_PIXEL
