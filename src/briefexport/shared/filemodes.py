"""The permissions of a file briefexport writes: what POSIX ``open(2)`` gives a new file.

An output is written to a temporary file that only its owner can read (as ``mkstemp`` makes
it) and renamed into place, so its mode is set before the rename: a new output gets ``0666``
less the process's umask, as any program's new file does, and an output that replaces an
earlier one keeps that file's permission bits (a ``0600`` report stays private).

The umask can only be read through ``os.umask`` by setting it, which changes it for the whole
process for a moment: a file another thread creates meanwhile would get the wrong mode. So on
Linux it is read, without changing it, from the ``Umask:`` line of ``/proc/self/status`` (since
Linux 4.7) at every write. Where that file is missing (other systems, a container without
``/proc``, or a kernel older than 4.7 with no such line) it is read once, by setting and
restoring it: when this module is first imported (normally by the main thread as the command
starts), or at the first write; a program that changes its umask later must then expect the
earlier one.
"""

from __future__ import annotations

import functools
import os
import stat

NEW_FILE_MODE = 0o666
PERMISSION_BITS = 0o777
_STATUS = "/proc/self/status"


def _umask_by_setting() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK_AT_IMPORT = None if os.path.exists(_STATUS) else _umask_by_setting()


@functools.cache
def _umask_once() -> int:
    return _umask_by_setting()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    if _UMASK_AT_IMPORT is not None:
        return _UMASK_AT_IMPORT
    try:
        with open(_STATUS, encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8) & PERMISSION_BITS
    except (OSError, ValueError, IndexError):
        pass
    return _umask_once()  # a kernel older than 4.7: no Umask line


def mode_for(path: str | os.PathLike[str]) -> int:
    """The permission bits for a file about to be written at ``path``: those of the file there
    now, or a new file's under the current umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & PERMISSION_BITS
    except (OSError, ValueError):
        return NEW_FILE_MODE & ~current_umask()
