"""Style folders: where the shipped house style is, and reading files from inside a style folder.

The default style ships as package data (``briefexport/styles`` in the wheel, ``styles/`` at the
top of the repository in a source checkout).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator
from pathlib import Path

from ..errors import BriefexportError, UnsafeResourceError
from .caches import regular_file_stamp
from .paths import inside

BRAND_FILE = "brand.toml"
PRINT_SHEET = "pdf.css"
"""The print stylesheet: both PDF engines' house style, and the Word styles' numbers."""
STYLE_FILES = (BRAND_FILE, "labels.toml", "common.css", "html.css", "epub.css", PRINT_SHEET,
               "reference.docx", "cover.png", "cover.jpg")  # fmt: skip
"""The files a style folder may hold; a file it lacks is the shipped style's."""


@functools.cache  # asked for every label; resolving the path each time was slow
def default_style_dir() -> Path:
    """The shipped house style: packaged copy first, then the source checkout's ``styles/``."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "styles"
    if (packaged / BRAND_FILE).is_file():
        return packaged
    return package.parents[1] / "styles"


def is_style_folder(style_dir: Path) -> bool:
    """Whether a folder holds at least one of the style files (a style folder holds only what
    it changes, but a folder with none of them is a wrong path rather than the house style)."""
    return any((style_dir / name).is_file() for name in STYLE_FILES)


def not_a_style_folder(style_dir: Path) -> str:
    """Why ``style_dir`` cannot be a style folder."""
    return f"{style_dir}: not a style folder (it has none of {', '.join(STYLE_FILES)})"


def style_file(style_dir: Path, name: str) -> Path:
    """The real path of file ``name`` of a style folder; refused when it leaves the folder."""
    root = style_dir.resolve()
    path = inside(root, name)
    if path is None:
        raise UnsafeResourceError(f"{name} resolves outside the style folder {root}")
    if not path.is_file():
        raise BriefexportError(f"{root}: style folder has no {name}")
    return path


def read_style_text(style_dir: Path, name: str) -> str:
    """The text of one file of a style folder (a stylesheet, the labels)."""
    return style_text(style_file(style_dir, name).read_bytes())


def style_text(data: bytes) -> str:
    """A style file's UTF-8 bytes as text, without the byte-order mark an editor may put first:
    every sheet is read through here. CSS Syntax Level 3 drops the mark when it decodes a
    sheet's bytes, but a sheet read as text and put after another keeps it in its first
    selector, which then matches nothing, and it would shift line 1's columns."""
    return data.decode("utf-8").removeprefix("\ufeff")


def outside_font_folders(style_dir: Path, folders: tuple[str, ...]) -> list[Path]:
    """The font folders a brand names (``folders``, relative to the style folder unless
    absolute) that lie outside the style folder, resolved: one inside it is a part of it, seen
    with it. A folder that is missing is left out here (the Typst writer reports it)."""
    inside = style_dir.resolve()
    found = [(style_dir / name).resolve() for name in folders]
    return [folder for folder in found if folder.is_dir() and not folder.is_relative_to(inside)]


FolderStamp = tuple[tuple[str, int, int, int], ...]


HELD_STAMPS: contextvars.ContextVar[dict[Path, FolderStamp] | None] = contextvars.ContextVar(
    "held_stamps", default=None
)


@contextlib.contextmanager
def held_folder_stamps() -> Iterator[None]:
    """Within this, :func:`folder_stamp` walks each style folder once (in this thread): for a
    batch's task, whose run notices any change to the style files itself (and records no output
    made after one), so that a task of many briefs does not walk the folder for every brief
    and format."""
    token = HELD_STAMPS.set({})
    try:
        yield
    finally:
        HELD_STAMPS.reset(token)


def folder_stamp(style_dir: Path) -> FolderStamp:
    """Each file below the style folder with its size, modification time and inode, to key what
    is made from the folder once per process: a changed sheet, font or logo gives another stamp,
    and so does one put in place by a rename (as :mod:`.caches` keys a file). Taken once per
    folder within :func:`held_folder_stamps`."""
    held = HELD_STAMPS.get()
    if held is None:
        return _walked_stamp(style_dir)
    if style_dir not in held:
        held[style_dir] = _walked_stamp(style_dir)
    return held[style_dir]


def _walked_stamp(style_dir: Path) -> FolderStamp:
    root = style_dir.resolve()
    stamp = []
    for path in sorted(root.rglob("*")):
        state = regular_file_stamp(path)
        if state is not None:  # None: a folder, or gone since it was listed (a swap file)
            stamp.append((path.relative_to(root).as_posix(), *state))
    return tuple(stamp)
