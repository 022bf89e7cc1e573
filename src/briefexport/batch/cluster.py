"""A Dask distributed cluster as the executor of a batch (the optional ``dask`` extra).

The client registers a worker plugin that imports briefexport's writers once in every worker,
then submits the same jobs as the local pool through ``Client.get_executor``. Workers read the
briefs and write the outputs themselves, atomically, so the collection and the output folder
must be on a filesystem every worker sees at the same path. Without a scheduler address a
``LocalCluster`` of single-threaded worker processes is started on this machine, with
:data:`LOCAL_CLUSTER_SETTINGS`: Dask's own diagnostics run less often there, since they take
processor time from the workers on the same cores. Workers started by hand keep their own
settings (the README's recipe sets the same).

Outputs written by Dask workers get the submitting process's umask, as local workers' do: the
plugin carries it and sets it in each worker process as the worker joins (a process has one
umask: on a cluster several users share, the latest run's holds for all of them). There is no
time limit per brief here (:func:`.convert.time_limit`)."""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import Any

import dask.config
import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import BriefexportError, OutputError
from ..shared.caches import forget_style_files
from ..shared.filemodes import current_umask
from ..shared.warning_lines import log_python_warning
from .heap import freeze_inherited
from .jobs import prepare_worker

CONNECT_TIMEOUT = "20s"
LOCAL_CLUSTER_SETTINGS: dict[str, object] = {
    # by default each worker samples the stack of every thread every 10 ms, and a PDF layout's
    # stacks are deep: in a two-worker run of 16 PDFs the workers used about 9 % more CPU
    "distributed.worker.profile.enabled": False,
    # every process checks that its event loop is not blocked every 20 ms, and the nannies
    # check their workers' memory every 100 ms: an idle two-worker cluster used 0.088 s of CPU
    # a second with these at their defaults, 0.018 s with them at 1 s
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    # every process samples its own CPU, memory and network for the dashboard's graphs every
    # 0.5 s: an idle two-worker cluster's own process then used about 20 ms of CPU a second and
    # each worker 8.5 ms, against 14 and 6.5 ms with a sample every 2 s
    "distributed.admin.system-monitor.interval": "2s",
}
_dask: Any = distributed  # its Client and LocalCluster carry no type annotations


class BriefexportWorkerPlugin(WorkerPlugin):
    """Imports the writers of the run's formats in each worker as it joins, has it forget what
    an earlier run read from style files, and gives it the submitting process's ``umask``
    (each run registers the plugin anew). Python warnings become the brief's warning lines, as
    in local workers, until the plugin is removed (or replaced by the next run's)."""

    name = "briefexport"

    def __init__(self, formats: tuple[str, ...], umask: int | None = None) -> None:
        self.formats = formats
        self.umask = umask
        self.shown: Any = None

    def setup(self, worker: Any) -> None:
        forget_style_files()
        prepare_worker(self.formats, own_signals=False, umask=self.umask)
        freeze_inherited(collect_first=True)
        self.shown = warnings.showwarning
        warnings.showwarning = log_python_warning

    def teardown(self, worker: Any) -> None:
        if self.shown is not None and warnings.showwarning is log_python_warning:
            warnings.showwarning = self.shown


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
        client.register_plugin(BriefexportWorkerPlugin(formats, current_umask()))
        threads = sum(client.nthreads().values())
        yield client.get_executor(pure=False), max(threads, 1)


def _local_cluster(workers: int) -> Any:
    """Single-threaded worker processes on this machine, with the settings above. Dask starts
    them by running the program's main module again, as multiprocessing does: a program read
    from standard input has none, which is said before Dask fails on it."""
    main = sys.modules["__main__"]
    if getattr(main.__spec__, "name", None) is None and _unreadable(main):
        raise BriefexportError(
            "a local Dask cluster starts its workers by running this program again, and a"
            " program read from standard input cannot be: run it from a file (under"
            ' if __name__ == "__main__":), or name a running scheduler'
        )
    with dask.config.set(LOCAL_CLUSTER_SETTINGS):
        # the scheduler serves HTTP even without a dashboard: a free port, not a busy 8787
        return _dask.LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")


def _unreadable(main: Any) -> bool:
    """Whether the main module names a file that is not there (``<stdin>``)."""
    path = getattr(main, "__file__", None)
    return path is not None and not os.path.isfile(path)


def _connect(scheduler: str) -> Any:
    try:
        return _dask.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise OutputError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
