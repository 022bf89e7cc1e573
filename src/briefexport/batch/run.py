"""Hand jobs to an executor a few at a time, collect results, and stop cleanly when asked.

Any ``concurrent.futures.Executor`` will do: the local process pool or a Dask client's executor.
Only a small window of jobs is submitted ahead of the workers, so a stop request (Ctrl-C,
SIGTERM) means: submit nothing more, cancel what has not started, and wait for the briefs in
hand, whose outputs are written atomically. A local pool whose worker died (out of memory, a
crash in a native library) is replaced and the briefs it held are tried once more.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, CancelledError, Executor, wait
from concurrent.futures import Future as ConcurrentFuture
from dataclasses import dataclass, field

from .jobs import OUTPUT_FAILED, Job, JobResult, run_job

ExecutorFactory = Callable[[], Executor]
ResultSink = Callable[[JobResult], None]
POLL_SECONDS = 0.25


@dataclass
class Dispatcher:
    """Runs ``jobs`` on executors made by ``make_executor``, ``window`` of them in flight."""

    make_executor: ExecutorFactory
    window: int
    stop: threading.Event
    on_result: ResultSink
    queue: deque[Job] = field(default_factory=deque)
    pending: dict[ConcurrentFuture[JobResult], Job] = field(default_factory=dict)
    retried: set[str] = field(default_factory=set)
    not_started: int = 0

    def run(self, jobs: list[Job]) -> int:
        """Run every job unless stopped; returns how many were never started."""
        self.queue.extend(jobs)
        executor = self.make_executor()
        try:
            while self.queue or self.pending:
                executor = self._fill(executor)
                if not self.pending:
                    break
                done, _ = wait(self.pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                if self._collect(done):
                    executor = self._renew(executor)
                if self.stop.is_set():
                    self._cancel_waiting()
        finally:
            self._cancel_waiting()
            executor.shutdown(wait=True)
        return self.not_started + len(self.queue)

    def _fill(self, executor: Executor) -> Executor:
        while self.queue and not self.stop.is_set() and len(self.pending) < self.window:
            job = self.queue.popleft()
            try:
                self.pending[executor.submit(run_job, job)] = job
            except BrokenExecutor:
                self.queue.appendleft(job)
                executor = self._renew(executor)
        return executor

    def _collect(self, done: set[ConcurrentFuture[JobResult]]) -> bool:
        """Pass on finished results; True when the executor broke."""
        broken = False
        for future in done:
            job = self.pending.pop(future)
            try:
                self.on_result(future.result())
            except CancelledError:
                self.not_started += 1
            except BrokenExecutor:
                broken = True
                self._retry_or_fail(job)
            except Exception as error:  # e.g. a Dask worker killed repeatedly on this brief
                self.on_result(_crashed(job, f"{type(error).__name__}: {error}"))
        return broken

    def _retry_or_fail(self, job: Job) -> None:
        if job.relative in self.retried:
            self.on_result(_crashed(job, "the worker process died while converting this brief"))
        else:
            self.retried.add(job.relative)
            self.queue.appendleft(job)

    def _renew(self, executor: Executor) -> Executor:
        """Replace a broken executor; what it still held is reported or tried again."""
        held, self.pending = self.pending, {}
        for future, job in held.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                self.on_result(future.result())
            else:
                future.cancel()
                self._retry_or_fail(job)
        executor.shutdown(wait=False)
        return self.make_executor()

    def _cancel_waiting(self) -> None:
        for future in self.pending:
            future.cancel()


def _crashed(job: Job, why: str) -> JobResult:
    return JobResult(job.relative, OUTPUT_FAILED, errors=(f"{job.source}: error: {why}",))
