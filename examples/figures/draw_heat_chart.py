"""Draw the bar chart used by examples/feature-tour.xml (Figure 1).

Run from the repository root: ``python examples/figures/draw_heat_chart.py``.
The figures are invented for the example. The PNG is committed; this script only documents
how it was made and can redraw it (Pillow, DejaVu Sans from the fonts-dejavu package).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CALLS_PER_100K = {2019: 14, 2020: 11, 2021: 19, 2022: 27, 2023: 24, 2024: 33, 2025: 38}
SCALE = 2
"""Pixels per unit of the drawing: 1,600 pixels across print at about 240 per inch over the
brief's column, above the 150 below which the PDF writers warn."""
WIDTH, HEIGHT = 800 * SCALE, 450 * SCALE
MARGIN_LEFT, MARGIN_RIGHT = 80 * SCALE, 30 * SCALE
MARGIN_TOP, MARGIN_BOTTOM = 60 * SCALE, 60 * SCALE
SCALE_MAX = 40
BAR_COLOUR = (196, 78, 38)
AXIS_COLOUR = (60, 60, 60)
GRID_COLOUR = (220, 220, 220)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
OUTPUT = Path(__file__).with_name("heat-calls.png")


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size * SCALE)
    except OSError:
        return ImageFont.load_default()


def y_of(value: float) -> float:
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    return HEIGHT - MARGIN_BOTTOM - value / SCALE_MAX * plot_height


def draw_grid(draw: ImageDraw.ImageDraw) -> None:
    for value in range(0, SCALE_MAX + 1, 10):
        y = y_of(value)
        draw.line([(MARGIN_LEFT, y), (WIDTH - MARGIN_RIGHT, y)], fill=GRID_COLOUR, width=SCALE)
        label = str(value)
        draw.text((MARGIN_LEFT - 10 * SCALE, y), label, AXIS_COLOUR, font(14), anchor="rm")
    bottom = HEIGHT - MARGIN_BOTTOM
    axes = [(MARGIN_LEFT, MARGIN_TOP), (MARGIN_LEFT, bottom), (WIDTH - MARGIN_RIGHT, bottom)]
    draw.line(axes, fill=AXIS_COLOUR, width=2 * SCALE, joint="curve")


def draw_bars(draw: ImageDraw.ImageDraw) -> None:
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(CALLS_PER_100K)
    for index, (year, value) in enumerate(CALLS_PER_100K.items()):
        left = MARGIN_LEFT + index * slot + slot * 0.2
        right = left + slot * 0.6
        draw.rectangle([(left, y_of(value)), (right, y_of(0))], fill=BAR_COLOUR)
        centre = (left + right) / 2
        label_font = font(14)
        draw.text(
            (centre, y_of(value) - 6 * SCALE), str(value), AXIS_COLOUR, label_font, anchor="mb"
        )
        draw.text((centre, y_of(0) + 8 * SCALE), str(year), AXIS_COLOUR, label_font, anchor="mt")


def main() -> None:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    title = "Heat-related emergency calls per 100,000 residents"
    draw.text(
        (WIDTH / 2, 24 * SCALE), title, fill=AXIS_COLOUR, font=font(18, bold=True), anchor="mm"
    )
    draw_grid(draw)
    draw_bars(draw)
    image.quantize(colors=32).save(OUTPUT, optimize=True)


if __name__ == "__main__":
    main()
