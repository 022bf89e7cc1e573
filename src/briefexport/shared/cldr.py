"""The little of CLDR a brief needs, stored with the package: long dates, lists, writing direction.

``cldr.tsv`` is made by ``scripts/make_cldr_subset.py`` from Babel's CLDR data: for each locale
Babel knows, the ``long`` date pattern already split into fields and literal text by Babel's own
tokenizer (UTS #35, "Date Format Patterns"), the month names that pattern prints, the era name if
it prints one, the ``standard`` list patterns and the character order; one line per language (its
code, a tab, a JSON object), so a run parses only the line of the brief's language. It lets
:mod:`briefexport.shared.i18n` answer without loading Babel, which would read and merge the whole
locale (about 40 ms of a cold start). A tag is looked up with ``-`` read as ``_`` and nothing
else changed: ``en-GB`` finds ``en_GB``, while ``EN`` or ``zh-TW`` (which Babel resolves through
its aliases and likely subtags) are left to Babel, so no answer is guessed. ``tests/shared`` checks
the file against Babel for every locale.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import TypedDict

from ..model.record import Record, record

DATA_FILE = Path(__file__).with_name("cldr.tsv")
Token = tuple[str, str, int]  # ("chars", text, 0) or ("field", letter, repeat)


@record
class LocaleSubset(Record):
    """What briefexport prints from one CLDR locale."""

    character_order: str
    long_date: tuple[Token, ...]
    months: dict[int, tuple[str, ...]]  # by pattern width: 3 abbreviated, 4 wide
    era: str
    list_patterns: tuple[str, str, str, str]  # "2", "start", "middle", "end"

    def format_date(self, date: dt.date) -> str:
        """``date`` in the locale's long form, as Babel's ``format_date(format="long")``."""
        return "".join(self._field(date, letter, repeat) if kind == "field" else letter
                       for kind, letter, repeat in self.long_date)  # fmt: skip

    def _field(self, date: dt.date, letter: str, repeat: int) -> str:
        match letter:
            case "y":
                year = f"{date.year:0{repeat}d}"
                return year[-2:] if repeat == 2 else year
            case "M" if repeat <= 2:
                return f"{date.month:0{repeat}d}"
            case "M":
                return self.months[repeat][date.month - 1]
            case "d":
                return f"{date.day:0{repeat}d}"
            case "G":
                return self.era
        raise ValueError(f"date field {letter * repeat!r} is not in the stored subset")

    def format_list(self, items: list[str]) -> str:
        """Items joined as Babel's ``format_list(style="standard")`` joins them."""
        pair, start, middle, end = self.list_patterns
        if len(items) < 2:
            return items[0] if items else ""
        if len(items) == 2:
            return pair.format(*items)
        joined = start.format(items[0], items[1])
        for item in items[2:-1]:
            joined = middle.format(joined, item)
        return end.format(joined, items[-1])


class _Record(TypedDict, total=False):
    order: str
    long_date: list[tuple[str, str, int]]
    months: dict[str, list[str]]
    era: str
    list: list[str]


class _Language(TypedDict):
    locales: dict[str, int]
    records: list[_Record]


@functools.cache
def _language(code: str) -> _Language | None:
    """The stored locales of one primary language, decoding and parsing that line only (the
    whole file, mostly other scripts' letters, would cost more to decode than the rest)."""
    if not (code.isascii() and code.isalnum()):
        return None
    data = DATA_FILE.read_bytes()
    start = data.find(f"\n{code}\t".encode("ascii"))
    if start < 0:
        return None
    start += len(code) + 2
    end = data.find(b"\n", start)
    found: _Language = json.loads(data[start:end].decode("utf-8"))
    return found


@functools.cache
def locale_subset(identifier: str) -> LocaleSubset | None:
    """The stored data of the Babel locale ``identifier`` (``en``, ``fr_CA``, ``sr_Latn``), or
    None when it is not one of Babel's identifiers exactly."""
    language = _language(identifier.split("_")[0])
    index = language["locales"].get(identifier) if language else None
    if language is None or index is None:
        return None
    record = language["records"][index]
    pair, start, middle, end = record["list"]
    return LocaleSubset(
        character_order=record["order"],
        long_date=tuple((kind, value, repeat) for kind, value, repeat in record["long_date"]),
        months={int(width): tuple(names) for width, names in record["months"].items()},
        era=record.get("era", ""),
        list_patterns=(pair, start, middle, end),
    )
