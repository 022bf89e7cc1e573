"""Private scratch folders for the Typst writer: the project root of a compile, the font links.

What :func:`tempfile.mkdtemp` and :func:`shutil.rmtree` give, without importing either module:
:mod:`tempfile` brings :mod:`shutil`, :mod:`random` and the compression modules (:mod:`bz2`,
:mod:`lzma`) into every cold ``--pdf-engine typst`` run, for two folders the writer alone fills.
A folder is made under the temporary folder :mod:`tempfile` would choose (``TMPDIR``, ``TEMP``,
``TMP``, else the system's; :mod:`tempfile` itself is asked only when no variable is set and no
``/tmp`` exists), with a random name, readable by its owner only, and never reused.
"""

from __future__ import annotations

import os
from pathlib import Path

from ...shared.paths import under_fresh_name

VARIABLES = ("TMPDIR", "TEMP", "TMP")


def temporary_root() -> str:
    """The folder temporary folders are made in."""
    for name in VARIABLES:
        if value := os.environ.get(name):
            return value
    if os.path.isdir("/tmp"):
        return "/tmp"
    import tempfile  # no variable and no /tmp: let the standard library decide

    return tempfile.gettempdir()


def private_folder(prefix: str) -> Path:
    """A new, empty folder named ``PREFIX`` and random letters, for its owner only."""
    _, folder = under_fresh_name(temporary_root(), prefix, "", lambda name: os.mkdir(name, 0o700))
    return Path(os.path.abspath(folder))


def remove_folder(folder: Path) -> None:
    """Remove ``folder`` and everything in it; links are removed, never followed."""
    for parent, folders, files in os.walk(folder, topdown=False):
        for name in files:
            os.unlink(os.path.join(parent, name))
        for name in folders:
            path = os.path.join(parent, name)
            os.unlink(path) if os.path.islink(path) else os.rmdir(path)
    os.rmdir(folder)
