"""The ascent and descent CSS centres in a line box, read from the fonts the brand resolves to.

CSS 2.1 (10.8.1) gives every line a strut: the ascent and descent of the block's first font,
with half the leading (``line-height`` less their sum) above and half below, and each inline
box of another font a box of its own, centred the same way; the line box holds them all. The
WeasyPrint engine takes a font's ascent and descent from Pango, which asks HarfBuzz: the OS/2
table's typographic ascender and descender when its USE_TYPO_METRICS flag (``fsSelection``
bit 7) is set, else the ``hhea`` table's ascender and descender (a font with neither falls back
to OS/2's Windows values, as ttf-parser, Typst's font reader, does). The three tables are read
from the file's table directory (:func:`briefexport.shared.cmap.table_directory`; importing
fontTools would cost more than the whole lookup), once per process and state of the file
(:mod:`briefexport.shared.caches`).

The house files (``house-lines.typ``) get them as one ``#let font-metrics`` dictionary, in ems, per
role: ``body``, ``body-bold``, ``heading`` and ``heading-bold`` (titles, section headings and
strong words are bold, and a family's bold face may stand taller), the same with ``rtl-`` for
right-to-left text (Urdu's families when the brand prints Urdu in them), and ``cjk`` for
Chinese, Japanese and Korean letters, which no Latin font draws. Each role's family is the
first of its list Typst indexed for the brief, its face the upright one of the weight nearest
to the role's.
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path
from typing import BinaryIO, NamedTuple

import typst

from ...shared.brand import Brand
from ...shared.caches import STYLE_CACHES, FileStamp, file_stamp
from ...shared.cmap import table_directory
from ...shared.i18n import primary_language
from .fonts import CJK_SCRIPTS, rtl_families
from .markup import dictionary

USE_TYPO_METRICS = 1 << 7
REGULAR, BOLD = 400, 700


class Metrics(NamedTuple):
    """A face's ascent above and descent below the baseline, in ems (both positive)."""

    ascent: float
    descent: float

    def typst(self) -> str:
        return f"(ascent: {self.ascent:.6g}, descent: {self.descent:.6g})"


# For a role with no face of its own (Typst's bundled fonts only): the house fonts' values.
HOUSE_METRICS = Metrics(1.069, 0.293)


def face_metrics(path: Path, index: int = 0) -> Metrics:
    """The ascent and descent CSS uses for the face ``index`` of the font file at ``path``."""
    return _read_metrics(path, index, file_stamp(path))


@functools.lru_cache(maxsize=64)
def _read_metrics(path: Path, index: int, _stamp: FileStamp | None) -> Metrics:
    try:
        with path.open("rb") as font:
            tables = {tag: offset for tag, (offset, _) in table_directory(font, index).items()}
            (units,) = _fields(font, tables[b"head"], 18, ">H")
            ascent, descent = _fields(font, tables[b"hhea"], 4, ">hh")
            os2 = tables.get(b"OS/2")
            if os2 is not None:
                selection, *typo, _, win_ascent, win_descent = _fields(font, os2, 62, ">H4xhhhHH")
                if selection & USE_TYPO_METRICS:
                    ascent, descent = typo
                elif not (ascent or descent):
                    ascent, descent = win_ascent, win_descent
    except (OSError, struct.error, KeyError):
        return HOUSE_METRICS
    return Metrics(abs(ascent) / units, abs(descent) / units)


def _fields(font: BinaryIO, table: int, at: int, layout: str) -> tuple[int, ...]:
    """The values of ``layout`` (:mod:`struct`) at ``at`` bytes into the table at ``table``."""
    font.seek(table + at)
    return struct.unpack(layout, font.read(struct.calcsize(layout)))


STYLE_CACHES.append(_read_metrics.cache_clear)


def family_metrics(fonts: typst.Fonts, families: tuple[str, ...], weight: int) -> Metrics:
    """The metrics of the first of ``families`` that Typst indexed, in its upright face of
    the weight nearest to ``weight``."""
    faces = _faces(fonts)
    for family in families:
        found = faces.get(family.lower())
        if found:
            info = min(found, key=lambda face: abs(face.weight - weight))
            return face_metrics(Path(info.path or ""), info.index)
    return HOUSE_METRICS


@functools.lru_cache(maxsize=8)
def _faces(fonts: typst.Fonts) -> dict[str, list[typst.FontInfo]]:
    """The upright faces of each family of Typst's index that are read from a file."""
    faces: dict[str, list[typst.FontInfo]] = {}
    for info in fonts.fonts():
        if info.path and info.style == "normal":
            faces.setdefault(info.family.lower(), []).append(info)
    return faces


STYLE_CACHES.append(_faces.cache_clear)


def role_metrics(brand: Brand, fonts: typst.Fonts, language: str) -> dict[str, Metrics]:
    """The metrics of every role the house files know (see the module docstring)."""
    lists = brand.fonts
    roles: dict[str, tuple[tuple[str, ...], int]] = {
        "body": (lists.latin("body"), REGULAR),
        "body-bold": (lists.latin("body"), BOLD),
        "heading": (lists.latin("heading"), REGULAR),
        "heading-bold": (lists.latin("heading"), BOLD),
        "rtl-body": (rtl_families(brand, "body", language), REGULAR),
        "rtl-body-bold": (rtl_families(brand, "body", language), BOLD),
        "rtl-heading": (rtl_families(brand, "heading", language), REGULAR),
        "rtl-heading-bold": (rtl_families(brand, "heading", language), BOLD),
        "cjk": (lists.cjk, REGULAR),
    }
    return {role: family_metrics(fonts, *wanted) for role, wanted in roles.items()}


def metrics_dictionary(brand: Brand, fonts: typst.Fonts, language: str) -> str:
    """:func:`role_metrics` as a Typst dictionary literal, made once per brand, index of fonts
    (a new one once a font file changes) and kind of language (Urdu or not)."""
    return _dictionary(brand, fonts, "ur" if primary_language(language) == "ur" else "")


@functools.lru_cache(maxsize=8)
def _dictionary(brand: Brand, fonts: typst.Fonts, language: str) -> str:
    metrics = role_metrics(brand, fonts, language)
    return dictionary({role: values.typst() for role, values in metrics.items()})


STYLE_CACHES.append(_dictionary.cache_clear)


def cjk_pattern() -> str:
    """The letters of :data:`.fonts.CJK_SCRIPTS` as a Typst regular expression, runs of them."""
    ranges = "".join(f"\\u{{{first:x}}}-\\u{{{last:x}}}" for first, last in CJK_SCRIPTS)
    return f"[{ranges}]+"
