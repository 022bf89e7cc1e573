"""What every command shares: exit statuses, the argument parser, logging and diagnostics."""

from __future__ import annotations

import argparse
import contextlib
import enum
import functools
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from ..errors import BriefexportError, Diagnostic, InvalidBriefError, Severity, shown_name
from ..model import Brief
from ..shared.caches import FileStamp, file_stamp
from ..shared.warning_lines import OnceLines, warning_line

EXIT_OK, EXIT_OUTPUT, EXIT_INPUT = 0, 1, 2
EXIT_STATUS_HELP = (
    "exit status: 0 success, 1 an output could not be produced or written, 2 invalid input or usage"
)

CURRENT_INPUT: ContextVar[str] = ContextVar("current_input", default="briefexport")
"""The input being worked on, named in front of every warning the library logs meanwhile."""
NOISY_LOGGERS = ("weasyprint", "fontTools")


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_INPUT`.

    Its help is as wide as the terminal, measured once here: argparse's own formatter asks
    :mod:`shutil` for the width, and a formatter is made for every argument declared, so each
    start would import ``shutil`` and the compression modules it brings along.
    """

    def __init__(
        self,
        *,
        formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter,
        **kwargs: Any,
    ) -> None:
        sized = functools.partial(formatter_class, width=terminal_columns() - 2)
        super().__init__(formatter_class=sized, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` finds it: ``COLUMNS``, else the
    standard output's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class VersionAction(argparse.Action):
    """``--version``: reads the installed metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: object):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from .. import __version__

        print(f"briefexport {__version__}")
        parser.exit()


def any_case(kind: type[enum.Enum]) -> Callable[[str], str]:
    """An argument type that takes the values of ``kind`` in any case (``letter`` for
    ``Letter``), as the Python API does; other text is left for argparse's ``choices`` to
    refuse."""
    from ..options import known_value

    def canonical(text: str) -> str:
        try:
            return known_value(kind, text, "value") or text
        except BriefexportError:
            return text

    return canonical


def add_pdf_options(parser: argparse.ArgumentParser) -> None:
    """``--pdf-standard``, ``--pdf-engine`` and ``--paper``, each taken in any case (imported
    here: the other commands do not need them)."""
    from ..options import PdfEngine, PdfStandard
    from ..shared.brand import Paper

    kinds: tuple[tuple[str, type[enum.Enum], str | None], ...] = (
        ("--pdf-standard", PdfStandard, None),
        ("--pdf-engine", PdfEngine, "layout engine of the PDF (default: weasyprint)"),
        ("--paper", Paper, "page size of the PDF"),
    )
    for flag, kind, help_text in kinds:
        values = [str(member.value) for member in kind]
        parser.add_argument(flag, type=any_case(kind), choices=values, help=help_text)


def add_verbosity(parser: argparse.ArgumentParser) -> None:
    """The shared ``-q``/``-v`` options."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    group.add_argument("-v", "--verbose", action="store_true", help="say what is written")


class _StderrLines(OnceLines):
    """``BRIEF: warning: message`` on standard error: a library warning names the input being
    worked on, with ``:LINE:COL`` when the warning says where in it."""

    def format(self, record: logging.LogRecord) -> str:
        return warning_line(record, shown_name(CURRENT_INPUT.get()), _current_input_text)

    def take(self, line: str) -> None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _current_input_text() -> str:
    name = CURRENT_INPUT.get()
    return _input_text(name, file_stamp(name))


@functools.lru_cache(maxsize=2)
def _input_text(name: str, stamp: FileStamp | None) -> str:
    """The input being worked on (as modified at ``stamp``), read again to place a warning."""
    try:
        return Path(name).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def configure_logging(quiet: bool, verbose: bool) -> None:
    """Warnings of the library, and the Python warnings it logs, go to stderr as ``BRIEF:
    warning: ...``, each once; ``-q`` leaves errors only."""
    logger = logging.getLogger("briefexport")
    logger.handlers[:] = [_StderrLines()]
    logger.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.ERROR)


@contextlib.contextmanager
def logging_restored() -> Iterator[None]:
    """Put back, when a command returns, the loggers :func:`configure_logging` set up: a program
    that runs the command line in its own process (a test, a notebook, a service) keeps its
    logging, instead of the library printing errors only to a stream of the past run."""
    loggers = [logging.getLogger(name) for name in ("briefexport", *NOISY_LOGGERS)]
    saved = [(logger, list(logger.handlers), logger.level) for logger in loggers]
    try:
        yield
    finally:
        for logger, handlers, level in saved:
            logger.handlers[:] = handlers
            logger.setLevel(level)  # setLevel, not assignment: it clears the loggers' caches


def print_diagnostics(diagnostics: list[Diagnostic], quiet: bool) -> None:
    """One line per problem on stderr; warnings are hidden by ``-q``."""
    for diagnostic in diagnostics:
        if not (quiet and diagnostic.severity is Severity.WARNING):
            print(diagnostic, file=sys.stderr)


def load_or_report(path: Path, quiet: bool) -> Brief | None:
    """The brief at ``path``, or None after printing every problem found in it; the warnings
    logged from now on name it."""
    from ..reader import read_brief

    CURRENT_INPUT.set(str(path))
    try:
        brief, warnings = read_brief(path)
    except InvalidBriefError as invalid:
        print_diagnostics(invalid.diagnostics, quiet)
        return None
    print_diagnostics(warnings, quiet)
    return brief
