"""Run as the main script of the workers' fork server, before the server imports anything of
briefexport's, where multiprocessing's fork server is handed the starting process's module path
and drops it (:data:`.server.SERVER_DROPS_PATH`): puts that path in place, so that the server
imports the modules the starting process would, as the fork servers of later Pythons do.

The fork server runs this file by its path, whatever its own module path finds, from within
``multiprocessing.forkserver.main``, which holds the path it was handed as its ``sys_path``
argument: the only place it is kept. This module imports nothing but the standard library.
"""

from __future__ import annotations

import sys
from multiprocessing import forkserver


def handed_path() -> list[str] | None:
    """The module path the running fork server was handed, if this runs within one."""
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code is forkserver.main.__code__:
            path = frame.f_locals.get("sys_path")
            return list(path) if isinstance(path, list) else None
        frame = frame.f_back  # type: ignore[assignment]
    return None


if __name__ == "__mp_main__":  # as the fork server runs its main script
    _path = handed_path()
    if _path is not None:
        sys.path[:] = _path
