"""Each PDF object serialised once while pydyf writes the file, not twice.

A PDF/A file carries a file identifier (``/ID``, ISO 32000-1, 14.4), which WeasyPrint 70 asks
pydyf to make (``pdf_identifier``). pydyf 0.13's ``PDF.write`` makes it as the MD5 of every
object's bytes, computed again after writing them: each dictionary and array is formatted a
second time and each stream (page contents, embedded fonts, the object stream) joined and
deflated a second time, a few per cent of a long brief's run and more of a short one's.

The bytes of a pydyf object (its ``data`` property) depend only on the object, and nothing
changes an object while the file is written. :func:`install` gives ``Dictionary``, ``Array``
and ``Stream`` a ``data`` that, while a ``PDF.write`` runs in the current thread, remembers
the bytes of each indirect object (the ones the identifier is made from; a direct object is
formatted once inside its holder's bytes) and answers the second question from memory; outside
a write it is pydyf's own. The file is byte for byte the same; the memory holds about the
file's size for the length of the write.

Pinned like :mod:`.compression`: installed only when ``PDF.write`` and the three ``data``
getters are the ones reviewed (pydyf 0.13.0, SHA-256 of their source).
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import Any

import pydyf  # type: ignore[import-untyped]

from .pinned import has_fingerprint

REVIEWED_SHA256 = {
    "write": "242cd38f92ecd33f831159f8eb560487bf2e18d746ff8a7666954f2a8d519ba0",
    "Dictionary": "1a6ebf2b6bc6adcb35017ee398cd7f7d71247dd2828a3051137d2a7abb87388c",
    "Array": "136a84494ae7c8cc344c683281a1e1e56dd478de907ff7ff9d74debe90b8a400",
    "Stream": "bdc2bc513f286de7b7a7220a43e6085daa6ed0056d9c04e3c9b5abe40f3ecf81",
}
OURS = "_briefexport_serialised_once"

_MEMORY: contextvars.ContextVar[dict[int, tuple[Any, bytes]] | None] = contextvars.ContextVar(
    "pdf_object_bytes", default=None
)
_installing = threading.Lock()


def _remembered(getter: Callable[[Any], bytes]) -> property:
    def data(item: Any) -> bytes:
        memory = _MEMORY.get()
        if memory is None or item.number is None:  # a direct object: formatted in its holder
            return getter(item)
        found = memory.get(id(item))
        if found is None:
            found = memory[id(item)] = (item, getter(item))  # the item kept: its id stays its own
        return found[1]

    data.reviewed_original = getter  # type: ignore[attr-defined]
    return property(data)


def _writing_once(write: Callable[..., Any]) -> Callable[..., Any]:
    def remembering_write(pdf: Any, *args: Any, **kwargs: Any) -> Any:
        token = _MEMORY.set({})
        try:
            return write(pdf, *args, **kwargs)
        finally:
            _MEMORY.reset(token)

    setattr(remembering_write, OURS, True)
    remembering_write.reviewed_original = write  # type: ignore[attr-defined]
    return remembering_write


def _getters() -> dict[str, Callable[..., Any]]:
    """pydyf's own functions, under ours when they are installed."""
    write = pydyf.PDF.write
    return {
        "write": getattr(write, "reviewed_original", write),
        **{name: _original(getattr(pydyf, name)) for name in ("Dictionary", "Array", "Stream")},
    }


def _original(kind: type) -> Callable[..., Any]:
    """pydyf's own ``data`` getter of ``kind``, under ours when it is installed."""
    getter = kind.data.fget  # type: ignore[attr-defined]
    return getattr(getter, "reviewed_original", getter)  # type: ignore[no-any-return]


def is_reviewed(functions: dict[str, Callable[..., Any]]) -> bool:
    """Whether pydyf's ``PDF.write`` and ``data`` getters are exactly the reviewed ones."""
    return all(
        has_fingerprint(functions[name], expected) for name, expected in REVIEWED_SHA256.items()
    )


def install() -> bool:
    """Serialise once per write from now on, if pydyf is the reviewed one; whether it does."""
    with _installing:
        if getattr(pydyf.PDF.write, OURS, False):
            return True
        functions = _getters()
        if not is_reviewed(functions):
            return False
        for name in ("Dictionary", "Array", "Stream"):
            getattr(pydyf, name).data = _remembered(functions[name])
        pydyf.PDF.write = _writing_once(functions["write"])
        return True
