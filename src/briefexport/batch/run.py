"""Hand briefs to an executor a few tasks at a time, collect results, and stop cleanly when asked.

Any ``concurrent.futures.Executor`` will do: the local process pool or a Dask client's executor.
A task is a chunk of briefs (:mod:`.chunks`): one while their times are unknown, then as many
as make a short task. Only a small window of tasks is submitted ahead of the workers, so a stop
request (Ctrl-C, SIGTERM) means: submit nothing more, cancel what has not started, and wait for
the chunks in hand, whose outputs are written atomically. A local pool whose worker died (out of
memory, a crash in a native library) is replaced; the briefs of the chunks it held are tried
once more, each alone, so the brief that kills a worker is found and reported. A worker that
ended because a brief overran the run's time limit (:mod:`.limits`) broke its pool the same
way: that brief is reported at once, and the others are tried again with no strike against them.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, CancelledError, Executor, wait
from concurrent.futures import Future as ConcurrentFuture
from dataclasses import dataclass, field

from .chunks import ChunkSizer, run_chunk
from .jobs import OUTPUT_FAILED, Job, JobResult, error_line
from .limits import TimeLimit
from .stragglers import LetGo, end_workers, let_go

ExecutorFactory = Callable[[int], Executor]
"""Makes an executor for tasks of at most the given number of briefs (a local pool counts
tasks to recycle its workers, so it must know how many briefs a task may hold)."""
ResultSink = Callable[[JobResult], None]
Chunk = tuple[Job, ...]
POLL_SECONDS = 0.25
WIDEN_AFTER = 1
"""Tasks in flight times this many briefs finish alone before chunks may grow. The estimate
then still leans on each worker's first brief, slow while its caches fill, so the chunks come
out somewhat short of the target: not by half, so one new executor usually serves the rest of
the run, and single briefs, whose tasks cost a worker about as much as the brief, are few."""


@dataclass(eq=False, repr=False)
class Dispatcher:
    """Runs ``jobs`` on executors made by ``make_executor``, ``sizer.window`` tasks in flight.

    With ``widens``, the first executor takes single briefs; once :data:`WIDEN_AFTER` times as
    many briefs have finished as there are tasks in flight, it is replaced by one for the chunk
    size their times call for whenever that is at least twice what it takes (a few times a run
    at most). The new one starts at once, its workers starting while the old one's finish the
    tasks they hold; the old one is shut down once they are done. Otherwise (a Dask cluster,
    which recycles nothing) chunks grow as they may.
    """

    make_executor: ExecutorFactory
    sizer: ChunkSizer
    stop: threading.Event
    on_result: ResultSink
    widens: bool = True
    limit: TimeLimit | None = None
    """The local workers' time limit per brief, whose queue names the briefs that overran."""
    queue: deque[Job] = field(default_factory=deque)
    alone: deque[Job] = field(default_factory=deque)
    pending: dict[ConcurrentFuture[list[JobResult]], Chunk] = field(default_factory=dict)
    retried: set[str] = field(default_factory=set)
    overran: set[str] = field(default_factory=set)
    explained: bool = False
    """Whether the pool broke because a brief overran the time limit (until it is replaced)."""
    not_started: int = 0
    workers_lost: bool = False
    """Whether a worker ended otherwise than it should (killed, at the time limit, lost by a
    cluster): it may have left temporary files (:mod:`.leftovers`)."""
    retiring: list[tuple[Executor, set[ConcurrentFuture[list[JobResult]]]]] = field(
        default_factory=list
    )
    """Replaced executors, each with the tasks in flight when it was replaced (its own, and
    any an older one still held)."""
    let_go_of: list[LetGo] = field(default_factory=list)
    """Broken executors shut down without waiting, whose workers the run ends before it
    returns (:mod:`.stragglers`)."""

    def __post_init__(self) -> None:
        self.bound = 1 if self.widens else self.sizer.largest

    def run(self, jobs: list[Job]) -> int:
        """Run every job unless stopped; returns how many were never started."""
        self.queue.extend(jobs)
        executor = self.make_executor(self.bound)
        try:
            while self.queue or self.alone or self.pending:
                executor = self._fill(executor)
                if not self.pending:
                    break
                done, _ = wait(self.pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                if self._collect(done):
                    executor = self._renew(executor)
                self._retire_idle()
                if self.stop.is_set():
                    self._cancel_waiting()
        finally:
            self._cancel_waiting()
            for old, _ in self.retiring:
                old.shutdown(wait=True)
            executor.shutdown(wait=True)
            end_workers(self.let_go_of)
        return self.not_started + len(self.queue) + len(self.alone)

    def _fill(self, executor: Executor) -> Executor:
        while (self.queue or self.alone) and not self.stop.is_set():
            if len(self.pending) >= self.sizer.window:
                break
            wider = self._wider_chunks()
            if wider:
                self.retiring.append((executor, set(self.pending)))
                self.bound, executor = wider, self.make_executor(wider)
            chunk = self._next_chunk()
            try:
                self.pending[executor.submit(run_chunk, chunk)] = chunk
            except BrokenExecutor:
                self.alone.extendleft(reversed(chunk))
                executor = self._renew(executor)
        return executor

    def _next_chunk(self) -> Chunk:
        if self.alone:
            return (self.alone.popleft(),)
        size = min(self.sizer.size(len(self.queue)), self.bound)
        return tuple(self.queue.popleft() for _ in range(min(size, len(self.queue))))

    def _retire_idle(self) -> None:
        """Shut down the replaced executors that hold no task any more. (A process pool is
        shut down only once idle: one shut down while its workers still count their tasks
        fails as they leave, in Python 3.11.)"""
        for old, held in list(self.retiring):
            if held.isdisjoint(self.pending):
                old.shutdown(wait=True)
                self.retiring.remove((old, held))

    def _wider_chunks(self) -> int:
        """The longer chunks the briefs' times call for, if at least twice the present ones;
        else 0."""
        if not self.widens or self.sizer.finished < WIDEN_AFTER * self.sizer.window:
            return 0
        wanted = min(self.sizer.size(len(self.queue)), len(self.queue))
        return wanted if wanted >= 2 * self.bound else 0

    def _collect(self, done: set[ConcurrentFuture[list[JobResult]]]) -> bool:
        """Pass on finished results; True when the executor broke."""
        broken = False
        for future in done:
            chunk = self.pending.pop(future)
            try:
                self._pass_on(future.result())
            except CancelledError:
                self.not_started += len(chunk)
            except BrokenExecutor:
                broken = True
                self._retry_or_fail(chunk)
            except Exception as error:  # e.g. a Dask worker killed repeatedly on this chunk
                self.workers_lost = True
                for job in chunk:
                    self.on_result(_crashed(job, f"{type(error).__name__}: {error}"))
        return broken

    def _pass_on(self, results: list[JobResult]) -> None:
        for result in results:
            self.sizer.observe(result)
            self.on_result(result)

    def _retry_or_fail(self, chunk: Chunk) -> None:
        """Each brief of a chunk whose worker died is tried again alone, or reported if it was
        already being tried again or if the run is stopping (it was in hand, not "not
        started"); a brief that overran the time limit is reported, and when one did, the
        others are tried again with no strike against them."""
        rest = self._overruns_reported(chunk)
        if self.stop.is_set():
            why = "the worker process died while converting this brief; not tried again, as"
            for job in rest:
                self.on_result(_crashed(job, f"{why} the run was stopped"))
            return
        if not self.explained:
            for job in rest:
                if job.relative in self.retried:
                    why = "the worker process died while converting this brief"
                    self.on_result(_crashed(job, why))
            rest = [job for job in rest if job.relative not in self.retried]
            self.retried.update(job.relative for job in rest)
        self.alone.extendleft(reversed(rest))

    def _overruns_reported(self, chunk: Chunk) -> list[Job]:
        """Report the briefs of ``chunk`` that overran the time limit; returns the others."""
        if self.limit is None:
            return list(chunk)
        named = self.limit.overran()
        self.overran |= named
        self.explained = self.explained or bool(named)
        rest = []
        for job in chunk:
            if job.relative in self.overran:
                self.on_result(self.limit.failure(job))
            else:
                rest.append(job)
        return rest

    def _renew(self, executor: Executor) -> Executor:
        """Replace a broken executor; what it still held is reported or tried again."""
        self.workers_lost = True
        held, self.pending = self.pending, {}
        for future, chunk in held.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                self._pass_on(future.result())
            else:
                future.cancel()
                self._retry_or_fail(chunk)
        for old, _ in self.retiring:
            self.let_go_of.append(let_go(old))
        self.retiring.clear()
        self.let_go_of.append(let_go(executor))
        self.explained = False
        return self.make_executor(self.bound)

    def _cancel_waiting(self) -> None:
        for future in self.pending:
            future.cancel()


def _crashed(job: Job, why: str) -> JobResult:
    return JobResult(job.relative, OUTPUT_FAILED, errors=(error_line(job.source, why),))
