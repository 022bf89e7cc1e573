"""The one rule for "a file inside this folder", used for figures, styles and fetched resources,
and the one way to a new file or folder under a random name (output temporaries, scratch)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias, TypeVar

Made = TypeVar("Made")
StrPath: TypeAlias = str | os.PathLike[str]
"""A path as a caller may give it: a string, a :class:`Path` or any other path-like object."""
FRESH_NAME_ATTEMPTS = 100
RANDOM_DIGITS = 12
"""Hex digits of the random part of a fresh name."""


def inside(root: Path, relative: str | Path) -> Path | None:
    """The real path of ``relative`` under ``root`` after ``..`` and symbolic links are resolved,
    or None when it leaves ``root``. ``root`` must already be resolved."""
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) else None


def lies_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies below it. Existing folders are compared by
    identity (device and inode), so that another spelling on a case-insensitive filesystem
    (``DOCS`` for ``docs``) still matches; a folder that does not exist yet, by its path."""
    resolved = path.resolve()
    if not folder.exists():
        return resolved.is_relative_to(folder.resolve())
    return any(
        candidate.exists() and os.path.samefile(candidate, folder)
        for candidate in (resolved, *resolved.parents)
    )


def same_folder(folder: Path, other: Path) -> bool:
    """Whether two paths name one folder, compared by identity where ``other`` exists (as
    :func:`lies_within` does)."""
    if other.exists():
        return folder.exists() and os.path.samefile(folder, other)
    return folder.resolve() == other.resolve()


def inside_any(roots: tuple[Path, ...], path: Path) -> bool:
    """Whether the resolved ``path`` lies in one of the resolved ``roots``."""
    return any(path.is_relative_to(root) for root in roots)


def under_fresh_name(
    folder: str, prefix: str, suffix: str, create: Callable[[str], Made]
) -> tuple[Made, str]:
    """What ``create`` gives for the first ``folder/PREFIX<12 random hex digits>SUFFIX`` it can
    make (it raises :class:`FileExistsError` for a name already taken), and that name."""
    for _ in range(FRESH_NAME_ATTEMPTS):
        name = os.path.join(folder, f"{prefix}{os.urandom(RANDOM_DIGITS // 2).hex()}{suffix}")
        try:
            return create(name), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name", folder)
