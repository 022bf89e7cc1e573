"""The faces Typst indexes for a brief, each under the weight it is to be chosen by.

Typst tells the faces of a family apart by their style, stretch and weight, the weight being the
``usWeightClass`` of a face's ``OS/2`` table (OpenType spec, "OS/2 — OS/2 and Windows Metrics
Table"); of two faces alike in all three it takes whichever it meets first, for regular and bold
text alike. Some fonts mark their bold face by its ``fsSelection`` (bit 5, BOLD) and the ``head``
table's ``macStyle`` (bit 0) alone, with the weight class of the regular face: Debian's Noto
Nastaliq Urdu Bold and Noto Serif Myanmar Bold declare 400. fontconfig, and so WeasyPrint, go by
those bits; Typst then set regular Urdu in the Bold.

So a face marked bold that weighs as a face of its family, style and stretch not marked bold is
indexed as a copy whose weight class is 700, the OpenType checksums made again ("Calculating
Checksums": its ``OS/2`` table's in the table directory, the ``head`` table's
``checkSumAdjustment``). Typst reads a face from its file when the face is first used, as long as
the index lives (:mod:`.fonts` keeps it for the process), so the copies stay in a folder of the
process until the process ends (multiprocessing's finalizers remove it, which run at an ordinary
exit and in worker processes that end with ``os._exit`` alike). Only single-font files are copied:
a collection's faces may share their tables.
"""

from __future__ import annotations

import functools
import io
import itertools
import os
import struct
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import typst

from ...shared.caches import STYLE_CACHES, FileStamp, file_stamp
from ...shared.cmap import table_directory
from .scratch import private_folder, remove_folder

BOLD = 700
FS_SELECTION_BOLD = 0x20
MAC_STYLE_BOLD = 0x01
CHECKSUM_TOTAL = 0xB1B0AFBA  # what a font's words add up to, checkSumAdjustment included
WORD = 2**32
COPIES_KEPT = 16


def scan(files: tuple[Path, ...], folders: tuple[Path, ...]) -> typst.Fonts:
    """Typst's index of ``files`` and of the fonts below ``folders``: a bold face of ``files``
    weighing as its regular twin is indexed as a copy weighing 700 (see the module docstring)."""
    # Typst reads fonts from folders only: the files are linked into a private one for the
    # scan. The index keeps each font's real path and loads it when first used, so it can be
    # shared between documents and threads (it is never changed after this).
    private = private_folder("briefexport-fonts-")
    try:
        links = [private / f"{index}-{path.name}" for index, path in enumerate(files)]
        for link, path in zip(links, files, strict=True):
            os.symlink(path, link)
        fonts = _typst_fonts(private, files, folders)
        heavier = {path: bold_copy(path) for path in bold_twins(fonts.fonts(), files)}
        if not heavier:
            return fonts
        for link, path in zip(links, files, strict=True):
            if path in heavier:
                link.unlink()
                os.symlink(heavier[path], link)
        return _typst_fonts(private, files, folders)
    finally:
        remove_folder(private)


def _typst_fonts(private: Path, files: tuple[Path, ...], folders: tuple[Path, ...]) -> typst.Fonts:
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=not (files or folders),
        font_paths=[private, *folders],
    )


def bold_twins(faces: Iterable[typst.FontInfo], files: Iterable[Path]) -> list[Path]:
    """The single-font files of ``files`` whose face is marked bold while another face of the
    same family, style, stretch and weight (as Typst reads them) is not."""
    ours = {os.path.realpath(path): path for path in files}
    alike: defaultdict[tuple[str, str, int, float], list[typst.FontInfo]] = defaultdict(list)
    for face in faces:
        alike[(face.family, face.style, face.weight, face.stretch)].append(face)
    twins = []
    for group in (group for group in alike.values() if len(group) > 1):
        marked = {id(face): marked_bold(face) for face in group}
        if all(marked.values()):
            continue
        for face in group:
            path = ours.get(os.path.realpath(face.path or ""))
            if marked[id(face)] and path is not None and single_font(path):
                twins.append(path)
    return twins


def marked_bold(face: typst.FontInfo) -> bool:
    """Whether the face's ``fsSelection`` or ``macStyle`` says bold (False when unreadable)."""
    try:
        with open(face.path or "", "rb") as font:
            tables = table_directory(font, face.index)
            selection = _field(font, tables, b"OS/2", 62)
            style = _field(font, tables, b"head", 44)
    except (OSError, struct.error, KeyError, IndexError):
        return False
    return bool(selection & FS_SELECTION_BOLD or style & MAC_STYLE_BOLD)


def _field(font: BinaryIO, tables: dict[bytes, tuple[int, int]], tag: bytes, at: int) -> int:
    """The unsigned 16-bit number ``at`` bytes into the table ``tag``."""
    font.seek(tables[tag][0] + at)
    return int(struct.unpack(">H", font.read(2))[0])


def single_font(path: Path) -> bool:
    """Whether the file holds one font, not a collection."""
    with path.open("rb") as font:
        return font.read(4) != b"ttcf"


def bold_copy(path: Path) -> Path:
    """A copy of the font at ``path`` weighing 700, made once per state of the file."""
    return _bold_copy(path, file_stamp(path))


@functools.lru_cache(maxsize=COPIES_KEPT)
def _bold_copy(path: Path, _stamp: FileStamp | None) -> Path:
    data = bytearray(path.read_bytes())
    set_weight(data, BOLD)
    copy = _Copies.folder() / f"{next(_Copies.numbers)}-{path.name}"
    copy.write_bytes(data)
    return copy


STYLE_CACHES.append(_bold_copy.cache_clear)


def set_weight(font: bytearray, weight: int) -> None:
    """Give a single-font file's ``OS/2`` table the weight class ``weight``, and make its
    checksums again."""
    tables = table_directory(io.BytesIO(font))
    offset, length = tables[b"OS/2"]
    struct.pack_into(">H", font, offset + 4, weight)
    # the table records, 16 bytes each after the 12 of the header, in the order read
    record = 12 + 16 * list(tables).index(b"OS/2")
    struct.pack_into(">I", font, record + 4, checksum(font[offset : offset + length]))
    adjustment = tables[b"head"][0] + 8
    struct.pack_into(">I", font, adjustment, 0)
    struct.pack_into(">I", font, adjustment, (CHECKSUM_TOTAL - checksum(font)) % WORD)


def checksum(data: bytes | bytearray) -> int:
    """The sum of ``data`` as big-endian 32-bit words (zeros added to fill the last), modulo
    2**32."""
    padded = bytes(data) + b"\0" * (-len(data) % 4)
    return int(sum(struct.unpack(f">{len(padded) // 4}I", padded))) % WORD


class _Copies:
    """The folder of this process's copies, made when first needed."""

    _folder: Path | None = None
    _pid = 0
    numbers = itertools.count()

    @classmethod
    def folder(cls) -> Path:
        """This process's folder (a process forked from one that made its own makes another)."""
        if cls._folder is None or cls._pid != os.getpid():
            from multiprocessing.util import Finalize  # only where a face is copied

            cls._folder, cls._pid = private_folder("briefexport-faces-"), os.getpid()
            Finalize(None, remove_folder, args=(cls._folder,), exitpriority=0)
        return cls._folder
