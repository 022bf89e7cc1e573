"""Lay out and draw a PDF on one chunk of CPython's frame stack, not on chunks made and freed.

CPython 3.11 keeps each thread's Python frames on a stack made of chunks of 16 KiB
(``DATA_STACK_CHUNK_SIZE`` in ``Python/pystate.c``): a call whose frame does not fit in the
current chunk gets a new chunk from the operating system (``mmap``), and the return that leaves
that chunk empty gives it back (``munmap``). WeasyPrint's layout and drawing recurse deeply and
cross a chunk border back and forth, so a brief of the benchmark collection (4 to 12 pages)
made some 15,000 ``mmap`` and ``munmap`` pairs of 16 KiB each (counted with strace) and 6,000
page faults, each new chunk faulting its pages in again: system time of some 7 per cent of the
PDF's CPU time in a warm batch worker, more on a busy machine.

A chunk too small for a frame is made large enough: 16 KiB doubled until the frame fits. So
:func:`call` runs the function from a frame whose code claims a value stack of
:data:`FRAME_BYTES` (``co_stacksize``, an upper bound the interpreter allocates but never
fills): that frame gets a chunk of its own of :data:`CHUNK_BYTES`, and the frames of the call
fit in the :data:`ROOM_BYTES` left after it (a few thousand frames; deeper ones get chunks as
before). The chunk is made and freed once per call; its unused slots are never written, so
their pages are never faulted in (nor those of a frame object made for that frame, by a
traceback or a profiler: it is allocated as large, and filled only as far as used). Only the
memory layout of frames changes: the PDFs are the same. Another Python implementation just
calls the function.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable
from types import FunctionType
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
CHUNK_BYTES = 1024 * 1024
ROOM_BYTES = 256 * 1024
FRAME_BYTES = CHUNK_BYTES - ROOM_BYTES
SLOT_BYTES = struct.calcsize("P")


def _plain_call(function: Callable[..., Any], args: Any, named: Any) -> Any:
    return function(*args, **named)


def _roomy(plain: Callable[..., Any]) -> Callable[..., Any]:
    """``plain`` with a code object that claims :data:`FRAME_BYTES` of value stack."""
    if sys.implementation.name != "cpython":
        return plain
    code = plain.__code__.replace(co_stacksize=FRAME_BYTES // SLOT_BYTES)
    return FunctionType(code, plain.__globals__, plain.__name__)


_ROOMY_CALL = _roomy(_plain_call)


def call(function: Callable[P, R], *args: P.args, **named: P.kwargs) -> R:
    """``function(*args, **named)``, its frames on one frame-stack chunk of their own."""
    result: R = _ROOMY_CALL(function, args, named)
    return result
