"""The bytes of an embedded font: a typing subset of the face, obfuscated as ECMA-376 Part 1,
17.8.1 asks.

Subset, and which glyphs: a whole Noto face is 500 to 650 kB (a quarter of a megabyte
compressed), ten times a brief's Word copy; the glyphs a brief happens to use (Word's "embed only
the characters used") would leave an editor unable to type a letter the brief lacks, and Word and
LibreOffice treat such a font as one not to edit with. So each face keeps a typing repertoire:
the Latin letters of the European languages (Basic Latin, Latin-1, Latin Extended-A, the
Romanian comma-below letters), the common punctuation, currency and number signs, and every
128-code-point row of Unicode the brief's text touches (its Greek, Cyrillic, Arabic or
Vietnamese, whole). Every OpenType layout feature is kept (kerning, ligatures, marks, Arabic
joining: HarfBuzz's subsetter keeps a default list only unless told all), with the glyphs they
reach; hinting is dropped (a third of the size; Word's DirectWrite and LibreOffice draw the
outlines well without it), and so are the glyph names (``post`` format 3). A font whose licence
forbids subsetting is embedded whole.

Subsetting is HarfBuzz's (``hb-subset``, through uharfbuzz): a few milliseconds a face, against
a third of a second with fontTools, so the first Word copy of a process costs little more than
one without fonts. A face is subset once per process for each repertoire all the same.

Reproducible: HarfBuzz keeps the font's own ``head`` timestamps and writes the tables in a fixed
order, and the obfuscation key is derived from the subset's bytes, not drawn at random, so the
same brief gives the same bytes.

Obfuscation (17.8.1): the first 32 bytes of the font are XORed with the 16 bytes of a GUID in
reverse order, twice over; the GUID is the ``w:fontKey`` of the ``w:embed*`` element, written in
upper case in braces (LibreOffice reads it digit by digit, upper case only).
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Iterable
from pathlib import Path

import uharfbuzz as hb

from ...shared.caches import STYLE_CACHES, FileStamp, file_stamp

ROW = 128
TYPING = frozenset(
    [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x218, 0x21C),  # Latin, Romanian ș ț
     *range(0x2010, 0x2028), *range(0x2030, 0x203B), 0x2044, 0x20AC, 0x20B9, 0x2116, 0x2122,
     0x2190, 0x2192, 0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0xFB01, 0xFB02]
)  # fmt: skip


def repertoire(text: str) -> frozenset[int]:
    """The rows of Unicode ``text`` touches beyond the typing repertoire (their first points)."""
    return frozenset(ord(char) // ROW * ROW for char in set(text) if ord(char) not in TYPING)


def embedded_font(path: Path, rows: frozenset[int], whole: bool) -> bytes:
    """The face at ``path`` as embedded (before obfuscation): subset unless ``whole``."""
    stamp = file_stamp(path)
    if whole or stamp is None:
        return path.read_bytes()
    return _subset(path, stamp, rows)


@functools.lru_cache(maxsize=32)
def _subset(path: Path, _stamp: FileStamp, rows: frozenset[int]) -> bytes:
    data = path.read_bytes()
    try:
        subset = hb.subset(hb.Face(hb.Blob(data)), subset_input([*TYPING, *_points(rows)]))
    except RuntimeError:  # not a font HarfBuzz can subset: embedded as it is
        return data
    return bytes(subset.blob.data)


def subset_input(points: Iterable[int]) -> hb.SubsetInput:
    """What the subset keeps: ``points``, every layout feature and name, no hinting."""
    keep = hb.SubsetInput()
    keep.unicode_set.update(points)
    # all features and names: each set emptied, then inverted (HarfBuzz keeps a default list)
    for every in (keep.layout_feature_tag_set, keep.name_id_set, keep.name_lang_id_set):
        every.clear()
        every.invert()
    keep.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
    return keep


def _points(rows: Iterable[int]) -> Iterable[int]:
    return (point for row in sorted(rows) for point in range(row, row + ROW))


def font_key(data: bytes) -> str:
    """The GUID that obfuscates ``data``, from its bytes: ``{XXXXXXXX-XXXX-...}``."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


@functools.lru_cache(maxsize=16)
def obfuscated(data: bytes) -> tuple[str, bytes]:
    """The key of ``data`` and ``data`` obfuscated with it; kept for the next brief, which
    embeds the same subset (a bytes object keeps its hash: a look-up does not read it again)."""
    key = font_key(data)
    return key, obfuscate(data, key)


def obfuscate(data: bytes, key: str) -> bytes:
    """``data`` with its first 32 bytes XORed with the key's bytes reversed (17.8.1); the same
    again gives the font back."""
    mask = uuid.UUID(key).bytes[::-1] * 2
    head = bytes(a ^ b for a, b in zip(data[:32], mask, strict=False))
    return head + data[32:]


STYLE_CACHES.append(_subset.cache_clear)
STYLE_CACHES.append(obfuscated.cache_clear)
