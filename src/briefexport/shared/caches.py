"""What a process keeps of a style's files, and a way to forget it.

Some of what writers make from a style folder (its labels, the code points its fonts cover,
Typst's index of them) is kept per process, by path, for the next brief. A process that serves
run after run (a Dask worker started by hand) must not keep it from one run to the next, when
the files may have changed: each run has its workers forget it as it starts
(:func:`forget_style_files`). Each cache registers its ``cache_clear`` in :data:`STYLE_CACHES`.
"""

from __future__ import annotations

from collections.abc import Callable

STYLE_CACHES: list[Callable[[], None]] = []
"""The ``cache_clear`` of every per-process cache of what a style's files give."""


def forget_style_files() -> None:
    """Empty every cache of :data:`STYLE_CACHES`."""
    for clear in STYLE_CACHES:
        clear()
