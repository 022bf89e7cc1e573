"""Small TrueType fonts made in code, for tests that need a font no system has.

Each font draws one glyph, a filled box, for every code point it is given, so a test decides
exactly what a font covers (a private-use character that no installed font draws, say). The
tables are those Typst needs to index a face: its family, full and PostScript names included.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

PRIVATE = "\ue000"
"""A private-use character no installed font draws."""
LATIN = "".join(map(chr, range(0x21, 0x7F)))
"""The printable ASCII characters but the space."""


def _box() -> object:
    pen = TTGlyphPen(None)
    pen.moveTo((80, 0))
    pen.lineTo((80, 680))
    pen.lineTo((520, 680))
    pen.lineTo((520, 0))
    pen.closePath()
    return pen.glyph()


def write_font(path: Path, family: str, chars: Iterable[str], bold: bool = False) -> Path:
    """A font of ``family`` at ``path`` drawing ``chars`` (one box for each), and its path; a
    ``bold`` face is marked bold by its style bits (``fsSelection``, ``macStyle``) alone and keeps
    the regular weight class, 400, as some installed bold faces do.

    A font written over another gets a later modification time than the old one had: the
    filesystem's clock may tick more slowly than a test writes, and two fonts of as many code
    points have the same size.
    """
    before = path.stat().st_mtime_ns if path.exists() else None
    builder = FontBuilder(1000, isTTF=True)
    glyphs = [".notdef", "box"]
    builder.setupGlyphOrder(glyphs)
    builder.setupCharacterMap({ord(char): "box" for char in chars})
    builder.setupGlyf({name: _box() for name in glyphs})
    builder.setupHorizontalMetrics(dict.fromkeys(glyphs, (600, 80)))
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    style = "Bold" if bold else "Regular"
    postscript = f"{family.replace(' ', '')}-{style}"
    builder.setupNameTable(
        {
            "familyName": family,
            "styleName": style,
            "uniqueFontIdentifier": postscript,
            "fullName": f"{family} {style}",
            "psName": postscript,
        }
    )
    marks = {"fsSelection": 0x20} if bold else {}  # fontTools' usWeightClass: 400
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200,
                     **marks)  # fmt: skip
    if bold:
        builder.updateHead(macStyle=1)
    builder.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(path))
    if before is not None:
        now = path.stat()
        os.utime(path, ns=(now.st_atime_ns, max(now.st_mtime_ns, before + 1_000_000)))
    return path
