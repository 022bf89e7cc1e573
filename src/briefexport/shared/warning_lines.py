"""Every warning as one line, ``FILE:LINE:COL: warning: message`` (the GNU Coding Standards' form
of a diagnostic, as input errors are printed), each line once.

The library logs its warnings to the ``briefexport`` logger. A Python warning that a library it
uses raises (Pillow's, a deprecation) is logged there too, by :func:`log_python_warning`, so that
``-q`` hides it as it hides the library's own, and a batch worker reports it with the brief's
other warnings. A handler derived from :class:`OnceLines` formats each record and drops a line
it has taken before: the writers run again for a deposit package's renditions, and a library may
warn each time it opens the same image.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from ..errors import shown_name
from .located import record_file, record_position

PYTHON_WARNINGS = "briefexport.python"
"""The logger Python warnings go to, below the library's own."""


def warning_line(
    record: logging.LogRecord, name: str, source_text: Callable[[], str], unplaced: str = ""
) -> str:
    """``NAME:LINE:COL: warning: message``, the place found by :func:`.located.record_position`
    (``unplaced`` instead when the record names none); NAME is the file the record names
    (:func:`.located.at_file`), if any, else ``name``."""
    other = record_file(record)
    position = record_position(record, source_text)
    place = f":{position.line}:{position.column}" if position is not None else unplaced
    shown = shown_name(other) if other is not None else name
    return f"{shown}{place}: {record.levelname.lower()}: {record.getMessage()}"


class OnceLines(logging.Handler):
    """Takes each formatted line once; a subclass says how to format and where lines go."""

    def __init__(self, level: int = logging.NOTSET) -> None:
        super().__init__(level)
        self.taken: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # as logging does: a broken record is reported, not raised
            self.handleError(record)
            return
        if line not in self.taken:
            self.taken.add(line)
            self.take(line)

    def take(self, line: str) -> None:
        """Keep or print a line not taken before."""
        raise NotImplementedError


def log_python_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A :func:`warnings.showwarning` that logs the warning as ``Category: message`` on one
    line; where in the library's code it was raised means nothing to the brief's author."""
    text = " ".join(str(message).split())
    logging.getLogger(PYTHON_WARNINGS).warning("%s: %s", category.__name__, text)


@contextlib.contextmanager
def python_warnings_logged() -> Iterator[None]:
    """Log Python warnings (:func:`log_python_warning`) while the block runs."""
    previous = warnings.showwarning
    warnings.showwarning = log_python_warning
    try:
        yield
    finally:
        warnings.showwarning = previous


class _ThreadLines(OnceLines):
    """The warnings one thread logs about ``source`` (a Dask worker may convert several briefs
    at once), at ``FILE:1:1`` when they say no place."""

    def __init__(self, source: Path, searchable: bool) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.shown = shown_name(str(source))
        self.source = source
        self.searchable = searchable
        self.lines: list[str] = []
        self._text: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            super().emit(record)

    def format(self, record: logging.LogRecord) -> str:
        return warning_line(record, self.shown, self._source_text, ":1:1")

    def take(self, line: str) -> None:
        self.lines.append(line)

    def _source_text(self) -> str:
        """The source, read once, to find a character a warning is about."""
        if self._text is None:
            try:
                readable = self.searchable
                self._text = self.source.read_text("utf-8", "replace") if readable else ""
            except OSError:
                self._text = ""
        return self._text


@contextlib.contextmanager
def thread_warnings(source: Path, searchable: bool) -> Iterator[list[str]]:
    """The lines of the warnings this thread logs while the block runs, about the file at
    ``source`` (``searchable``: a text file, where a warning about a character is placed)."""
    logger = logging.getLogger("briefexport")
    handler = _ThreadLines(source, searchable)
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)
