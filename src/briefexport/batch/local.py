"""Worker processes on this machine: a process pool whose workers start from the fork server
(:mod:`.server`), so that they import the writers once, and are replaced after a number of
briefs.

A pool one of whose workers died fails the tasks it held from its manager thread; in Python
3.11.7 (gh-107219, fixed upstream by python/cpython#108974) that thread dies
of :class:`InvalidStateError` on a task the dispatcher had cancelled, as it does when the run
is stopped while a worker ends at the time limit. The tasks are failed all the same (the error
comes after them, with the pool already broken), so that one error, from that thread only, is
not shown (:func:`quiet_cancelled_failures`); any other goes to the usual hook. A run puts the
hook it found back once its pools are shut down (:func:`hook_put_back`): a program that runs a
batch from Python keeps its own.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from concurrent.futures import InvalidStateError, ProcessPoolExecutor
from concurrent.futures.process import _ExecutorManagerThread

from ..shared.filemodes import current_umask
from .limits import TimeLimit, prepare_local_worker
from .pools import WatchedPool
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
    quiet_cancelled_failures()
    return WatchedPool(
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


def quiet_cancelled_failures() -> None:
    """Install (once) a :func:`threading.excepthook` that drops the :class:`InvalidStateError`
    of a pool's manager thread failing a cancelled task, and passes on everything else."""
    if getattr(threading.excepthook, "briefexport_quiet", False):
        return
    passed_on = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if not (
            isinstance(args.thread, _ExecutorManagerThread)
            and args.exc_type is InvalidStateError
            and "CANCELLED" in str(args.exc_value)
        ):
            passed_on(args)

    hook.briefexport_quiet = True  # type: ignore[attr-defined]
    threading.excepthook = hook


@contextlib.contextmanager
def hook_put_back() -> Iterator[None]:
    """Put back the :func:`threading.excepthook` found as the block starts, if the block left
    :func:`quiet_cancelled_failures`'s in its place (never a hook another thread set since)."""
    found = threading.excepthook
    try:
        yield
    finally:
        if getattr(threading.excepthook, "briefexport_quiet", False):
            threading.excepthook = found
