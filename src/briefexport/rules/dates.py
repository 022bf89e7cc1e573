"""Dates as English briefs print them (partial ISO 8601 dates: :mod:`.partial_dates`).

Printed dates ("June 14, 2024", "14 June 2024", "May 2024") are read to the ISO 8601 form JATS
stores in ``iso-8601-date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); impossible dates
(February 30) give None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

DATE_PATTERNS = (
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}"),
    re.compile(rf"{_MONTH},?\s+{_YEAR}"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
)
DATE_TEXT = "|".join(f"(?:{pattern.pattern})" for pattern in DATE_PATTERNS)
# the same alternatives without group names, to embed in larger patterns
DATE_TEXT = re.sub(r"\?P<\w+>", "", DATE_TEXT)


def printed_date_iso(text: str) -> str | None:
    """The ISO form of a printed date filling the whole of ``text``, or None."""
    for pattern in DATE_PATTERNS:
        found = pattern.fullmatch(text.strip())
        if found:
            return _iso(found.groupdict())
    return None


def printed_date(text: str) -> dt.date | None:
    """A full printed date (with a day) as a date, or None."""
    iso = printed_date_iso(text)
    return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None


def _iso(parts: dict[str, str | None]) -> str | None:
    month_text = parts["month"] or ""
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    year = int(parts["year"] or 0)
    if month is None or not 1 <= month <= 12:
        return None
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, int(parts["day"] or 0)).isoformat()
    except ValueError:
        return None
