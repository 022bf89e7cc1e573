"""A time limit per brief on local workers: a brief that takes longer fails, alone.

A conversion cannot be cut short from outside its thread (a layout may sit in a native library
for minutes), so a worker that overruns ends itself. Each brief of a chunk runs under a timer
(:func:`brief_limit`); when it fires, the worker writes the brief's relative path to a queue
the parent holds, lets its commit thread put the earlier briefs' outputs in place, and exits.
The pool breaks, as it does when the system kills a worker, and the dispatcher replaces it
(:mod:`.run`): the brief named in the queue is reported as failed and never tried again, while
the other briefs of the broken pool's chunks are tried again alone, with no strike against
them, since the cause is known (their work is done twice: the README says how much that is).
No partial output is left: outputs are written to temporary files and renamed only once
complete (:mod:`briefexport.output`), and a brief's only once the brief is done
(:mod:`.commits`); whether a brief was done in time, its outputs released, or overran is
decided once, under the watchdog's lock. So the brief that overran changes no output, not
even of the formats it finished before the limit: the outputs an earlier run made of it stay
in place, without a record (the run dropped its records as it started), and a rerun makes
them again. A temporary file left by a worker that could not clean up (killed by the system,
or stuck past :data:`LAST_WORDS_SECONDS`) is removed by the next run (:mod:`.leftovers`).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from multiprocessing.queues import SimpleQueue

from .heap import freeze_inherited
from .jobs import OUTPUT_FAILED, Job, JobResult, error_line, prepare_worker


@dataclass(frozen=True)
class TimeLimit:
    """Seconds a brief may take, and the queue on which a worker names the brief that took
    longer (made by the parent, shared with every pool of the run)."""

    seconds: float
    reports: SimpleQueue[str]

    @classmethod
    def shared_with(cls, context: BaseContext, seconds: float) -> TimeLimit:
        """A limit whose queue the workers started by ``context`` can write to."""
        return cls(seconds, context.SimpleQueue())

    def overran(self) -> set[str]:
        """The briefs named by workers since the last call (already in the queue: a worker
        writes before it exits, and the parent learns of the exit after)."""
        named = set()
        while not self.reports.empty():
            named.add(self.reports.get())
        return named

    def failure(self, job: Job) -> JobResult:
        """What the parent reports for a brief whose worker ended at the limit."""
        why = (
            f"took longer than the time limit of {self.seconds:g} s per brief; its worker was"
            " stopped and the brief was not converted"
        )
        return JobResult(job.relative, OUTPUT_FAILED, errors=(error_line(job.source, why),))


LAST_WORDS_SECONDS = 10.0
"""How long an overrunning worker waits to name its brief, remove its temporary files and put
the earlier briefs' outputs in place before it ends."""


class _Watchdog:
    """One thread per worker that ends the worker when the brief it watches overruns (a timer
    thread per brief would cost some 150 us a brief, about 1 % of a short JATS conversion). It
    wakes at the deadline it last saw, not at each brief: a brief's deadline is never earlier
    than the one before, so the thread, woken, waits on for the brief then watched."""

    def __init__(self, limit: TimeLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self.changed = threading.Condition()
        self.watched: tuple[float, str, Callable[[], object]] | None = None
        self.wakes_at: float | None = None  # None: the thread sleeps until told
        self.fired = False

    def start(self) -> _Watchdog:
        """Start the thread that watches (once)."""
        thread = threading.Thread(target=self._run, name="briefexport-time-limit", daemon=True)
        thread.start()
        return self

    def watch(self, relative: str, before_exit: Callable[[], object]) -> None:
        with self.changed:
            self.watched = (self.clock() + self.limit.seconds, relative, before_exit)
            if self.wakes_at is None:  # deadlines only grow: a thread due to wake finds this one
                self.changed.notify()

    def release(self, in_time: Callable[[], object] | None = None) -> bool:
        """The brief watched is done: ``in_time`` runs, unless the thread found the brief overdue
        first (then False, and the worker is ending). Both are decided under one lock, so a
        brief is either done in time or overran, never both."""
        with self.changed:
            if self.fired:
                return False
            self.watched = None  # the thread wakes at the old deadline and finds nothing due
            if in_time is not None:
                in_time()
            return True

    def overdue(self) -> tuple[str, Callable[[], object]] | None:
        """The brief watched, and what to do before the worker ends, once past its deadline."""
        if self.watched is None or self.clock() < self.watched[0]:
            return None
        return self.watched[1], self.watched[2]

    def _run(self) -> None:
        with self.changed:
            while (due := self.overdue()) is None:
                self.wakes_at = None if self.watched is None else self.watched[0]
                left = None if self.wakes_at is None else self.wakes_at - self.clock()
                self.changed.wait(left)
            self.fired = True
        self._overrun(*due)

    def _overrun(self, relative: str, before_exit: Callable[[], object]) -> None:
        # the queue's lock may be held for ever by a worker killed as it wrote, and a sync may
        # hang on a network filesystem: the worker ends anyway, the brief then counted as a crash
        last_words = threading.Thread(
            target=self._last_words, args=(relative, before_exit), name="briefexport-last-words"
        )
        last_words.daemon = True
        last_words.start()
        last_words.join(LAST_WORDS_SECONDS)
        os._exit(OUTPUT_FAILED)

    def _last_words(self, relative: str, before_exit: Callable[[], object]) -> None:
        self.limit.reports.put(relative)
        before_exit()


_WATCHDOG: list[_Watchdog] = []
"""The watchdog of this worker process, if its run has a limit (made as the worker starts)."""


def prepare_local_worker(formats: tuple[str, ...], umask: int, limit: TimeLimit | None) -> None:
    """A local worker's start: :func:`.jobs.prepare_worker`, the run's time limit, and what
    it inherited frozen (:mod:`.heap`)."""
    prepare_worker(formats, True, umask)
    _WATCHDOG[:] = [_Watchdog(limit).start()] if limit is not None else []
    freeze_inherited()


_ENDING = threading.Event()
"""Never set: what a worker's main thread waits on once its watchdog has decided to end it."""


@contextlib.contextmanager
def brief_limit(
    job: Job, before_exit: Callable[[], object], in_time: Callable[[], object]
) -> Iterator[None]:
    """Within the block, this worker ends once the limit passes (``before_exit`` run first);
    a block done in time runs ``in_time`` after it, under the watchdog's lock, so that the
    brief cannot also be found overdue (its main thread waits for the end if it was). Without
    a limit (a Dask worker, a run with none) the block runs, then ``in_time``."""
    if not _WATCHDOG:
        yield
        in_time()
        return
    _WATCHDOG[0].watch(job.relative, before_exit)
    try:
        yield
    except BaseException:
        _WATCHDOG[0].release()
        raise
    if not _WATCHDOG[0].release(in_time):
        _ENDING.wait()
