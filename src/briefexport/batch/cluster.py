"""A Dask distributed cluster as the executor of a batch (the optional ``dask`` extra).

The client registers a worker plugin that imports briefexport's writers once in every worker,
then submits the same jobs as the local pool through ``Client.get_executor``. Workers read the
briefs and write the outputs themselves, atomically, so the collection and the output folder
must be on a filesystem every worker sees at the same path. Without a scheduler address a
``LocalCluster`` of single-threaded worker processes is started on this machine, with Dask's
statistical profiler off in its workers: by default each worker samples the stack of every
thread every 10 ms, and a PDF layout's stacks are deep (in a two-worker run of 16 PDFs, the
workers used about 9 % more CPU with it on). Workers started by hand keep their own settings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import Any

import dask.config
import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import OutputError
from .jobs import prepare_worker

CONNECT_TIMEOUT = "20s"
PROFILER_SETTING = "distributed.worker.profile.enabled"
_dask: Any = distributed  # its Client and LocalCluster carry no type annotations


class BriefexportWorkerPlugin(WorkerPlugin):
    """Imports the writers of the run's formats in each worker as it joins."""

    name = "briefexport"

    def __init__(self, formats: tuple[str, ...]) -> None:
        self.formats = formats

    def setup(self, worker: Any) -> None:
        prepare_worker(self.formats, own_signals=False)


@contextlib.contextmanager
def dask_executor(
    scheduler: str | None, workers: int, formats: tuple[str, ...]
) -> Iterator[tuple[Executor, int]]:
    """A Dask executor and its number of worker threads; the client is closed afterwards."""
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(_connect(scheduler))
        else:
            cluster = stack.enter_context(_local_cluster(workers))
            client = stack.enter_context(_dask.Client(cluster))
        client.register_plugin(BriefexportWorkerPlugin(formats))
        threads = sum(client.nthreads().values())
        yield client.get_executor(pure=False), max(threads, 1)


def _local_cluster(workers: int) -> Any:
    """Single-threaded worker processes on this machine, their profiler off (see above)."""
    with dask.config.set({PROFILER_SETTING: False}):
        # the scheduler serves HTTP even without a dashboard: a free port, not a busy 8787
        return _dask.LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")


def _connect(scheduler: str) -> Any:
    try:
        return _dask.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise OutputError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
