"""Worker processes on this machine: a process pool whose workers start from the fork server
(:mod:`.server`), so that they import the writers once, and are replaced after a number of
briefs."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from ..shared.filemodes import current_umask
from .limits import TimeLimit, prepare_local_worker
from .server import worker_context

LONG_LIFE_TASKS = 8
"""A worker that takes at least this many of the longest chunks lives long enough to start on
them: no pool of single-brief tasks is needed first (:class:`.run.Dispatcher`)."""


def local_executor(
    workers: int,
    formats: tuple[str, ...],
    recycle_after: int,
    largest_task: int = 1,
    limit: TimeLimit | None = None,
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each replaced after at most ``recycle_after`` briefs:
    the pool counts tasks, and a task holds up to ``largest_task`` briefs. With a ``limit``
    (made with :func:`.server.worker_context`), a worker ends when a brief overruns it."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_context(formats),
        initializer=prepare_local_worker,
        initargs=(formats, current_umask(), limit),
        max_tasks_per_child=tasks_per_worker(recycle_after, largest_task),
    )


def tasks_per_worker(recycle_after: int, largest_task: int) -> int:
    """Tasks a worker takes before it is replaced: never more than ``recycle_after`` briefs
    when a task holds up to ``largest_task`` (at least one task)."""
    return max(1, recycle_after // largest_task)


def starts_narrow(recycle_after: int, largest_task: int) -> bool:
    """Whether a pool for the longest chunks would replace its workers too often to also serve
    the run's first, single-brief tasks: then a pool for single briefs comes first."""
    return tasks_per_worker(recycle_after, largest_task) < LONG_LIFE_TASKS
