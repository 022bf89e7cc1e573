"""Collect the diagnostics an importer finds, so every problem is reported at once.

An importer never drops content silently: anything it cannot place becomes an error diagnostic
(``FILE:LINE:COL: message``), guesses it had to make become warnings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..errors import Diagnostic, InvalidBriefError, Severity

LOGGER = logging.getLogger(__name__)


@dataclass
class Problems:
    """The diagnostics of one source file, in the order they were found."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, message: str, column: int = 1) -> None:
        """Record something that cannot be placed in a brief."""
        self.diagnostics.append(Diagnostic(self.file, line, column, message))

    def warning(self, line: int, message: str, column: int = 1) -> None:
        """Record a guess or a default the importer had to make."""
        self.diagnostics.append(Diagnostic(self.file, line, column, message, Severity.WARNING))

    @property
    def has_errors(self) -> bool:
        """True when at least one error was recorded."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def raise_if_errors(self) -> None:
        """Raise :class:`InvalidBriefError` with every diagnostic when any is an error."""
        if self.has_errors:
            raise InvalidBriefError(list(self.diagnostics))

    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings only."""
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]
