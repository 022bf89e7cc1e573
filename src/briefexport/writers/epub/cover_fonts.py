"""The faces the EPUB cover is drawn in: the brand's font lists resolved to files.

A family's files are those of the brand's font folders (``[fonts] folders``, matched by the
family and style names FreeType reads from each file) before the installed ones
(:mod:`briefexport.shared.fontfiles`). For each line of text the first family of the list whose
face draws every character of it is taken (its ``cmap``, :mod:`briefexport.shared.cmap`), else
the one drawing most. Files, names and loaded faces are kept for the process, keyed by the
files' states, as the other writers keep theirs. Text is laid out by raqm (HarfBuzz and FriBidi:
Arabic joining, Indic shaping, bidirectional runs) when Pillow has it, else by Pillow's basic
layout, which shapes nothing (:func:`shapes_complex_text`). A TrueType face is loaded from a
copy of its file that switches its glyph hinting off (:mod:`.cover_hinting`).
"""

from __future__ import annotations

import functools
import io
import struct
from collections.abc import Callable
from pathlib import Path
from unicodedata import category, normalize

from PIL import ImageFont, features

from ...shared.caches import STYLE_CACHES, FileStamp, file_stamp
from ...shared.cmap import coverage, scalable
from ...shared.fontfiles import family_files, folder_files
from .cover_hinting import is_truetype, needs_its_hinting, without_glyph_hinting

Face = ImageFont.FreeTypeFont
REGULAR_STYLES = ("Regular", "Book", "Roman", "Normal")
KEPT_CATEGORIES = {"Cf", "Mn", "Mc", "Me"}  # Unicode format characters and marks


@functools.cache
def shapes_complex_text() -> bool:
    """Whether Pillow lays text out with raqm (needed for Arabic script and Indic shaping)."""
    return bool(features.check("raqm"))


def layout_engine() -> ImageFont.Layout:
    return ImageFont.Layout.RAQM if shapes_complex_text() else ImageFont.Layout.BASIC


def face(path: Path | None, size: int) -> Face:
    """The face in ``path`` at ``size`` pixels, loaded once per file state and size; Pillow's
    own face when no font of the brand is installed."""
    if path is None:
        return _default_face(size)
    return _face(path, size, file_stamp(path))


@functools.lru_cache(maxsize=16)
def _default_face(size: int) -> Face:
    default = ImageFont.load_default(size)
    assert isinstance(default, Face)  # with FreeType, which Pillow's text drawing needs
    return default


@functools.lru_cache(maxsize=96)
def _face(path: Path, size: int, stamp: FileStamp | None) -> Face:
    data = _unhinted(path, stamp)
    font = str(path) if data is None else io.BytesIO(data)
    return ImageFont.truetype(font, size, layout_engine=layout_engine())


@functools.lru_cache(maxsize=8)
def _unhinted(path: Path, _stamp: FileStamp | None) -> bytes | None:
    """The TrueType font at ``path`` with glyph hinting off (:mod:`.cover_hinting`); None for
    another kind of font, or a file that cannot be read as one."""
    try:
        data = path.read_bytes()
        if not is_truetype(data) or needs_its_hinting(_family(path, file_stamp(path))):
            return None
        return without_glyph_hinting(data)
    except (OSError, struct.error):
        return None


def folder_fonts(folders: tuple[Path, ...]) -> tuple[Path, ...]:
    """The font files below the brand's font folders (listed once per cover)."""
    return tuple(folder_files(folder for folder in folders if folder.is_dir()))


def family_face(family: str, bold: bool, in_folders: tuple[Path, ...]) -> Path | None:
    """The file of ``family`` in the wanted weight: the brand's folders' files
    (``in_folders``) first, then the installed ones; the regular face when there is no bold."""
    files = [*_folder_family(family, in_folders), *family_files(family)]
    if not files:
        return None
    styles = {path: _style(path, file_stamp(path)) for path in files}
    wanted = ("Bold",) if bold else REGULAR_STYLES
    for names in (wanted, REGULAR_STYLES):
        found = [path for path in files if styles[path] in names]
        if found:
            return found[0]
    return files[0]


def _folder_family(family: str, files: tuple[Path, ...]) -> list[Path]:
    return [path for path in files if _family(path, file_stamp(path)) == family.casefold()]


@functools.lru_cache(maxsize=1024)
def _names(path: Path, _stamp: FileStamp | None) -> tuple[str, str]:
    """The family and style FreeType reads from a font file (empty when it cannot)."""
    try:
        family, style = ImageFont.truetype(str(path), 12).getname()
    except OSError:
        return "", ""
    return (family or "").casefold(), style or ""


def _family(path: Path, stamp: FileStamp | None) -> str:
    return _names(path, stamp)[0]


def _style(path: Path, stamp: FileStamp | None) -> str:
    return _names(path, stamp)[1]


def drawing(
    families: tuple[str, ...], text: str, bold: bool, in_folders: tuple[Path, ...]
) -> Path | None:
    """The file of the first family that draws every character of ``text`` (else the one that
    draws most); None when no family of the list is installed. Only faces with outlines count:
    a bitmap face (colour emoji) cannot be set at the cover's sizes."""
    points = {ord(char) for char in text if not char.isspace() and not ignorable(char)}
    best: tuple[int, Path] | None = None
    for family in families:
        path = family_face(family, bold, in_folders)
        if path is None or not scalable(path):
            continue
        covers = coverage(path)
        drawn = sum(1 for point in points if covers(point))
        if drawn == len(points):
            return path
        if best is None or drawn > best[0]:
            best = (drawn, path)
    return None if best is None else best[1]


def ignorable(char: str) -> bool:
    """Whether ``char`` needs no glyph of its own to be shown: a format character (joiners,
    marks of direction) or a variation selector (Unicode's default ignorable code points)."""
    point = ord(char)
    return category(char) == "Cf" or 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF


def drawable(text: str, path: Path | None) -> str:
    """``text`` without the symbols the face at ``path`` does not draw (emoji, for which no
    outline face of the list has glyphs), so the cover shows no empty boxes. Format and
    combining characters stay where they shape a character that stays, if the face draws them
    (:func:`_mark_shown`); those of a symbol left out (the joiners and selectors of an emoji
    sequence) go with it."""
    if path is None:
        return text
    covers, dropping = coverage(path), False
    kept: list[str] = []
    for char in text:
        if category(char) in KEPT_CATEGORIES and not char.isspace():
            if not dropping and _mark_shown(char, kept, covers):
                kept.append(char)
        elif char.isspace() or covers(ord(char)):
            kept.append(char)
            dropping = False
        else:
            dropping = True
    return " ".join("".join(kept).split())


def _mark_shown(mark: str, kept: list[str], covers: Callable[[int], bool]) -> bool:
    """Whether a format or combining character after ``kept`` shows right: one that needs no
    glyph, one the face draws, or one that composes with the character before it into one the
    face draws (the shaper then uses that glyph). Else it would be an empty box, as an
    enclosing keycap (U+20E3) is in faces without it: the digit is drawn alone."""
    if ignorable(mark) or covers(ord(mark)):
        return True
    composed = normalize("NFC", kept[-1] + mark) if kept else mark
    return len(composed) == 1 and covers(ord(composed))


STYLE_CACHES.extend(
    (_face.cache_clear, _unhinted.cache_clear, _names.cache_clear, _default_face.cache_clear)
)
