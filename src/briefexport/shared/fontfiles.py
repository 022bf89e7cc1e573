"""Font files: which files are fonts, and where a font family's files are found.

``FONT_SUFFIXES`` are the suffixes of the single-font and collection files that fontTools and
fontconfig read (OpenType and TrueType); one list, because the caches of a style's fonts are keyed
by the files it picks, in the WeasyPrint and the Typst engine alike.

A family's files are found by the naming of the Noto and DejaVu packages (``NotoSerif-Bold.ttf``,
``DejaVuSans.ttf``) in the standard font folders (:data:`FONT_ROOTS`), which costs no process,
else as fontconfig (``fc-list``) lists them. Each is looked up once per process. The Typst engine,
the EPUB cover and the Word copy's embedded fonts find their files here.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


FONT_ROOTS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)


@functools.cache
def _named_files() -> dict[str, list[str]]:
    """Font files of the standard folders by the family part of their names (``NotoSerif``)."""
    found: dict[str, list[str]] = {}
    for root in FONT_ROOTS:
        _add_named_files(os.fspath(root), found)
    return found


def _add_named_files(folder: str, found: dict[str, list[str]]) -> None:
    """The font files under ``folder``, as :func:`os.walk` visits it (links to folders are not
    entered), with the paths :func:`os.scandir` joins (cheaper than one ``os.path.join`` each)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if _is_folder(entry):
            if not entry.is_symlink():
                _add_named_files(entry.path, found)
        elif entry.name.lower().endswith(FONT_SUFFIXES):
            stem = entry.name.rsplit(".", 1)[0].split("-", 1)[0]
            found.setdefault(stem, []).append(entry.path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


@functools.cache
def _fontconfig_files(family: str) -> tuple[Path, ...]:
    return _fc_list(f"{family}:")


@functools.cache
def _fc_list(pattern: str) -> tuple[Path, ...]:
    """Files fontconfig lists for ``pattern`` (nothing without fontconfig)."""
    import shutil  # here: fontconfig is asked only for families not found by file name
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    result = subprocess.run([fc_list, pattern, "file"], capture_output=True, text=True, check=False)
    paths = (line.strip().rstrip(":") for line in result.stdout.splitlines())
    return tuple(sorted(Path(p) for p in paths if p.lower().endswith(FONT_SUFFIXES)))


@functools.cache
def family_files(family: str) -> tuple[Path, ...]:
    """The installed files of one family: by file name, else as fontconfig lists them."""
    named = _named_files().get(family.replace(" ", ""))
    return tuple(sorted(map(Path, named))) if named else _fontconfig_files(family)


def folder_files(folders: Iterable[Path], suffixes: tuple[str, ...] = FONT_SUFFIXES) -> list[Path]:
    """The files below ``folders`` (links to folders are not entered) whose names end in one of
    ``suffixes``, in any case; sorted in each folder."""
    return [
        path
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() in suffixes
    ]
