"""Files changed the way other programs change them, for tests of what is kept per process."""

from __future__ import annotations

import os
from pathlib import Path


def replace_keeping_size_and_time(path: Path, data: bytes) -> None:
    """Put ``data`` in place of the file at ``path`` by a rename, with the old file's times, as
    ``rsync -a`` or an editor that saves by renaming may: only the inode tells the two apart.
    ``data`` must be as long as the old bytes."""
    info = path.stat()
    assert len(data) == info.st_size, "the same size, or the size alone tells them apart"
    new = path.with_name(f".{path.name}.new")
    new.write_bytes(data)
    os.utime(new, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(new, path)
