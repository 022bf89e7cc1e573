"""The fork server that local worker processes start from, and how long a worker lives.

The fork server is a fresh interpreter that imports, once, what a worker runs: the reader, the
writers of the formats asked for (WeasyPrint alone costs about a second), the job and chunk
modules and the process pool's worker loop. Each worker is then a fork of it, ready at once.
The command line starts it first thing, before it imports its parser, the model and the rest of
the batch machinery (:mod:`briefexport.cli.early`), so that the two interpreters import in
parallel. This module therefore imports little itself, not even the formats' descriptions.
Where there is no fork server (Windows), workers are spawned and import the writers themselves.

The fork server imports those modules with this process's module path (``sys.path``), as the
workers then run: those of the program that started the run, not others its own start would
find (:data:`SERVER_DROPS_PATH`).

Either way a worker never runs the program's main module. multiprocessing would run it again in
each new worker (``multiprocessing.spawn.get_preparation_data`` names it from
``sys.modules["__main__"]``), but a worker runs only briefexport's own functions, a program read
from standard input has no file to run again, and a script's top level would run once a worker.
So, from the first run on, that function of the standard library is wrapped (once, for the
process) to leave the main module out for processes named as briefexport's workers: every other
process gets the same data as before, and ``sys.modules`` is never touched, in any thread.
"""

from __future__ import annotations

import multiprocessing
import os.path
import re
import signal
import sys
from collections.abc import Callable, Iterable
from multiprocessing import spawn
from multiprocessing.context import BaseContext, SpawnContext, SpawnProcess
from multiprocessing.process import BaseProcess

from ..format_targets import writer_module

TYPE_CHECKING = False  # as typing.TYPE_CHECKING: typing is not imported before the server starts
if TYPE_CHECKING:
    from typing import Any

DEFAULT_RECYCLE_AFTER = 500
"""Briefs a local worker converts before it is replaced, in a run that lays out PDF pages. Such
a worker frees each brief's garbage (:mod:`.heap`) and stays flat (82 MB over 200 PDFs in
``benchmarks/worker_memory.py``); the shorter life bounds what WeasyPrint and Pango keep
between documents (fonts, shaping caches), which a collection never frees."""
RECYCLE_AFTER_WITHOUT_PAGES = 1000
"""The same in a run without PDF pages (DOCX, EPUB, JATS, HTML, Markdown), whose workers'
memory stays flat: a new worker costs a fork and a first brief slower than the rest."""
DEFAULT_TIMEOUT = 600.0
"""Seconds a brief may take on a local worker before the worker is stopped and the brief fails:
far beyond any sound brief (a PDF takes seconds), short enough that one brief that would take
hours holds up no worker for long."""

HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)
"""The stop signals the fork server starts with blocked (:func:`start_worker_server`)."""

WORKER_MODULES = (
    "concurrent.futures.process",
    "briefexport.batch.chunks",
    "briefexport.batch.server",
    "briefexport.reader",
)
"""Imported by the fork server for every run, beside the writers of the run's formats (this
module too: a worker's process object names its class)."""


SERVER_DROPS_PATH = sys.version_info < (3, 12, 8) or (3, 13) <= sys.version_info < (3, 13, 1)
"""Whether multiprocessing's fork server is handed this process's module path and drops it
(CPython issue 117378, fixed in 3.12.8 and 3.13.1): it would import the modules it preloads
with the path a fresh interpreter has (its working folder first, then ``PYTHONPATH`` and the
installation's), not this process's, which a program may have changed, or which starts with the
script's folder: its workers could run another briefexport (one installed, or one in the folder
the command runs in) than the program that started the run. So the fork server is told to run
:data:`PATH_SCRIPT` as its main module first, which puts the path it was handed in place."""
PATH_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server_path.py")
SERVER_DATA = "ignore"
"""The process name for which multiprocessing's fork server asks for preparation data as it
starts (its main script and module path)."""


def recycle_after_for(formats: Iterable[str]) -> int:
    """The default life of a local worker, in briefs, for a run that writes ``formats``."""
    from ..formats import FORMATS

    if any(FORMATS[fmt].lays_out_pages for fmt in formats):
        return DEFAULT_RECYCLE_AFTER
    return RECYCLE_AFTER_WITHOUT_PAGES


def worker_context(formats: tuple[str, ...]) -> BaseContext:
    """How local workers start: from the fork server, where there is one."""
    _leave_main_behind()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return _CONTEXTS["spawn"]
    context = _CONTEXTS["forkserver"]
    writers = [writer_module(fmt) for fmt in formats]
    first = ["__main__"] if SERVER_DROPS_PATH else []  # PATH_SCRIPT, run as the server's main
    # the fork server is started once per process: the first run's preload list stays
    context.set_forkserver_preload([*first, *WORKER_MODULES, *writers])
    return context


WORKER_NAME = "briefexport-worker"
"""The name of every local worker process, followed by its number."""
WORKER_NAMES = re.compile(re.escape(WORKER_NAME) + r"-[0-9]+(?::[0-9]+)*")


def _without_main(preparation_data: Callable[[str], dict[str, Any]]) -> Callable[..., Any]:
    """``multiprocessing.spawn.get_preparation_data`` that, for briefexport's own workers
    alone, leaves out the program's main module (other processes get what they got), and has
    a fork server that drops its module path run :data:`PATH_SCRIPT` (:data:`SERVER_DROPS_PATH`;
    such a server never had a main script: it ignores the data's, CPython issue 126631)."""

    def data_for(name: str) -> dict[str, Any]:
        data = preparation_data(name)
        if WORKER_NAMES.fullmatch(name):
            data.pop("init_main_from_name", None)
            data.pop("init_main_from_path", None)
        elif name == SERVER_DATA and SERVER_DROPS_PATH:
            data["main_path"] = PATH_SCRIPT
        return data

    data_for.leaves_main_behind = True  # type: ignore[attr-defined]
    return data_for


def _leave_main_behind() -> None:
    # Python has no way to start a process without the main module: both the fork server and
    # spawn take it from this function, by the process's name, so it is wrapped once
    if not getattr(spawn.get_preparation_data, "leaves_main_behind", False):
        spawn.get_preparation_data = _without_main(spawn.get_preparation_data)


class _Worker(BaseProcess):
    """A worker process, named :data:`WORKER_NAME` and its number, that starts without the
    program's main module."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name = f"{WORKER_NAME}-{':'.join(str(number) for number in self._identity)}"


class _SpawnedWorker(_Worker, SpawnProcess):
    pass


class _SpawnContext(SpawnContext):
    Process = _SpawnedWorker


_CONTEXTS: dict[str, BaseContext] = {"spawn": _SpawnContext()}
"""The ways local workers start, by start method."""

if sys.platform != "win32":
    from multiprocessing.context import ForkServerContext, ForkServerProcess

    class _ForkedWorker(_Worker, ForkServerProcess):
        pass

    class _ForkServerContext(ForkServerContext):
        Process = _ForkedWorker

    _CONTEXTS["forkserver"] = _ForkServerContext()


def start_worker_server(formats: tuple[str, ...]) -> None:
    """Start the fork server at once, so that it imports the writers while this process goes on
    (a fork server already running stays as it is).

    It starts with SIGINT and SIGTERM blocked, as the standard library starts its resource
    tracker (bpo-33613): a Ctrl-C, which reaches every process of the terminal's job, would
    otherwise stop it amid its imports, with a traceback, and ``killpg`` with SIGTERM would end
    it. It keeps them blocked (it ignores SIGINT itself once it runs, and ends with this
    process); each worker unblocks them (:func:`.jobs.prepare_worker`). In this process they are
    held only while the server is spawned, then delivered."""
    if worker_context(formats).get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver, resource_tracker

    resource_tracker.ensure_running()  # it unblocks both signals once it has started its own
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
