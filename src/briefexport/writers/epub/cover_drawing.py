"""The EPUB cover drawn from the brief and the brand as a PNG image (PNG 1.2, ISO/IEC 15948).

The layout is the brand's (``[cover]`` of ``brand.toml``, :class:`~briefexport.shared.brand.Cover`):
a band of the brand's colour at the top holds the series label, under it a short rule, and at
its foot the title (shrunk for a long one) and the subtitle; below the band come the authors,
and at the foot of the cover, above a rule, the publisher and the date. A right-to-left brief
is mirrored: lines start at the right margin and the rule under the label sits at the right.
Titles are set in the bold of the heading families, the subtitle and the date in the body
families. The picture is drawn as palette indices (:mod:`.cover_palette`) and written as an
indexed-colour PNG (:mod:`.cover_png`), so the bytes depend on the brief, the brand and the
fonts only. The ink of the lines last drawn is kept for the next cover (:func:`coverage`): the
covers of a collection share their series label and publisher, often their date and authors.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageChops, ImageDraw, ImageFile  # noqa: F401  (tobytes imports it; here, before a worker forks)

from ...model import Brief
from ...shared.brand import Brand, FontRole
from ...shared.caches import STYLE_CACHES, FilesStamp, files_stamp
from ...shared.i18n import primary_language
from .cover_fonts import Face, drawable, drawing, face, folder_fonts
from .cover_lines import CoverWords, Measure, balanced, cover_words, cut
from .cover_palette import LEVEL_OF, Palette
from .cover_png import png

DRAWN = [0] + [255] * 255  # a paste mask: every pixel a glyph touches


class Block(NamedTuple):
    """Lines set in one face and colour: their baselines below the block's top, its height."""

    lines: list[str]
    face: Face
    size: float
    baselines: list[float]
    height: float
    fill: str
    ground: str


def baselines(lines: list[str], measure: Measure, size: float, step: float) -> list[float]:
    """Each line's baseline below the top: ``step`` apart, or further where the ink of two
    lines would come closer than a sixth of the size (Nastaliq's tall and deep letters). The
    ink is measured only for a face whose own line is much taller than ``step``: measuring
    loads every glyph, as drawing does."""
    ascent, descent = measure.face.getmetrics()
    if ascent + descent <= step * 1.2:
        return [size * 0.95 + index * step for index in range(len(lines))]
    found: list[float] = []
    below = 0.0  # the previous line's ink below its baseline
    for line in lines:
        above, depth = measure.extent(line)
        if not found:
            found.append(max(size * 0.95, above))
        else:
            found.append(found[-1] + max(step, below + above + size / 6))
        below = depth
    return found


class Cover:
    """One cover being drawn: the brand's numbers in pixels, the faces, the canvas."""

    def __init__(self, brand: Brand, words: CoverWords, in_folders: tuple[Path, ...]) -> None:
        self.brand, self.spec, self.words, self.in_folders = brand, brand.cover, words, in_folders
        self.width, self.height = self.spec.width, self.spec.height
        self.margin = self.percent(self.spec.margin)
        self.measure_width = self.width - 2 * self.margin
        self.palette = Palette()
        ground = self.palette.solid(brand.color(self.spec.background))
        self.canvas = Image.new("L", (self.width, self.height), ground)  # palette indices
        self.draw = ImageDraw.Draw(self.canvas)

    def percent(self, value: float) -> float:
        """Per cent of the cover's width, in pixels."""
        return value * self.width / 100

    def families(self, role: FontRole) -> tuple[str, ...]:
        """The brand's families for ``role`` in the brief's direction, then its fallbacks."""
        fonts = self.brand.fonts
        if self.words.rtl:
            script = "urdu" if primary_language(self.words.language) == "ur" else "rtl"
            own = fonts.stack(f"{script}_{role}")
        else:
            own = (*fonts.latin(role), *fonts.rtl(role, self.words.language))
        return tuple(dict.fromkeys((*own, *fonts.fallbacks())))

    def block(
        self, text: str, role: FontRole, size: float, color: str, *, bold: bool = False,
        most: int | None = None, ground: str = "",
    ) -> Block:  # fmt: skip
        """``text`` broken into lines of the measure at ``size`` per cent of the width, at
        most ``most`` of them."""
        pixels = max(round(self.percent(size)), 1)
        path = drawing(self.families(role), text, bold, self.in_folders)
        text, chosen = drawable(text, path), face(path, pixels)
        measure = Measure(chosen, self.words)
        lines = balanced(text, measure, self.measure_width) if text else []
        if most is not None:
            lines = cut(lines, most, measure, self.measure_width)
        lines_at = baselines(lines, measure, pixels, pixels * self.spec.line_height)
        height = lines_at[-1] + max(pixels * 0.25, chosen.getmetrics()[1]) if lines else 0
        colors = self.brand.color(color), self.brand.color(ground or self.spec.background)
        return Block(lines, chosen, pixels, lines_at, height, *colors)

    def title(self, room: float) -> Block:
        """The title at the largest size from ``title_size`` down to ``title_min_size`` at
        which it fits ``title_lines`` lines and ``room`` pixels; cut at the smallest."""
        spec, size = self.spec, self.spec.title_size
        while True:
            block = self.block(self.words.title, "heading", size, spec.band_text, bold=True,
                               ground=spec.band)  # fmt: skip
            fits = len(block.lines) <= spec.title_lines and block.height <= room
            if fits or size <= spec.title_min_size:
                break
            size = max(size * 0.92, spec.title_min_size)
        return self.fitted(room, self.words.title, "heading", size, spec.band_text, True, spec.band)

    def fitted(
        self, room: float, text: str, role: FontRole, size: float, color: str, bold: bool = False,
        ground: str = "",
    ) -> Block:  # fmt: skip
        """As :meth:`block`, cut to as many lines as fit ``room`` pixels (at least one)."""
        block = self.block(text, role, size, color, bold=bold, ground=ground)
        while block.height > room and len(block.lines) > 1:
            most = len(block.lines) - 1
            block = self.block(text, role, size, color, bold=bold, most=most, ground=ground)
        return block

    def put(self, block: Block, top: float) -> float:
        """Draw ``block`` from ``top``; the position below its last line. The lines are drawn
        as coverage on a strip of their own, then pasted as the ramp's indices where drawn:
        the index of the ramp's start plus each pixel's step."""
        pad = round(block.size * 0.6)  # ink beyond the block: accents over capitals
        start, end = max(round(top) - pad, 0), min(round(top + block.height) + pad, self.height)
        how = Measure(block.face, self.words)
        x, anchor = (self.width - self.margin, "rs") if self.words.rtl else (self.margin, "ls")
        lines = Lines(
            block.face, tuple(block.lines), tuple(top - start + at for at in block.baselines),
            x, anchor, (self.width, end - start), how.direction, how.language,
        )  # fmt: skip
        inked = coverage(lines)
        if inked is not None:  # only the ink's box is mapped to the ramp and pasted
            (left, upper), steps, mask = inked
            first = Image.new("L", steps.size, self.palette.ramp(block.ground, block.fill))
            self.canvas.paste(ImageChops.add(steps, first), (left, start + upper), mask)
        return top + block.height

    def rule(self, top: float, length: float, color: str) -> None:
        """A rule ``length`` pixels long at the line start, ``rule_width`` per cent thick."""
        thick = max(self.percent(self.spec.rule_width), 1.0)
        start = self.width - self.margin - length if self.words.rtl else self.margin
        box = (round(start), round(top), round(start + length), round(top + thick))
        self.draw.rectangle(box, fill=self.palette.solid(self.brand.color(color)))


class Lines(NamedTuple):
    """Lines of one face as drawn on a strip: baselines from the strip's top, the x of their
    start (their end right to left) and the anchor that says which, the strip's size, the
    direction and language of raqm."""

    face: Face
    lines: tuple[str, ...]
    baselines: tuple[float, ...]
    x: float
    anchor: str
    size: tuple[int, int]
    direction: str | None
    language: str | None


Inked = tuple[tuple[int, int], Image.Image, Image.Image]
"""The top left corner of the ink's box on the strip, each pixel's step on a colour ramp
(:data:`.cover_palette.LEVEL_OF` of its glyph coverage) and the paste mask."""


@functools.lru_cache(maxsize=8)  # a cover draws 7 blocks, most of them again on the next
def coverage(lines: Lines) -> Inked | None:
    """The ink of ``lines``, or None when nothing shows; kept for the next cover, where the
    series label, the publisher and often more come out the same."""
    strip = Image.new("L", lines.size, 0)
    draw = ImageDraw.Draw(strip)
    for line, baseline in zip(lines.lines, lines.baselines, strict=True):
        draw.text((lines.x, baseline), line, 255, lines.face, lines.anchor,
                  direction=lines.direction, language=lines.language)  # fmt: skip
    ink = strip.getbbox()
    if ink is None:
        return None
    strip = strip.crop(ink)
    return (ink[0], ink[1]), strip.point(LEVEL_OF), strip.point(DRAWN)


def draw_band(cover: Cover) -> None:
    """The coloured band: series label and rule at its head, title and subtitle at its foot."""
    spec, words = cover.spec, cover.words
    band = round(spec.band_height * cover.height / 100)
    cover.draw.rectangle(
        (0, 0, cover.width, band), fill=cover.palette.solid(cover.brand.color(spec.band))
    )
    on = spec.band
    label = cover.block(
        words.series, "heading", spec.series_size, spec.band_text, most=2, ground=on
    )
    below = cover.put(label, cover.margin)
    cover.rule(below + label.size * 0.6, cover.percent(14), spec.band_muted)
    head = below + label.size * 0.6 + 2 * cover.percent(spec.rule_width) + cover.margin * 0.6
    foot = band - cover.margin * 0.8
    subtitle = cover.block(
        words.subtitle, "body", spec.subtitle_size, spec.band_muted, most=3, ground=on
    )
    gap = subtitle.size * 0.7 if subtitle.lines else 0.0
    title = cover.title(foot - head - subtitle.height - gap)
    top = max(foot - subtitle.height - gap - title.height, head)
    cover.put(subtitle, cover.put(title, top) + gap)


def draw_foot(cover: Cover) -> None:
    """Authors under the band; the publisher and the date above the bottom margin."""
    spec, words = cover.spec, cover.words
    band = spec.band_height * cover.height / 100
    date = cover.block(words.date, "body", spec.imprint_size, spec.muted)
    publisher = cover.block(
        words.publisher, "heading", spec.imprint_size, spec.text, bold=True, most=2
    )
    imprint = cover.height - cover.margin - date.height - publisher.height
    cover.rule(imprint - publisher.size * 0.9, cover.measure_width, spec.rule)
    cover.put(date, cover.put(publisher, imprint))
    top = band + cover.margin * 0.8
    room = imprint - publisher.size * 1.8 - top
    authors = cover.fitted(room, words.authors, "heading", spec.authors_size, spec.text)
    if authors.height <= room:
        cover.put(authors, top)


def cover_png(brief: Brief, brand: Brand, style_dir: Path) -> bytes:
    """The cover of ``brief`` as PNG bytes; drawn once for a brief that a run writes more
    than once (``--to all`` puts the EPUB in the deposit packages too)."""
    folders = tuple((style_dir / name).resolve() for name in brand.fonts.folders)
    in_folders = folder_fonts(folders)
    return _drawn(cover_words(brief), brand, in_folders, files_stamp(in_folders))


@functools.lru_cache(maxsize=4)
def _drawn(
    words: CoverWords, brand: Brand, in_folders: tuple[Path, ...], _stamp: FilesStamp
) -> bytes:
    cover = Cover(brand, words, in_folders)
    draw_band(cover)
    draw_foot(cover)
    return png(cover.canvas, cover.palette.flat())


STYLE_CACHES.extend((_drawn.cache_clear, coverage.cache_clear))
