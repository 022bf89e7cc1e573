"""Workers a run let go of without waiting: those of a local pool that broke, or that was
replaced with it.

A pool whose worker died (killed by the system, a crash in a native library, the time limit) is
shut down without waiting, so that the run goes on at once with a new one. The pool then asks
its other workers to end with SIGTERM, which a local worker ignores
(:func:`.jobs.prepare_worker`): it finishes the chunk in hand, writing outputs the run no longer
counts (its briefs are tried again). So the run keeps hold of those workers and, before it
returns, waits for them, for :data:`GRACE_SECONDS` at most, then kills those left (SIGKILL).
Only then does the run sweep its output folder for temporary files (:mod:`.leftovers`) and put
back the thread hook it found (:mod:`.local`): no worker of the run writes after it returned.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass
from multiprocessing.process import BaseProcess

GRACE_SECONDS = 10.0
"""How long the workers let go of may take to end on their own: far longer than a chunk's
work (:data:`.chunks.TARGET_SECONDS`), short enough not to hold up the end of a run long."""
KILLED_SECONDS = 5.0
"""How long a killed worker, and then its pool's manager thread, may take to be gone."""


@dataclass(frozen=True, slots=True)
class LetGo:
    """An executor shut down without waiting: its manager thread and its worker processes
    (none for an executor other than a process pool)."""

    manager: threading.Thread | None
    processes: tuple[BaseProcess, ...]


def let_go(executor: Executor) -> LetGo:
    """Shut ``executor`` down without waiting; returns what is left to wait for (taken first:
    a process pool forgets its workers as it is shut down)."""
    manager = getattr(executor, "_executor_manager_thread", None)
    processes = getattr(executor, "_processes", None) or {}
    held = LetGo(manager, tuple(processes.values()))
    executor.shutdown(wait=False)
    return held


def end_workers(let_go_of: Iterable[LetGo]) -> None:
    """Wait for the workers let go of, :data:`GRACE_SECONDS` at most, kill those left, and wait
    for their pools' manager threads."""
    held = list(let_go_of)
    processes = [process for pool in held for process in pool.processes]
    deadline = time.monotonic() + GRACE_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.exitcode is None:
            process.kill()
            process.join(KILLED_SECONDS)
    for pool in held:
        if pool.manager is not None:
            pool.manager.join(KILLED_SECONDS)
