"""Worker processes on this machine: a process pool whose workers import the writers once.

Workers start from a fork server that has already imported the writers of the formats asked
for (WeasyPrint alone costs about a second), so a worker is cheap to start and can be recycled
after a number of briefs: WeasyPrint's memory grows over long render loops. Where there is no
fork server (Windows), workers are spawned and import the writers themselves.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

from ..formats import FORMATS
from .jobs import prepare_worker

DEFAULT_RECYCLE_AFTER = 50
"""Briefs a local worker converts before it is replaced by a fresh one."""


def local_executor(
    workers: int, formats: tuple[str, ...], recycle_after: int, largest_task: int = 1
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each replaced after at most ``recycle_after`` briefs:
    the pool counts tasks, and a task holds up to ``largest_task`` briefs."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(formats),
        initializer=prepare_worker,
        initargs=(formats, True),
        max_tasks_per_child=tasks_per_worker(recycle_after, largest_task),
    )


def tasks_per_worker(recycle_after: int, largest_task: int) -> int:
    """Tasks a worker takes before it is replaced: never more than ``recycle_after`` briefs
    when a task holds up to ``largest_task`` (at least one task)."""
    return max(1, recycle_after // largest_task)


def start_worker_server(formats: tuple[str, ...]) -> None:
    """Start the fork server at once, so that it imports the writers while this process finds
    and plans the briefs, instead of after (a fork server already running stays as it is)."""
    if _context(formats).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context(formats: tuple[str, ...]) -> BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    writers = [FORMATS[fmt].target.split(":")[0] for fmt in formats]
    # the fork server is started once per process: the first run's preload list stays
    preload = ["briefexport.batch.jobs", "briefexport.batch.chunks", "briefexport.reader"]
    context.set_forkserver_preload([*preload, *writers])
    return context
