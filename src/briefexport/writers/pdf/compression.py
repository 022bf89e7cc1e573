"""PDF streams deflated at zlib's default level instead of its slowest one.

pydyf 0.13, which writes WeasyPrint's PDFs, deflates every stream (``/FlateDecode``, PDF 1.7
section 7.4.4) with zlib level 9. A tagged brief's object streams are long runs of nearly
identical structure elements, where level 9's longer match search costs most and gains least:
on the generated 120-page brief, 13 MB of streams took 1.38 s at level 9 and 0.39 s at level 6,
for 3 % more bytes (1,453 KB against 1,498 KB). Any level is read by every PDF reader and
allowed by PDF/A; the output stays reproducible (same input, same zlib, same bytes).

:func:`install` gives pydyf's module, and no other, a stand-in for ``zlib`` whose
``compressobj`` uses :data:`LEVEL`; everything else is the real ``zlib``. Pinned like
:mod:`.notes_stay`: installed only when ``pydyf.Stream.data`` is the one reviewed (pydyf
0.13.0, SHA-256 of its source), the one place pydyf asks for level 9.
"""

from __future__ import annotations

import threading
import types
import zlib
from collections.abc import Callable
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .pinned import has_fingerprint

LEVEL = 6
REVIEWED_SHA256 = "bdc2bc513f286de7b7a7220a43e6085daa6ed0056d9c04e3c9b5abe40f3ecf81"
_installing = threading.Lock()


class DefaultLevelZlib(types.ModuleType):
    """``zlib`` as pydyf sees it: ``compressobj`` at :data:`LEVEL`, all else the real module."""

    def __init__(self) -> None:
        super().__init__("zlib", "zlib for pydyf, deflating at zlib's default level")

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = LEVEL, *args: Any, **kwargs: Any) -> Any:
        """A compressor at :data:`LEVEL`, whatever level is asked for."""
        return zlib.compressobj(LEVEL, *args, **kwargs)


def is_reviewed(getter: Callable[..., Any]) -> bool:
    """Whether ``getter`` is pydyf's ``Stream.data`` exactly as reviewed here (under
    :mod:`.serialise_once`'s memory when that is installed)."""
    getter = getattr(getter, "reviewed_original", getter)
    return has_fingerprint(getter, REVIEWED_SHA256)


def install() -> bool:
    """Give pydyf the stand-in once, if pydyf is the reviewed one; whether it is in place."""
    with _installing:
        if isinstance(pydyf.zlib, DefaultLevelZlib):
            return True
        if pydyf.zlib is not zlib or not is_reviewed(pydyf.Stream.data.fget):
            return False
        pydyf.zlib = DefaultLevelZlib()
        return True
