"""Temporary files left in the output folder by a run that could not remove them.

An output is written to a temporary file ``.NAME.XXXXXXXXXXXX.tmp`` beside it and renamed once
complete (:mod:`briefexport.output`). A worker removes its temporary files when it ends at the
time limit (:mod:`.commits`), but one killed by the system (out of memory, ``SIGKILL``) or stuck
in its last words cannot: the file would stay for ever, as no later run writes to that name.
So each run, holding the output folder's lock (:mod:`.lock`) and before any work, removes the
files of exactly that form below the output folder: no other run is writing there, so none
of them is in use. Without a lock (Windows) nothing is removed. (A single brief exported into
the folder at that very moment takes no lock: its output could fail to be put in place.)
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..output import TEMPORARY_SUFFIX
from ..shared.paths import RANDOM_DIGITS


def remove_leftovers(output_dir: Path) -> list[Path]:
    """Remove the temporary files of :func:`briefexport.output.create_temporary` below
    ``output_dir`` (symbolic links to folders are not followed); returns those removed. Call
    it only while holding the folder's lock."""
    removed = []
    for folder, _, names in os.walk(output_dir):
        for name in names:
            if not is_temporary_name(name):
                continue
            path = Path(folder, name)
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def is_temporary_name(name: str) -> bool:
    """Whether ``name`` is that of a file :func:`briefexport.output.create_temporary` makes:
    ``.NAME.XXXXXXXXXXXX.tmp``, the X lowercase hex digits, NAME not empty."""
    stem = name.removesuffix(TEMPORARY_SUFFIX)
    if stem == name or not stem.startswith(".") or len(stem) < RANDOM_DIGITS + 3:
        return False
    digits, dot = stem[-RANDOM_DIGITS:], stem[-RANDOM_DIGITS - 1]
    return dot == "." and all(digit in "0123456789abcdef" for digit in digits)
