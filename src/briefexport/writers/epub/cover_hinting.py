"""TrueType fonts for the EPUB cover with their glyph hinting switched off by the font itself
(OpenType 1.9: the table directory of an ``sfnt`` file; the TrueType instruction set's
``INSTCTRL``, which the control value program, ``prep``, may use to inhibit glyph programs).

FreeType runs a TrueType font's hinting programs for every glyph it loads, and Pillow loads
each glyph three times to draw it (two passes for the text's box, one to render), with no
option to load it unhinted. At the cover's sizes (about 38 to 110 pixels a line) the programs
only nudge stems and heights by a fraction of a pixel, and the positions of the glyphs come
from HarfBuzz's unhinted advances anyway; running them was two fifths of the cover's cost. So
the face is loaded from a copy of the file whose ``prep`` only sets the "glyph programs off"
flag of ``INSTCTRL``: FreeType then loads every glyph as an unhinted outline. The font program
and the instructions of the glyphs stay, so FreeType does not take the font for an unhinted
one and run its auto-hinter instead. Fonts without TrueType outlines (CFF, collections), files
whose table directory does not hold together (a table past the end, a tag twice), and the
"tricky" CJK fonts whose glyphs are built by their hinting programs (FreeType's list: DynaLab's
DF and Ming families, MingLiU, HuaTian ...; known by their names) are loaded as they are.
"""

from __future__ import annotations

import struct

TRUETYPE = (b"\x00\x01\x00\x00", b"true")  # the sfnt versions of TrueType outlines
NO_GLYPH_PROGRAMS = bytes((0xB1, 1, 1, 0x8E))  # PUSHB[1] 1 1, INSTCTRL: selector 1 set
HEADER, RECORD = ">4sHHHH", ">4sIII"


TRICKY_FAMILIES = ("df", "ming", "pmingli", "huatian", "cpop", "dlc")
"""Name starts (case folded) of the fonts that need their hinting to draw at all."""


def is_truetype(data: bytes) -> bool:
    """Whether ``data`` is a single font with TrueType outlines and a sound table directory."""
    if data[:4] not in TRUETYPE:
        return False
    try:
        records = _records(data)
    except struct.error:
        return False
    tags = {tag for tag, _, _, _ in records}
    ends = (start + length for _, _, start, length in records)
    return len(tags) == len(records) and all(end <= len(data) for end in ends)


def needs_its_hinting(family: str) -> bool:
    """Whether the font of ``family`` is one that draws its glyphs with its hinting programs."""
    return family.casefold().startswith(TRICKY_FAMILIES)


def without_glyph_hinting(data: bytes) -> bytes:
    """The font file ``data`` with its ``prep`` table (added when it has none) replaced by one
    that switches glyph programs off; the other tables as they are, in tag order."""
    tables = {tag: (checksum, data[start : start + length]) for tag, checksum, start, length in
              _records(data)}  # fmt: skip
    tables[b"prep"] = (_checksum(NO_GLYPH_PROGRAMS), NO_GLYPH_PROGRAMS)
    tags = sorted(tables)
    power = 1 << (len(tags).bit_length() - 1)  # the binary search fields of the directory
    head = struct.pack(HEADER, data[:4], len(tags), power * 16, power.bit_length() - 1,
                       (len(tags) - power) * 16)  # fmt: skip
    records, blobs, offset = [], [], 12 + 16 * len(tags)
    for tag in tags:
        checksum, blob = tables[tag]
        records.append(struct.pack(RECORD, tag, checksum, offset, len(blob)))
        blobs.append(blob + bytes(-len(blob) % 4))  # each table starts on a 4-byte boundary
        offset += len(blobs[-1])
    return head + b"".join(records) + b"".join(blobs)


def _records(data: bytes) -> list[tuple[bytes, int, int, int]]:
    (count,) = struct.unpack_from(">H", data, 4)
    return [struct.unpack_from(RECORD, data, 12 + 16 * index) for index in range(count)]


def _checksum(table: bytes) -> int:
    padded = table + bytes(-len(table) % 4)
    return int(sum(struct.unpack(f">{len(padded) // 4}I", padded))) & 0xFFFFFFFF
