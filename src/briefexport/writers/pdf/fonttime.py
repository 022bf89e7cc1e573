"""The date fontTools writes into the fonts it saves, per render and without the environment.

WeasyPrint 70 subsets fonts with HarfBuzz, which writes no date, but it saves variable and colour
fonts through fontTools, whose ``head`` table takes the clock (or ``SOURCE_DATE_EPOCH``) as its
"modified" date. Setting the environment variable around a render would leak into every thread of
the process, so the ``head`` table's clock is replaced once by one that reads a context variable:
each render sets the brief's timestamp for itself, and code outside a render sees the old clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.ttLib.tables import _h_e_a_d as head_table

_RENDER_MOMENT: ContextVar[int | None] = ContextVar("font_timestamp", default=None)
_INSTALL_LOCK = threading.Lock()


@contextlib.contextmanager
def font_timestamp(moment: dt.datetime) -> Iterator[None]:
    """Fonts saved by fontTools inside this block are dated ``moment``."""
    _install()
    token = _RENDER_MOMENT.set(timestampSinceEpoch(int(moment.timestamp())))
    try:
        yield
    finally:
        _RENDER_MOMENT.reset(token)


def _install() -> None:
    with _INSTALL_LOCK:
        clock: Callable[[], int] = head_table.timestampNow
        if getattr(clock, "reads_render_moment", False):
            return
        head_table.timestampNow = _render_clock(clock)


def _render_clock(fallback: Callable[[], int]) -> Callable[[], int]:
    def now() -> int:
        moment = _RENDER_MOMENT.get()
        return fallback() if moment is None else moment

    now.reads_render_moment = True  # type: ignore[attr-defined]
    return now
