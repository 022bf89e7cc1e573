"""WeasyPrint's C declarations read ready-made at start-up, not parsed with pycparser.

WeasyPrint 70 (``weasyprint/text/ffi.py``) makes its cffi ``FFI`` object in ABI mode, in line:
at every import ``ffi.cdef`` parses some 460 lines of C with pycparser, which cffi imports for
it, together about 0.1 s of a cold ``--to pdf``; later each new type name WeasyPrint asks for
(``ffi.new("hb_codepoint_t[519]")``) is parsed with pycparser again (:mod:`.cffi_types`). In
cffi's out-of-line ABI mode the declarations are parsed once, ahead of time, and kept as the
keyword arguments of ``_cffi_backend.FFI``, which reads them, and parses type names, in C.

:mod:`.ffi_types` keeps them for WeasyPrint 70.0's declarations (written by :mod:`.ffi_build`
with cffi's own recompiler). While WeasyPrint is imported (:mod:`.startup`), a finder on
``sys.meta_path`` answers for ``weasyprint.text.ffi`` when its file is the one reviewed
(SHA-256 below), the one :mod:`.ffi_types` was written from (its test writes them again from
that ``cdef`` with the installed cffi and compares every type and function). The module
is then made from them and gets the names ``ffi.py`` defines after its ``cdef``, made as it
makes them: the same libraries, tried under the same spellings in the same order and opened
with WeasyPrint's flag ``RTLD_NOW`` (and ``RTLD_NODELETE``, below), ``g_type_init`` called,
``TO_UNITS``, ``FROM_UNITS``, ``unicode_to_char_p``.

A library is opened by the first of WeasyPrint's spellings the dynamic loader opens by itself:
on Linux its file name (``libpango-1.0.so.0``), the very name cffi's in-line ``dlopen`` got
from ``ctypes.util.find_library`` for an earlier spelling (:mod:`.libraries`; a test compares the
library files mapped either way), so no library name is looked up. Linux only, then;
elsewhere, for another ``ffi.py``, or when a library WeasyPrint needs does not open, WeasyPrint's
own module is imported, and gives its own message. One difference remains: a function missing
from a library raises cffi's ``ffi.error`` where in-line cffi raised ``AttributeError``;
WeasyPrint catches neither.

The libraries are never unloaded (``RTLD_NODELETE``). cffi closes a library (``dlclose``) when
the object ``dlopen`` returned is freed (cffi's documentation of ``ffi.dlopen``); a function taken
from it, such as a destructor given to ``ffi.gc``, does not keep it alive. In line, the ``FFI``
object keeps every library it opened; out of line only the modules that imported them do. At
interpreter exit CPython empties the modules still alive before its last collection of reference
cycles, and a laid-out document leaves cycles that hold its font configuration (a Pango font
map, freed with ``g_object_unref`` through ``ffi.gc``). When the modules outlived the first
collection (under pytest), emptying ``weasyprint.text.ffi`` closed pangoft2 and fontconfig,
which the loader unmapped, and the last collection's ``g_object_unref`` (in GObject, which is
never unloaded) called the font map's finalizer at its old address in ``libpangoft2``: a
segmentation fault once all the work was done (exit status 139). cairocffi
crashed at exit for the same cause (Kozea/cairocffi#73, fixed in #79 by keeping the library
referenced from each destructor). GObject keeps the types Pango registered, which point into
Pango's code, so unloading Pango while GObject stays is unsound in any order; kept loaded, the
libraries go when the process ends.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from contextlib import suppress
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

from .pinned import ModuleFinder
from .source_memo import file_sha256

MODULE = "weasyprint.text.ffi"
REVIEWED_SHA256 = "530e83118f7841d2791678ece23d5e43a7a24150ee1ea64bb4ba70c70b3eb5da"
# (name in ffi.py, WeasyPrint's spellings in its order, whether it may be missing)
LIBRARIES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("gobject", ("libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libgobject-2.0.so.0",
                 "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll"), False),
    ("pango", ("libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0",
               "libpango-1.0.dylib", "libpango-1.0-0.dll"), False),
    ("harfbuzz", ("libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz.so.0",
                  "libharfbuzz.0.dylib", "libharfbuzz-0.dll"), False),
    ("harfbuzz_subset", ("libharfbuzz-subset-0", "harfbuzz-subset", "harfbuzz-subset-0.0",
                         "libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib",
                         "libharfbuzz-subset-0.dll"), True),
    ("harfbuzz_vector", ("libharfbuzz-vector-0", "harfbuzz-vector", "harfbuzz-vector-0.0",
                         "libharfbuzz-vector.so.0", "libharfbuzz-vector.0.dylib",
                         "libharfbuzz-vector-0.dll"), True),
    ("fontconfig", ("libfontconfig-1", "fontconfig-1", "fontconfig", "libfontconfig.so.1",
                    "libfontconfig.1.dylib", "libfontconfig-1.dll"), False),
    ("pangoft2", ("libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0", "libpangoft2-1.0.so.0",
                  "libpangoft2-1.0.dylib", "libpangoft2-1.0-0.dll"), False),
)  # fmt: skip
SUBSET_WARNING = (
    "HarfBuzz-Subset will be required by future versions of WeasyPrint. "
    "Please install this library with your package manager."
)


def is_reviewed(path: Path) -> bool:
    """Whether ``path`` is the reviewed ``ffi.py`` (WeasyPrint 70.0's), the one whose ``cdef``
    :mod:`.ffi_types` was written from."""
    from .ffi_types import SOURCE_SHA256

    return file_sha256(str(path)) == REVIEWED_SHA256 == SOURCE_SHA256


def _open(ffi: Any, spellings: Sequence[str]) -> Any:
    """The first of ``spellings`` the loader opens (``ffi.py``'s ``_dlopen``), never to be
    unloaded, or None."""
    for name in spellings:
        with suppress(OSError):
            return ffi.dlopen(name, ffi.RTLD_NOW | ffi.RTLD_NODELETE)
    return None


def open_libraries(ffi: Any) -> dict[str, Any] | None:
    """Each of WeasyPrint's libraries by its ``ffi.py`` name; None if a needed one is missing."""
    opened = {}
    for name, spellings, optional in LIBRARIES:
        opened[name] = _open(ffi, spellings)
        if opened[name] is None and not optional:
            return None
    return opened


def prebuilt_module_names(path: Path) -> dict[str, Any] | None:
    """The names of ``weasyprint.text.ffi`` made from :mod:`.ffi_types`, or None to import
    WeasyPrint's own module (not Linux, another file, a library that does not open)."""
    if not sys.platform.startswith("linux") or not is_reviewed(path):
        return None
    from . import ffi_types

    try:
        import _cffi_backend  # type: ignore[import-untyped]

        ffi = _cffi_backend.FFI(MODULE, **ffi_types.KEYWORDS)
    except ImportError:  # no cffi, or one that does not read these declarations' version
        return None
    libraries = open_libraries(ffi)
    if libraries is None:
        return None
    names: dict[str, Any] = {"os": os, "sys": sys, "warnings": warnings, "suppress": suppress}
    return names | {"ffi": ffi, **libraries}


def unicode_to_char_p(ffi: Any) -> Callable[[str], tuple[Any, bytes]]:
    """``ffi.py``'s ``unicode_to_char_p`` on ``ffi``."""

    def unicode_to_char_p(string: str) -> tuple[Any, bytes]:
        """Return ``(pointer, bytestring)``; the bytes must outlive the pointer."""
        bytestring = string.encode().replace(b"\x00", b"")
        return ffi.new("char[]", bytestring), bytestring

    return unicode_to_char_p


class PrebuiltLoader(importlib.abc.Loader):
    """Runs what ``ffi.py`` runs after its ``cdef``, on the ready-made names."""

    def __init__(self, names: dict[str, Any]) -> None:
        self._names = names

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        names = self._names
        if names["harfbuzz_subset"] is None:
            warnings.warn(SUBSET_WARNING, category=DeprecationWarning, stacklevel=1)
        names["gobject"].g_type_init()
        names["TO_UNITS"] = names["pango"].pango_units_from_double(1)
        names["FROM_UNITS"] = names["pango"].pango_units_to_double(1)
        names["unicode_to_char_p"] = unicode_to_char_p(names["ffi"])
        module.__dict__.update(names)


class PrebuiltFinder(ModuleFinder):
    """Finds ``weasyprint.text.ffi`` where the path finder does; loads it ready-made when the
    file is the reviewed one, else calls ``otherwise`` and leaves it to the path finder."""

    def __init__(self) -> None:
        super().__init__(MODULE)
        self.otherwise: Callable[[], None] = lambda: None

    def adapt(self, spec: ModuleSpec | None) -> ModuleSpec | None:
        origin = None if spec is None else spec.origin
        names = None if origin is None else prebuilt_module_names(Path(origin))
        if spec is None or names is None:
            self.otherwise()
            return None
        spec.loader = PrebuiltLoader(names)
        return spec


FINDER = PrebuiltFinder()


def install(otherwise: Callable[[], None]) -> None:
    """Put the finder first on ``sys.meta_path`` (until :func:`remove`); ``otherwise`` is called
    before WeasyPrint's own ``ffi.py`` is imported instead."""
    FINDER.otherwise = otherwise
    FINDER.install()


remove = FINDER.remove


def is_active() -> bool:
    """Whether the imported ``weasyprint.text.ffi`` was made from :mod:`.ffi_types`."""
    module = sys.modules.get(MODULE)
    return module is not None and isinstance(getattr(module.__spec__, "loader", None),
                                             PrebuiltLoader)  # fmt: skip
