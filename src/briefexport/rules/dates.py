"""Dates as English briefs print them (partial ISO 8601 dates: :mod:`.partial_dates`).

Printed dates ("June 14, 2024", "14 June 2024", "May 2024") are read to the ISO 8601 form JATS
stores in ``iso-8601-date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); impossible dates
(February 30) give None.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

# English month names and abbreviations, as calendar.month_name and month_abbr give them in
# the C locale (written out: importing calendar costs every start, and a program's locale
# must not change how a brief's English dates are read)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

DATE_SOURCES = (
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH},?\s+{_YEAR}",
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
)
DATE_TEXT = "|".join(f"(?:{source})" for source in DATE_SOURCES)
# the same alternatives without group names, to embed in larger patterns
DATE_TEXT = re.sub(r"\?P<\w+>", "", DATE_TEXT)


@functools.cache
def date_patterns() -> tuple[re.Pattern[str], ...]:
    """The printed date forms, compiled when first asked for (the importers read printed
    dates; the reader, which only checks ISO dates, never compiles them)."""
    return tuple(re.compile(source) for source in DATE_SOURCES)


def printed_date_iso(text: str) -> str | None:
    """The ISO form of a printed date filling the whole of ``text``, or None."""
    for pattern in date_patterns():
        found = pattern.fullmatch(text.strip())
        if found:
            return _iso(found.groupdict())
    return None


def printed_date(text: str) -> dt.date | None:
    """A full printed date (with a day) as a date, or None."""
    iso = printed_date_iso(text)
    return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None


def impossible_printed_date(text: str) -> bool:
    """Whether ``text`` is a printed date with a day, in a known month, that does not exist
    ("February 30, 2024"); a month and year ("May 2024") or an unknown word is not."""
    for pattern in date_patterns():
        found = pattern.fullmatch(text.strip())
        parts = found.groupdict() if found else {}
        if parts.get("day") is not None and _month(parts) is not None:
            return _iso(parts) is None
    return False


def _month(parts: dict[str, str | None]) -> int | None:
    month_text = parts["month"] or ""
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    return month if month is not None and 1 <= month <= 12 else None


def _iso(parts: dict[str, str | None]) -> str | None:
    month = _month(parts)
    year = int(parts["year"] or 0)
    if month is None:
        return None
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(parts["day"] or 0)).isoformat()
    except ValueError:
        return None
