"""The installed version of briefexport, read from its ``.dist-info`` folder.

The version lives in the ``Version:`` field of the distribution's ``METADATA`` file (core
metadata), in a ``NAME-VERSION.dist-info`` folder on ``sys.path`` (the "Recording installed
projects" specification). :mod:`importlib.metadata` finds it the same way, first folder on
``sys.path`` first, but importing it and its e-mail parser costs more than the rest of
``briefexport --version``; it stays the fallback for what this reader does not look at
(eggs, zip files, custom finders).
"""

from __future__ import annotations

import functools
import os
import sys

DIST_NAME = "briefexport"
UNKNOWN = "0.0.0+unknown"  # a source tree that was never installed


@functools.cache
def installed_version() -> str:
    """The ``Version`` of the first briefexport distribution on ``sys.path``."""
    for entry in sys.path:
        found = _version_in(entry or ".")
        if found:
            return found
    return _version_from_importlib()


def _version_in(folder: str) -> str | None:
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    for name in sorted(names):
        project = name.removesuffix(".dist-info")
        if project != name and project.split("-")[0].lower() == DIST_NAME:
            return _metadata_version(os.path.join(folder, name, "METADATA"))
    return None


def _metadata_version(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as metadata:
            for line in metadata:
                if not line.strip():
                    break  # the headers end at the first blank line
                if line.lower().startswith("version:"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def _version_from_importlib() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DIST_NAME)
    except PackageNotFoundError:
        return UNKNOWN
