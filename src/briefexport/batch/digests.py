"""SHA-256 digests of briefs, figures and style folders, as the manifest records them (hex).

Apart from :mod:`.manifest` because a worker process needs them and nothing else of it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

NOT_WAITING = getattr(os, "O_NONBLOCK", 0)
"""Opening a FIFO waits for a writer, forever; with this flag it does not (no effect on files)."""


def file_digest(path: Path) -> str:
    """SHA-256 of a regular file's bytes, in hex; anything else (a FIFO, a device, a folder)
    raises :class:`OSError` at once."""
    with open(os.open(path, os.O_RDONLY | NOT_WAITING), "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return hashlib.file_digest(stream, "sha256").hexdigest()


def bytes_digest(data: bytes) -> str:
    """SHA-256 of ``data``, in hex."""
    return hashlib.sha256(data).hexdigest()


def folder_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below ``folder`` (a style folder), by its path with ``/``; linked
    folders are followed (each real folder once)."""
    digests = {}
    seen: set[Path] = set()
    for here, subfolders, files in os.walk(folder, followlinks=True):
        real = Path(here).resolve()
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        for name in files:
            path = Path(here) / name
            if path.is_file():
                digests[path.relative_to(folder).as_posix()] = file_digest(path)
    return dict(sorted(digests.items()))


def combined_digest(digests: dict[str, str]) -> str:
    """One SHA-256 over the names and digests of some files of a folder."""
    combined = hashlib.sha256()
    for name in sorted(digests):
        combined.update(name.encode("utf-8") + b"\0" + digests[name].encode("ascii"))
    return combined.hexdigest()
