"""One run at a time per output folder: two runs writing into one folder at once would each
save a manifest without the other's records, so a second one is refused while the first goes
on. The lock is an advisory ``flock`` on the output folder itself (POSIX; no file is left
behind), held by the command that runs the batch: it guards against runs started on the same
machine (on a shared filesystem, ``flock`` may not reach other machines). Where there is no
``flock`` (Windows), nothing is held.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import OutputError


@contextlib.contextmanager
def output_lock(output_dir: Path) -> Iterator[bool]:
    """Hold ``output_dir`` for one run (creating it); raises :class:`OutputError` when another
    run holds it. Gives whether a lock is held (none on Windows)."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield False
        return
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(output_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise OutputError(f"{output_dir}: cannot write: {error.strerror}") from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"{output_dir}: another briefexport batch is writing to this folder"
            ) from None
        yield True
    finally:
        os.close(descriptor)
