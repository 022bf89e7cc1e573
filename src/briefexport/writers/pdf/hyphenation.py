"""Hyphenation patterns read when first looked up, for WeasyPrint's ``hyphens: auto``.

WeasyPrint hyphenates with Pyphen, whose ``HyphDict`` parses every pattern of a dictionary
(hunspell/TeX ``hyph_*.dic`` files: letters with digits between them giving break weights)
before the first word is hyphenated: about a tenth of a second for English, paid by every
cold PDF, although a brief looks up only the few patterns its words contain.

:class:`LazyHyphDict` indexes each pattern line by its letters (the digits removed, which is
the key Pyphen stores it under) and parses a line, with Pyphen's own ``parse``, only when
``positions`` first looks it up. Results are the same: the tests compare every word's break
points with Pyphen's for every dictionary it ships. Dictionaries using ``^^hh`` escapes or
non-standard ``/`` alternatives are parsed eagerly by Pyphen as before.

Pinned like :mod:`.notes_stay`: installed only when the source of ``HyphDict.positions`` is
the one reviewed (Pyphen 0.18), which reads the patterns only through ``patterns.get``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyphen  # type: ignore[import-untyped]

from .pinned import has_fingerprint

REVIEWED_SHA256 = "74d3837eaee5ba1b6ae8f45e35863fad446668ceb77f3b02cba935c88ee8d323"
_DIGITS = str.maketrans("", "", "0123456789")
_UNICODE_DIGIT = re.compile(r"[^\D0-9]")
Pattern = tuple[int, tuple[int, ...]]


def _parse_line(line: str) -> Pattern | None:
    """A pattern as Pyphen stores it (offset, weights), or None when all weights are zero."""
    values = [int(digit or "0") for digit, _ in pyphen.parse(line)]
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


class LazyPatterns:
    """The ``patterns`` mapping of a dictionary, parsed line by line on lookup."""

    __slots__ = ("_lines", "_parsed")

    def __init__(self, lines: dict[str, list[str]]) -> None:
        self._lines = lines
        self._parsed: dict[str, Pattern | None] = {}

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self._parsed:
            candidates = self._lines.get(key, ())
            # Pyphen keeps the last line of a key, skipping lines whose weights are all zero.
            parsed = (_parse_line(line) for line in reversed(candidates))
            self._parsed[key] = next((found for found in parsed if found), None)
        found = self._parsed[key]
        return default if found is None else found

    def longest_key(self) -> int:
        return max(map(len, self._lines), default=0)


def _needs_pyphen_parser(text: str) -> bool:
    """``^^hh`` escapes, ``/`` alternatives or non-ASCII digits change how keys are made."""
    if "^^" in text:
        return True
    if "/" in text and any("=" in line for line in text.split("\n") if "/" in line):
        return True
    return not text.isascii() and _UNICODE_DIGIT.search(text) is not None


def _pattern_lines(text: str) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    for line in text.split("\n")[1:]:
        pattern = line.strip()
        if pattern and not pattern.startswith(pyphen.ignored):
            lines.setdefault(pattern.translate(_DIGITS), []).append(pattern)
    return lines


class LazyHyphDict(pyphen.HyphDict):  # type: ignore[misc]
    """Pyphen's ``HyphDict`` with patterns parsed on first lookup."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as stream:
            encoding = stream.readline().decode()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        text = path.read_text(encoding)
        if _needs_pyphen_parser(text):
            super().__init__(path)
            return
        self.patterns = LazyPatterns(_pattern_lines(text))
        self.cache: dict[str, list[int]] = {}
        # Pyphen counts only patterns with a non-zero weight; a longer bound only adds lookups
        # that find nothing, so break points are unchanged.
        self.maxlen = self.patterns.longest_key()


def install() -> bool:
    """Make Pyphen read patterns lazily when its ``HyphDict`` is the reviewed one."""
    if pyphen.HyphDict is LazyHyphDict:
        return True
    reviewed = has_fingerprint(pyphen.HyphDict.positions, REVIEWED_SHA256)
    if reviewed:
        pyphen.HyphDict = LazyHyphDict
    return reviewed
