"""The front matter of a Markdown brief as read: its values, and where each one is in the source.

Lines count from the top of the Markdown file, columns from 1 (see :mod:`.fmyaml`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .fmyaml import LoadedYaml
from .problems import Problems


@dataclass
class FrontMatter:
    """The parsed YAML and where it starts in the source, for line numbers.

    ``failed`` is set when the YAML could not be read at all; ``reported`` holds the keys whose
    value was already reported as wrong, so that no follow-on error is added for them."""

    values: dict[str, Any]
    first_line: int
    written: dict[str, str] = field(default_factory=dict)  # key -> the alias it was written as
    loaded: LoadedYaml | None = None
    reported: set[str] = field(default_factory=set)
    failed: bool = False

    def line(self, key: str) -> int:
        """The source line of top-level ``key`` (the front matter's first line if absent)."""
        return self.position(key)[0]

    def position(self, key: str, *inner: str | int) -> tuple[int, int]:
        """The source line and column of ``key``, or of the value at ``key`` and ``inner`` (the
        nearest enclosing value's when that one is not known); the front matter's first line
        for a key it does not hold (the loader places every top-level key it reads).

        YAML keys need not be strings (``5: x``); they are looked for as written."""
        written = str(self.written.get(key, key))
        found = self.loaded.locate(written, *inner) if self.loaded is not None else None
        if found is not None:
            return self.first_line + found[0], found[1]
        return self.first_line, 1

    def error(self, problems: Problems, message: str, key: str, *inner: str | int) -> None:
        """Report the value at ``key`` (and ``inner``) as wrong, at its position."""
        line, column = self.position(key, *inner) if inner else self.value_position(key)
        problems.error(line, message, column)
        self.reported.add(key)

    def value_position(self, key: str) -> tuple[int, int]:
        """Where the value of top-level ``key`` starts (the key's position when unknown)."""
        written = str(self.written.get(key, key))
        found = self.loaded.positions.get((written,)) if self.loaded is not None else None
        return (self.first_line + found[0], found[1]) if found else self.position(key)
