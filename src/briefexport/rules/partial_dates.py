"""Partial ISO 8601 dates as JATS stores them in ``iso-8601-date``: ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``.

Apart from :mod:`.dates`, which reads printed dates for the importers: the reader checks every
brief's dates with this alone and so does not build the printed-date patterns and month names.
"""

from __future__ import annotations

import datetime as dt
import re


def partial_date_exists(iso: str) -> bool:
    """True for an existing ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso)
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
