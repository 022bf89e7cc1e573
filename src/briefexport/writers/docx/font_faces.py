"""The font files of a family's four faces, and whether their licence lets a document carry them.

Files are looked for in the brand's font folders that lie inside the style folder, then among the
installed fonts (:mod:`briefexport.shared.fontfiles`), keeping only files below the standard font
folders; links are followed, and a file that lies elsewhere is left out: nothing else is read.
A file is a face of a family when its family name (``name`` ID 1, else the typographic family,
ID 16) is the family; its face is read from ``OS/2.fsSelection`` (bold, italic), the weight
nearest 400 or 700 winning where two files claim one face. HarfBuzz reads the names; the
``OS/2`` fields are read from the table's bytes.

Embedding follows the font's ``OS/2.fsType`` (OpenType 1.9, "OS/2"): only an installable font
(0) or one whose licence allows editable embedding (bit 3) is embedded, as Word and LibreOffice
open a document for editing with those only; a restricted font (bit 1), a print-and-preview one
(bit 2 alone) and one that allows bitmaps only (bit 9) are not. Bit 8 (no subsetting) makes the
whole font embedded (:mod:`.font_subset`).
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb

from ...shared.brand import Brand
from ...shared.caches import STYLE_CACHES, FilesStamp, files_stamp
from ...shared.fontfiles import FONT_ROOTS, family_files, folder_files
from .font_use import Face

SINGLE_FONT_SUFFIXES = (".ttf", ".otf")  # a collection (.ttc) holds other fonts too
FACE_NAMES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic",
              (True, True): "Bold Italic"}  # fmt: skip
INSTALLABLE, RESTRICTED, PREVIEW_PRINT, EDITABLE = 0x0000, 0x0002, 0x0004, 0x0008
NO_SUBSETTING, BITMAP_ONLY = 0x0100, 0x0200
# offsets in the OS/2 table (any version): usWeightClass (then usWidthClass, fsType), fsSelection
OS2_WEIGHT, OS2_SELECTION = 4, 62


class FaceFile(NamedTuple):
    """One face's file, and what its licence allows (``OS/2.fsType``)."""

    path: Path
    fs_type: int

    def refusal(self) -> str | None:
        """Why the file may not be embedded for editing, or None."""
        usage = self.fs_type & 0x000F
        if self.fs_type & BITMAP_ONLY:
            return "its licence allows bitmaps only"
        if usage == INSTALLABLE or usage & EDITABLE:
            return None
        if usage & PREVIEW_PRINT:
            return "its licence allows print and preview only"
        return "its licence forbids embedding"

    @property
    def whole(self) -> bool:
        """Whether the licence forbids subsetting (bit 8)."""
        return bool(self.fs_type & NO_SUBSETTING)


def allowed_folders(brand: Brand, style_dir: Path) -> tuple[Path, ...]:
    """The brand's font folders that lie inside the style folder (the others are not read)."""
    root = style_dir.resolve()
    folders = ((style_dir / name).resolve() for name in brand.fonts.folders)
    return tuple(folder for folder in folders if folder.is_relative_to(root) and folder.is_dir())


def candidates(family: str, folders: tuple[Path, ...]) -> list[Path]:
    """Single-font files that may hold ``family``: the style's first, then the installed ones."""
    own = [path for path in folder_files(folders, SINGLE_FONT_SUFFIXES) if _below(path, folders)]
    return [*own, *installed_candidates(family)]


@functools.cache
def installed_candidates(family: str) -> tuple[Path, ...]:
    """The installed single-font files of ``family`` below the standard font folders, found
    once per process, as :func:`family_files` finds them."""
    roots = tuple(root.resolve() for root in FONT_ROOTS)
    singles = (path for path in family_files(family) if path.suffix.lower() in SINGLE_FONT_SUFFIXES)
    return tuple(path for path in singles if _below(path, roots))


def _below(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether ``path``, links followed, lies below one of ``folders`` (resolved)."""
    real = path.resolve()
    return any(real.is_relative_to(folder) for folder in folders)


def family_faces(family: str, folders: tuple[Path, ...]) -> dict[Face, FaceFile]:
    """The files of the faces of ``family`` found (none when it is not installed)."""
    return dict(_faces(family.casefold(), files_stamp(candidates(family, folders))))


@functools.lru_cache(maxsize=32)
def _faces(family: str, files: FilesStamp) -> tuple[tuple[Face, FaceFile], ...]:
    best: dict[Face, tuple[int, str, FaceFile]] = {}
    for path, _ in files:
        found = _face(Path(path), family)
        if found is not None:
            face, distance, fs_type = found
            rank = (distance, str(path), FaceFile(Path(path), fs_type))
            if face not in best or rank[:2] < best[face][:2]:
                best[face] = rank
    return tuple((face, rank[2]) for face, rank in sorted(best.items()))


def _face(path: Path, family: str) -> tuple[Face, int, int] | None:
    """The face a file holds of ``family``, how far its weight is from the face's, its fsType."""
    try:
        face = hb.Face(hb.Blob(path.read_bytes()))
    except OSError:
        return None
    named = {str(face.get_name(name_id) or "").casefold() for name_id in (1, 16)}
    os2 = bytes(face.reference_table("OS/2").data)
    if family not in named or len(os2) < OS2_SELECTION + 2:
        return None
    weight, fs_type = struct.unpack_from(">H2xH", os2, OS2_WEIGHT)
    (selection,) = struct.unpack_from(">H", os2, OS2_SELECTION)
    bold, italic = bool(selection & 0x20), bool(selection & 0x01)
    return (bold, italic), abs(weight - (700 if bold else 400)), fs_type


STYLE_CACHES.append(_faces.cache_clear)
