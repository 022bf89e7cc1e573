"""The exceptions briefexport raises and the diagnostics it reports.

Every problem with an input is a :class:`Diagnostic` printed as ``FILE:LINE:COL: severity: message``
(the layout compilers and ``validate-jats`` use), so editors and CI logs can jump to it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a diagnostic is; warnings never stop an export."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in an input file."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        place = f"{shown_name(self.file)}:{self.line}:{self.column}"
        return f"{place}: {self.severity.value}: {self.message}"


def shown_name(name: str) -> str:
    """A file name as a diagnostic prints it: a character that is not printable (a newline, a
    tab, an escape, a byte that is not UTF-8) is written as Python writes it in a string
    (``\\n``), so that every diagnostic stays one line whatever its file is called."""
    if name.isprintable():
        return name
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)


class BriefexportError(Exception):
    """Base class of every error briefexport raises on purpose."""


class InvalidInputError(BriefexportError):
    """An input file is not valid; ``diagnostics`` says where and why."""

    what = "input"

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        first = f": {errors[0]}" if errors else ""
        super().__init__(f"{len(errors)} error(s) in {self.what}{first}")


class InvalidBriefError(InvalidInputError):
    """The input is not a valid brief."""

    what = "brief"


class InvalidStyleError(InvalidInputError):
    """A style folder's brand file or template cannot be used as it is."""

    what = "style"


class UnknownFormatError(BriefexportError):
    """A format name that no writer or importer answers to."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown format {name!r} (known: {', '.join(known)})")


class OutputError(BriefexportError):
    """An output could not be produced or written; nothing partial was left behind."""


class OverwritesInputError(OutputError):
    """An output or a figure copied beside it would replace a file the brief was read from (the
    brief, one of its figures, the source of an import); nothing was written. ``path`` is the
    file that would have been written, ``reason`` says which input it is."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class FigureClashError(OutputError):
    """A figure copy would replace another brief's copy written in the same run, or be one file
    with it where alike names are (:mod:`briefexport.shared.figure_claims`); nothing was
    written. ``diagnostic`` is placed at the figure's ``graphic``."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(diagnostic.message)


class UnsafeResourceError(BriefexportError):
    """A brief or style asked for a file or URL outside what it may read."""


class InvalidTemplateError(OutputError):
    """A Word template given as input (``--reference-docx``) is unusable or unsafe.

    An :class:`OutputError` for API callers (the document cannot be written), but the command
    line reports it as bad input (exit status 2), since only another template fixes it.
    """
