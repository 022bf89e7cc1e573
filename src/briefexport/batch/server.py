"""The fork server that local worker processes start from, and how long a worker lives.

The fork server is a fresh interpreter that imports, once, what a worker runs: the reader, the
writers of the formats asked for (WeasyPrint alone costs about a second), the job and chunk
modules and the process pool's worker loop. Each worker is then a fork of it, ready at once.
The command line starts it before it imports the rest of the batch machinery, so that the
two interpreters import in parallel. This module therefore imports little itself. Where there
is no fork server (Windows), workers are spawned and import the writers themselves.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from multiprocessing.context import BaseContext

from ..formats import FORMATS

DEFAULT_RECYCLE_AFTER = 50
"""Briefs a local worker converts before it is replaced, in a run that lays out PDF pages:
WeasyPrint's memory grows over long render loops."""
RECYCLE_AFTER_WITHOUT_PAGES = 1000
"""The same in a run without PDF pages (DOCX, EPUB, JATS, HTML, Markdown), whose workers'
memory stays flat: a new worker costs a fork and a first brief slower than the rest."""

WORKER_MODULES = ("concurrent.futures.process", "briefexport.batch.chunks", "briefexport.reader")
"""Imported by the fork server for every run, beside the writers of the run's formats."""


def recycle_after_for(formats: Iterable[str]) -> int:
    """The default life of a local worker, in briefs, for a run that writes ``formats``."""
    if any(FORMATS[fmt].lays_out_pages for fmt in formats):
        return DEFAULT_RECYCLE_AFTER
    return RECYCLE_AFTER_WITHOUT_PAGES


def worker_context(formats: tuple[str, ...]) -> BaseContext:
    """How local workers start: from the fork server, where there is one."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    writers = [FORMATS[fmt].target.split(":")[0] for fmt in formats]
    # the fork server is started once per process: the first run's preload list stays
    context.set_forkserver_preload([*WORKER_MODULES, *writers])
    return context


def start_worker_server(formats: tuple[str, ...]) -> None:
    """Start the fork server at once, so that it imports the writers while this process goes on
    (a fork server already running stays as it is)."""
    if worker_context(formats).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
