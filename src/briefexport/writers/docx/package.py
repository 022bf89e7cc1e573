"""Byte-identical DOCX files: python-docx stamps every zip entry with the clock, so the package
is written again with one fixed timestamp, fixed permissions and python-docx's part order
(``[Content_Types].xml`` first, as OPC Part 2 recommends).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document

ZIP_FIRST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the range a zip entry's time can hold
ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` in UTC as a zip ``date_time``, moved into the years 1980-2107 a zip can hold."""
    stamp = min(max(when.astimezone(dt.UTC), ZIP_FIRST), ZIP_LAST)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def save_reproducibly(document: Document, when: dt.datetime) -> bytes:
    """The document as a ``.docx`` whose bytes depend only on its content and ``when``."""
    first = io.BytesIO()
    document.save(first)
    return repack(first.getvalue(), when)


def repack(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip with fixed entry times and attributes."""
    out = io.BytesIO()
    date_time = zip_time(when)
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(name))
    return out.getvalue()
