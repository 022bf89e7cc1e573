"""XML ids for what an importer writes (sections, tables, figures, notes, references,
affiliations): the source's own id when it is a usable, unused XML name, else a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NCNAME = re.compile(r"[A-Za-z_][\w.-]*")


class IdRegistry:
    """Ids given out so far; ids the source uses elsewhere are never generated."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._reserved = set(reserved)
        self._used: set[str] = set()

    def keep(self, wanted: str | None, prefix: str) -> str:
        """``wanted`` if it is a valid, unused id; otherwise a new ``prefix<n>``."""
        if wanted and _NCNAME.fullmatch(wanted) and wanted not in self._used:
            self._used.add(wanted)
            return wanted
        return self.new(prefix)

    def new(self, prefix: str) -> str:
        """A fresh ``prefix<n>`` that neither the source nor this registry uses."""
        number = 1
        while f"{prefix}{number}" in self._used or f"{prefix}{number}" in self._reserved:
            number += 1
        self._used.add(f"{prefix}{number}")
        return f"{prefix}{number}"
