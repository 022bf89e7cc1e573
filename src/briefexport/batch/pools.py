"""The local process pool, with two mends to how Python 3.11's pool manager starts workers.

:class:`concurrent.futures.ProcessPoolExecutor` starts a worker as a task is submitted, when no
worker is idle, and its manager thread starts one when a worker ends at its task limit
(``max_tasks_per_child``). The manager notices that a worker died by waiting on the workers'
sentinels, listed anew each time it wakes (for a result, or a task submitted). Two flaws of
Python 3.11 (and later versions for a while) would leave a run waiting for ever:

- ``submit`` wakes the manager first and starts the worker after. A manager that lists the
  sentinels in between does not watch the new worker until the next result or task: if that
  worker then dies holding a brief (killed by the system, at the time limit) while the other
  workers have nothing more to do, its brief is never failed, and the run waits for it. So a
  worker started outside the manager wakes the manager once it is started.
- The manager replaces a worker that ended at its task limit only if no idle worker is
  counted, but it counts results, not idle workers, so a count left over from earlier results
  can leave the pool with no worker while tasks wait (CPython issue 115634, fixed in later
  versions). So the manager replaces such a worker whenever the pool is short of workers.
"""

from __future__ import annotations

import threading
from concurrent.futures import ProcessPoolExecutor


class WatchedPool(ProcessPoolExecutor):
    """A process pool whose manager watches every worker from its start and keeps the pool
    full while it has tasks (see above)."""

    def _spawn_process(self) -> None:
        super()._spawn_process()  # type: ignore[misc]
        wakeup: object = self._executor_manager_thread_wakeup  # None once shut down
        if wakeup is not None and not self._in_manager():
            self._executor_manager_thread_wakeup.wakeup()  # the caller holds the shutdown lock

    def _adjust_process_count(self) -> None:
        if not self._in_manager():
            super()._adjust_process_count()
            return
        # a worker ended at its task limit: the manager replaces it, unless the pool was shut
        # down without waiting (which drops its list of workers)
        processes: object = self._processes
        most: int = self._max_workers  # type: ignore[attr-defined]
        if processes is not None and len(self._processes) < most:
            self._spawn_process()

    def _in_manager(self) -> bool:
        """Whether this is the pool's manager thread (typeshed calls it a wake-up)."""
        manager: object = self._executor_manager_thread
        return threading.current_thread() is manager
