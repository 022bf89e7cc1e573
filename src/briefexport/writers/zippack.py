"""Byte-identical zip packages (DOCX, EPUB, deposit packages): every entry written with one fixed
timestamp, fixed permissions and a fixed order; a zip entry's time can only hold the years
1980-2107.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable

FASTEST = 1  # zlib's fastest deflate level
ZIP_FIRST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` in UTC as a zip ``date_time``, moved into the range a zip can hold."""
    stamp = min(max(when.astimezone(dt.UTC), ZIP_FIRST), ZIP_LAST)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def pack(
    entries: Iterable[tuple[str, bytes]],
    when: dt.datetime,
    stored: frozenset[str] = frozenset(),
    level: int | None = None,
    fast: frozenset[str] = frozenset(),
) -> bytes:
    """A zip of ``entries`` (name, bytes) in the order given, with fixed times and attributes;
    ``stored`` entries uncompressed, ``fast`` ones at zlib's fastest level."""
    out = io.BytesIO()
    date_time = zip_time(when)
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            keep = name in stored
            info.compress_type = zipfile.ZIP_STORED if keep else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            chosen = FASTEST if name in fast else level
            target.writestr(info, data, compresslevel=None if keep else chosen)
    return out.getvalue()

