"""Find WeasyPrint's shared libraries from the dynamic loader's cache, without a C compiler.

WeasyPrint 70 loads Pango, GObject, HarfBuzz and fontconfig through cffi, trying several
spellings of each name (Windows, macOS and Linux ones, ``weasyprint/text/ffi.py``). For every
spelling that is not a file name, cffi asks ``ctypes.util.find_library``, which on Linux runs
``/sbin/ldconfig -p`` and then, when that finds nothing, ``gcc`` and ``ld`` to see what they
would link. The spellings meant for other systems find nothing, so one import of WeasyPrint
runs about 50 processes, most of the cost of a cold start on a machine with a compiler.

While WeasyPrint is imported, :func:`cached_find_library` answers instead: one ``ldconfig -p``
listing, read once, then the files of ``LD_LIBRARY_PATH``. It never runs a compiler: what
``gcc`` would find outside those places the dynamic loader could not open by that name either.
The libraries loaded are the same: each is found under its Linux spelling, or WeasyPrint's
next spelling is its exact file name (``libpango-1.0.so.0``), which the loader opens directly.
Linux only; elsewhere nothing changes. Needed only when WeasyPrint's own ``ffi.py`` is imported:
with the ready-made declarations of :mod:`.prebuilt_ffi` no library name is looked up.
"""

from __future__ import annotations

import functools
import os
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

LDCONFIG = "/sbin/ldconfig"
# The loader cache's tag for this machine's C library (what ``ldconfig -p`` prints in brackets).
ABI_TAGS = {
    "x86_64": "libc6,x86-64",
    "ppc64": "libc6,64bit",
    "sparc64": "libc6,64bit",
    "s390x": "libc6,64bit",
    "ia64": "libc6,IA-64",
}

_original: Callable[[str], str | None] | None = None


def _abi_tag() -> str:
    if struct.calcsize("P") == 8:
        return ABI_TAGS.get(os.uname().machine, "libc6")
    return "libc6"


@functools.cache
def _loader_cache() -> tuple[tuple[str, str], ...]:
    """(file name, bracketed tag) of every library ``ldconfig -p`` lists, in its order."""
    command = [LDCONFIG, "-p"]
    try:
        done = subprocess.run(
            command, capture_output=True, env={"LC_ALL": "C", "LANG": "C"}, check=False
        )
    except OSError:
        return ()
    entries = []
    for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        tag = rest.partition(")")[0]
        if name and tag:
            entries.append((name, tag))
    return tuple(entries)


def _library_path_files() -> Iterator[str]:
    for folder in os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep):
        if folder and Path(folder).is_dir():
            yield from sorted(path.name for path in Path(folder).iterdir())


def cached_find_library(name: str) -> str | None:
    """The file name the loader knows for library ``name`` (``gobject-2.0``), or None."""
    prefix = f"lib{name}."
    tag = _abi_tag()
    for file_name, file_tag in _loader_cache():
        if file_name.startswith(prefix) and file_tag.startswith(tag):
            return file_name
    return next((file for file in _library_path_files() if file.startswith(prefix + "so")), None)


def use_loader_cache() -> None:
    """Answer ``find_library`` from the loader cache (Linux), until :func:`restore`."""
    global _original
    import ctypes.util  # only now: when WeasyPrint's C declarations are read ready-made, no
    # library is looked up (:mod:`.prebuilt_ffi`), and importing ctypes.util costs ~7 ms

    if sys.platform.startswith("linux") and _original is None:
        _original = ctypes.util.find_library
        ctypes.util.find_library = cached_find_library


def restore() -> None:
    """Give ``ctypes.util.find_library`` back."""
    global _original
    if _original is not None:
        import ctypes.util

        ctypes.util.find_library = _original  # type: ignore[assignment]
        _original = None
