"""What an importer falls back on when its source lacks metadata the canonical profile requires.

``--series``, ``--publisher`` and ``--date`` on the command line (``series=``, ``publisher=``,
``date=`` in Python) name them; without them the series is "Issue Brief" and the publisher the
first author's institution, or "Unknown publisher" when no author has one. Every default taken
is reported as a warning. A date is never invented: a source without one needs ``--date``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_SERIES = "Issue Brief"
DEFAULT_PUBLISHER = "Unknown publisher"
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Fallbacks:
    """Series, publisher and publication date to use when the source names none."""

    series: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
