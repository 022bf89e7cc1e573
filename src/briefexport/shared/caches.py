"""What a process keeps of a style's files: keyed by the files' state, and forgotten on demand.

Some of what writers make from a style folder (its brand and labels, the code points its fonts
cover, Typst's index of the brand's fonts, each font file's ``cmap``) is kept per process for the
next brief. A program that exports again and again in one process (a notebook, a long-lived web
service) may add, remove or replace a file between two exports, so each of these caches is
keyed by the state of the files it reads, not by their paths alone: :func:`file_stamp` for one
file, :func:`files_stamp` for a list of them (the font files below a folder, listed afresh at
each call), so a changed file, or a changed list, makes a new key. The stamp is taken before the
file is read: a file changed while it is read gets another stamp at the next call. The caches
are small LRU caches, so the entries of old states do not pile up. What is made from a whole
style folder (the parsed stylesheets, a deposit's renditions) is keyed the same way, by
:func:`briefexport.shared.styles.folder_stamp`. Taking a stamp stats each file, at every call.

A process that serves run after run (a Dask worker started by hand) also forgets what these
caches hold as each run starts (:func:`forget_style_files`): a file rewritten without a change
of size, time or inode must not reach outputs recorded with the digest of its new bytes. Each
of them registers its ``cache_clear`` in :data:`STYLE_CACHES`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

FileStamp = tuple[int, int, int]
"""A file's size, modification time in nanoseconds and inode (a file put in its place by a
rename has another inode, even with the same size and time)."""
FilesStamp = tuple[tuple[str, FileStamp | None], ...]
"""Each file of a list, by path, with its :data:`FileStamp` (None when it cannot be read)."""

STYLE_CACHES: list[Callable[[], None]] = []
"""The ``cache_clear`` of every per-process cache of what a style's files give."""


def file_stamp(path: str | Path) -> FileStamp | None:
    """The state of the file at ``path`` (links followed), or None when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def regular_file_stamp(path: str | Path) -> FileStamp | None:
    """As :func:`file_stamp`, from the same one look-up, and None for what is not a regular
    file (a folder)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def files_stamp(paths: Iterable[Path]) -> FilesStamp:
    """The state of each of ``paths``, in their order."""
    # each path made a string once: a Path is turned into one by Python code, at every use
    return tuple((name, file_stamp(name)) for name in map(os.fspath, paths))


def forget_style_files() -> None:
    """Empty every cache of :data:`STYLE_CACHES`."""
    for clear in STYLE_CACHES:
        clear()
