"""A local pool one of whose workers dies: its other workers, which ignore SIGTERM and may
still be writing, are gone before the run returns (waited for a while, then killed)."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import psutil
import pytest

from briefexport.batch import run as dispatch
from briefexport.batch import stragglers
from briefexport.batch.chunks import ChunkSizer
from briefexport.batch.jobs import ExportSettings, Job, JobResult
from briefexport.batch.local import local_executor
from briefexport.batch.run import Dispatcher
from support.broken_pools import RELEASE, VICTIM, held_chunk, held_pid


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def release_when_shut_down(pools: list[ProcessPoolExecutor], folder: Path) -> None:
    """Let the held worker go once the run's last pool is shut down (its workers joined): the
    run is about to return, and must wait for the held worker."""
    deadline = time.monotonic() + 120
    while len(pools) < 2 or pools[1]._processes is not None:
        if time.monotonic() > deadline:
            return
        time.sleep(0.01)
    (folder / RELEASE).touch()


@pytest.mark.slow
@pytest.mark.parametrize("released", [False, True], ids=["stuck", "finishing"])
def test_the_other_workers_of_a_broken_pool_are_gone_when_the_run_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, released: bool
) -> None:
    """Two workers each hold a brief; the test kills one. The other, ``finishing``, is let go
    as the pool is replaced and is waited for; ``stuck``, it is killed once the grace is out."""
    monkeypatch.setattr(dispatch, "run_chunk", held_chunk)
    monkeypatch.setattr(stragglers, "GRACE_SECONDS", 120.0 if released else 0.2)
    pools: list[ProcessPoolExecutor] = []

    def make_pool(largest_task: int) -> Executor:
        pools.append(local_executor(2, ("jats",), 100, largest_task))
        return pools[-1]

    jobs = [Job(tmp_path / name, name, "xml", (), ExportSettings()) for name in ("kept", VICTIM)]
    results: list[JobResult] = []
    stop = threading.Event()
    dispatcher = Dispatcher(make_pool, ChunkSizer(2), stop, results.append, widens=False)
    run = threading.Thread(target=dispatcher.run, args=(jobs,))
    run.start()
    if released:
        threading.Thread(target=release_when_shut_down, args=(pools, tmp_path), daemon=True).start()
    deadline = time.monotonic() + 120
    kept, victim = (held_pid(job.source, deadline) for job in jobs)
    os.kill(victim, signal.SIGKILL)
    run.join(timeout=180)
    try:
        assert not run.is_alive(), "the run did not end"
        assert len(pools) == 2
        assert {result.relative for result in results} == {"kept", VICTIM}
        assert not alive(kept), "a worker of the broken pool outlived the run"
        assert (tmp_path / f"kept.{kept}.done").exists() == released
    finally:
        if alive(kept):
            os.kill(kept, signal.SIGKILL)
