"""The exceptions briefexport raises and the diagnostics it reports.

Every problem with an input is a :class:`Diagnostic` printed as ``FILE:LINE:COL: severity: message``
(the layout compilers and ``validate-jats`` use), so editors and CI logs can jump to it.
"""

from __future__ import annotations

import enum
from dataclasses import FrozenInstanceError, dataclass
from typing import NoReturn


class Severity(enum.Enum):
    """How bad a diagnostic is; warnings never stop an export."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(init=False, repr=False, eq=False, slots=True)
class Diagnostic:
    """One problem found in an input file: a frozen dataclass whose methods are written here,
    as ``dataclass(frozen=True)`` would compile them from source at every start (Python 3.11)."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __init__(
        self, file: str, line: int, column: int, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        for name, value in zip(_FIELDS, (file, line, column, message, severity), strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[str, int, int, str, Severity]:
        return (self.file, self.line, self.column, self.message, self.severity)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}" for name, value in zip(_FIELDS, self._values(), strict=True)
        )
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[str, int, int, str, Severity]:
        return self._values()

    def __setstate__(self, state: tuple[str, int, int, str, Severity]) -> None:
        for name, value in zip(_FIELDS, state, strict=True):
            object.__setattr__(self, name, value)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"


_FIELDS = ("file", "line", "column", "message", "severity")


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


class UnsafeResourceError(BriefexportError):
    """A brief or style asked for a file or URL outside what it may read."""


class InvalidTemplateError(OutputError):
    """A Word template given as input (``--reference-docx``) is unusable or unsafe.

    An :class:`OutputError` for API callers (the document cannot be written), but the command
    line reports it as bad input (exit status 2), since only another template fixes it.
    """
