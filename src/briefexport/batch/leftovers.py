"""Temporary files left in the output folder by a run that could not remove them.

An output is written to a temporary file ``.NAME.XXXXXXXXXXXX.tmp`` beside it and renamed once
complete (:mod:`briefexport.output`). A worker removes its temporary files when it ends at the
time limit (:mod:`.commits`), but one killed by the system (out of memory, ``SIGKILL``) or stuck
in its last words cannot: the file would stay for ever, as no later run writes to that name.
So a run, holding the output folder's lock (:mod:`.lock`) and before any work, removes the
files of exactly that form below the output folder: no other run is writing there, so none
of them is in use. Without a lock (Windows) nothing is removed. (A single brief exported into
the folder at that very moment takes no lock: its output could fail to be put in place.)

Walking a folder of many thousand outputs takes a noticeable part of a rerun, while only a run
whose worker died, or that did not end at all, can leave such files. So a run marks the folder
(:data:`UNFINISHED_NAME`) as it starts and, once it ends and its workers are gone, removes the
files itself if a worker ended otherwise than it should (:class:`Sweep`), then the mark. The next
run walks the folder only when the mark is still there (the run was killed) or when the folder
has no manifest (made by an earlier version, or by a run that never finished one).

A single export (``briefexport BRIEF.xml -o FOLDER``) or import (``briefexport import SOURCE -o
FOLDER/BRIEF.xml``) into a batch's output folder, or a folder below it, can leave such a file too
when it is killed. So before it writes it marks the nearest folder, from its own up, that holds
a manifest (:func:`mark_enclosing_run`), and leaves the mark: the next run into that folder walks
it once, at the cost of a walk (some 0.1 s over 18,000 outputs) after each folder's single
exports or imports, never on every run. (It never removes the mark: it cannot tell a mark of its
own from that of a run going on, or killed, meanwhile.)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError
from ..output import TEMPORARY_SUFFIX
from ..shared.paths import RANDOM_DIGITS
from .manifest import MANIFEST_NAME

UNFINISHED_NAME = ".briefexport-unfinished"
"""The mark of a run that has not ended cleanly (yet), in the output folder."""


@dataclass
class Sweep:
    """Whether a worker of the run ended otherwise than it should (killed by the system, at the
    time limit, lost by a cluster)."""

    workers_lost: bool = False


@contextlib.contextmanager
def swept(output_dir: Path) -> Iterator[Sweep]:
    """Remove the leftovers below ``output_dir`` if an earlier run may have left some, and mark
    the folder for the run. When the block ends (not by an exception), and only once every
    worker of the run is gone, remove those the run's lost workers left, then the mark. Call it
    only while holding the folder's lock."""
    mark = output_dir / UNFINISHED_NAME
    if mark.exists() or not (output_dir / MANIFEST_NAME).exists():
        remove_leftovers(output_dir)
    try:
        mark.touch()
    except OSError as error:
        raise OutputError(f"{output_dir}: cannot write: {error.strerror}") from None
    sweep = Sweep()
    yield sweep
    if sweep.workers_lost:
        remove_leftovers(output_dir)
    mark.unlink(missing_ok=True)


def mark_enclosing_run(folder: Path) -> Path | None:
    """Mark as unfinished the output folder of the batch runs that ``folder`` lies in (the
    nearest folder, from ``folder`` up, holding a manifest), if any; returns the mark. A folder
    that cannot be marked is left as it is: the export that writes there fails on its own."""
    start = Path(os.path.abspath(folder))
    for candidate in (start, *start.parents):
        if (candidate / MANIFEST_NAME).is_file():
            mark = candidate / UNFINISHED_NAME
            with contextlib.suppress(OSError):
                mark.touch()
            return mark
    return None


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
