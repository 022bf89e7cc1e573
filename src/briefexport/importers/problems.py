"""Collect the diagnostics an importer finds, so every problem is reported at once.

An importer never drops content silently: anything it cannot place becomes an error diagnostic
(``FILE:LINE:COL: message``), guesses it had to make become warnings.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..errors import Diagnostic, InvalidBriefError, Severity

LOGGER = logging.getLogger(__name__)

# The C0 controls XML 1.0 forbids, and the ones it discourages (section 2.2: U+007F-U+0084,
# U+0086-U+009F, usually Windows-1252 punctuation decoded wrongly), and the non-characters
# U+FFFE and U+FFFF: refused by every importer, so that no kind of source lets in what another
# refuses. U+0085 (NEL) is allowed, as in XML 1.0.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def control_character_message(found: str) -> str:
    """The message for the control character ``found``."""
    return f"control character U+{ord(found):04X} cannot appear in a brief"


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
