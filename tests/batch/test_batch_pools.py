"""The local pool's manager in Python 3.11 (:mod:`briefexport.batch.pools`): a worker started as
a task is submitted is watched from its start, and a worker that ends at its task limit is
replaced while tasks wait. Without either, the tasks below would wait for ever: each future is
waited for :data:`GUARD` seconds at most, so that such a test fails instead."""

from __future__ import annotations

import multiprocessing.connection
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import Process
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch.local import local_executor
from support.broken_pools import RELEASE, held_task

GUARD = 120.0
"""Seconds after which a task still not done counts as never to be done."""


def test_a_worker_ended_at_its_task_limit_is_replaced_while_tasks_wait(tmp_path: Path) -> None:
    """One worker of two tasks a life, four tasks submitted before the first ends (CPython
    issue 115634): the first task's result counted an idle worker, so the worker ending after
    the second was not replaced, and the last two waited for ever."""
    pool = local_executor(1, ("jats",), recycle_after=2)
    futures = [pool.submit(held_task, tmp_path, f"task-{number}") for number in range(4)]
    (tmp_path / RELEASE).touch()
    try:
        workers = [future.result(timeout=GUARD) for future in futures]
    finally:
        if not all(future.done() for future in futures):  # a worker to end them, or no shutdown
            with pool._shutdown_lock:
                pool._spawn_process()  # type: ignore[attr-defined]
        pool.shutdown(wait=True)
    assert workers[0] == workers[1] != workers[2] == workers[3]


class ManagerWaits:
    """Stands for :func:`multiprocessing.connection.wait` and knows whether the pool's manager
    thread is in it, and whether the wake-up it waits on is still unread."""

    def __init__(self, pool: ProcessPoolExecutor, wait: Callable[..., Any]) -> None:
        self.pool, self.real_wait = pool, wait
        self.changed = threading.Condition()
        self.waiting = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        manager: object = self.pool._executor_manager_thread
        if threading.current_thread() is not manager:
            return self.real_wait(*args, **kwargs)
        with self.changed:
            self.waiting = True
            self.changed.notify_all()
        try:
            return self.real_wait(*args, **kwargs)
        finally:
            with self.changed:
                self.waiting = False
                self.changed.notify_all()

    def until_settled(self) -> None:
        """Return once the manager waits on the sentinels it listed, with no wake-up unread
        (it will not list them again until something happens)."""
        wakeup = self.pool._executor_manager_thread_wakeup
        with self.changed:
            settled = self.changed.wait_for(
                lambda: self.waiting and not wakeup._reader.poll(), timeout=GUARD
            )
        assert settled, "the pool's manager never waited"


class LateRegistry(dict[int, Process]):
    """The pool's workers by process id, each after the first put in only once the manager
    has settled, as when the manager lists the workers between a submitted task's wake-up and
    the start of that task's worker."""

    def __init__(self, waits: ManagerWaits) -> None:
        super().__init__()
        self.waits = waits

    def __setitem__(self, pid: int, process: Process) -> None:
        if self:
            self.waits.until_settled()
        super().__setitem__(pid, process)


def held_pids(folder: Path, names: list[str]) -> list[int]:
    deadline = time.monotonic() + GUARD
    while not all((folder / f"{name}.pid").exists() for name in names):
        assert time.monotonic() < deadline, "the workers did not take their tasks"
        time.sleep(0.01)
    return [int((folder / f"{name}.pid").read_text()) for name in names]


def test_a_worker_started_as_a_task_is_submitted_is_watched_from_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers each hold a task; the second, started after the manager last listed the
    workers, is killed: its task fails at once (the pool is broken) rather than wait until
    another task ends."""
    pool = local_executor(2, ("jats",), recycle_after=100)
    waits = ManagerWaits(pool, multiprocessing.connection.wait)
    monkeypatch.setattr(multiprocessing.connection, "wait", waits)
    registry = LateRegistry(waits)
    pool._processes = registry
    futures: list[Future[int]] = []
    try:
        futures = [pool.submit(held_task, tmp_path, name) for name in ("first", "second")]
        held_pids(tmp_path, ["first", "second"])
        late = list(registry)[1]
        os.kill(late, signal.SIGKILL)
        for future in futures:
            assert isinstance(future.exception(timeout=GUARD), BrokenProcessPool)
    finally:
        (tmp_path / RELEASE).touch()
        pool.shutdown(wait=True)
