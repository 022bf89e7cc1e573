"""The cyclic garbage collector while the command starts: paused during the imports, then frozen.

A cold export imports some three hundred modules (lxml, python-docx or ebooklib, the reader, the
writer) whose classes, functions and tables live until the process ends. CPython 3.11's
collector (``gc``, thresholds 700/10/10) traces all of them again at every full collection while
they are being imported, and once more in the collections of interpreter finalisation at exit:
about a tenth of the instructions of a cold ``--to docx`` of a three-page brief (callgrind).

So when :func:`briefexport.cli.main` runs as the process's own command (the console script and
``python -m briefexport`` call it without arguments), the collector is paused until the command
has imported what it needs; then everything alive is moved to the permanent generation
(:func:`gc.freeze`, which no collection traces, finalisation's included) and the collector
resumes, so what the brief and the writers make afterwards is collected as before. A program
that calls ``main(args)`` itself keeps its collector as it was.

At the end of such a command the process runs its exit handlers (:mod:`atexit`: logging's
flush, multiprocessing's and weakref's finalizers), flushes its standard streams and ends with
:func:`os._exit`, skipping the interpreter's teardown of every module and object, which a
process about to end does not need. Only the main thread may then be running; otherwise the
ordinary exit waits for the others as usual.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import threading

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (importing typing would slow --version down)
if TYPE_CHECKING:
    from typing import NoReturn


class _StartUp:
    """Whether this process's collector is paused by :func:`pause_for_imports`."""

    paused = False


def pause_for_imports() -> None:
    """Pause the collector (if it runs) until :func:`imports_done`."""
    if gc.isenabled():
        gc.disable()
        _StartUp.paused = True


def imports_done() -> None:
    """Freeze what the imports made and resume the collector; nothing if it was not paused."""
    if _StartUp.paused:
        _StartUp.paused = False
        gc.freeze()
        gc.enable()


def exit_without_teardown(status: int) -> None:
    """End the process with ``status`` once its exit handlers ran; returns, for the ordinary
    exit, only while a thread other than the main one is still running."""
    if any(
        not thread.daemon
        for thread in threading.enumerate()
        if thread is not threading.main_thread()
    ):
        return
    _end(status)


def _end(status: int) -> NoReturn:
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    os._exit(status)
