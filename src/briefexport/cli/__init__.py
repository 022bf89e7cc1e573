"""The ``briefexport`` command line: one module per command, dispatched by name.

Exit status: 0 success; 1 an output could not be produced or written; 2 invalid input or
usage. Problems with an input are printed one per line as ``FILE:LINE:COL: severity: message``.

A command is a module of this package with a ``run(args) -> int`` function and one entry in
:data:`COMMANDS`; the default command (no command word) exports. Modules are imported only when
their command runs; ``briefexport --version`` alone is answered before any is imported, and the
batch command's workers start importing before it is (:mod:`.early`).
"""

from __future__ import annotations

import contextlib
import contextvars
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from importlib import import_module
from types import FrameType

from . import collector

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (importing typing would slow --version down)
if TYPE_CHECKING:
    from typing import NoReturn

COMMANDS = {
    "validate": "briefexport.cli.validate",
    "formats": "briefexport.cli.formats",
    "import": "briefexport.cli.importing",
    "batch": "briefexport.cli.batch",
    "verify": "briefexport.cli.verify",
}
EXPORT_COMMAND = "briefexport.cli.export"
EXIT_INTERRUPTED = 1
"""As :data:`.common.EXIT_OUTPUT` (not imported before the command, to keep ``--version``
quick)."""


@contextlib.contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt while a command runs, so that, as with Ctrl-C, the
    clean-up code runs (temporary files removed) before the process stops."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Without ``argv`` (the process's own command) the start-up and the exit run as
    :mod:`.collector` says.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv is None:
            collector.pause_for_imports()
        # a stop before the command's own handling (Ctrl-C as the program starts) ends it
        # as one during the command does
        with stop_on_sigterm():
            status = _start_and_run(args, own_run=argv is None)
    except KeyboardInterrupt as stop:
        status = interrupted(stop)
    finally:
        collector.imports_done()
    if argv is None:
        collector.exit_without_teardown(status)
    return status


def _start_and_run(args: list[str], own_run: bool) -> int:
    """Answer ``--version``, start a batch run's workers early in the program's own run (as
    the collector's), and run the command."""
    if args == ["--version"]:
        print_version()
    command, rest = (args[0], args[1:]) if args and args[0] in COMMANDS else (None, args)
    if own_run and command == "batch":
        from .early import start_batch_workers

        start_batch_workers(rest)
    return run_command(command, rest)


def interrupted(stop: KeyboardInterrupt) -> int:
    """Say that the command was stopped (by Ctrl-C, or the signal named); the exit status."""
    print(f"briefexport: interrupted{f' by {stop}' if str(stop) else ''}", file=sys.stderr)
    return EXIT_INTERRUPTED


def run_command(command: str | None, rest: list[str]) -> int:
    """Run one command (``None``: export) with the arguments after its name."""
    from ..shared.warning_lines import python_warnings_logged
    from .common import EXIT_OUTPUT, logging_restored

    try:
        # the command's context variables (the input named in warnings) end with it
        with stop_on_sigterm(), logging_restored(), python_warnings_logged():
            module = import_module(COMMANDS[command] if command else EXPORT_COMMAND)
            if command is not None:  # export ends its start-up itself, its writers imported
                collector.imports_done()
            status: int = contextvars.copy_context().run(module.run, rest)
        return status
    except KeyboardInterrupt as stop:
        return interrupted(stop)
    except Exception as error:  # a bug: say so in one line, never with a traceback
        print(f"briefexport: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_OUTPUT


def print_version() -> NoReturn:
    """``briefexport --version``: what the export command's option prints, then exit 0."""
    from .. import __version__

    print(f"briefexport {__version__}")
    raise SystemExit(0)
