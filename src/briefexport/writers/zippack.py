"""Byte-identical zip packages (DOCX, EPUB, deposit packages): every entry written with one fixed
timestamp, fixed permissions and a fixed order; a zip entry's time can only hold the years
1980-2107.

The archive is laid out here (PKWARE's APPNOTE.TXT 6.3: local file headers, the central
directory, the end of central directory record), field for field as Python's ``zipfile`` lays out
the same entries, so that an entry met again from package to package (an embedded font, the
styles and theme of a Word copy, a style sheet) is deflated once per process. A package near
the classic format's limits (2 GiB, 65,535 entries) is written by ``zipfile``, which adds the
Zip64 records it then needs.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

FASTEST = 1  # zlib's fastest deflate level
ZIP_FIRST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
ZIP_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)
KEPT_ENTRIES = 64
"""How many deflated entries a process keeps for the next package (a Word copy has about 20)."""
KEPT_SIZE = 256 * 1024
"""The largest entry kept, unless deflated fast (fonts): a brief's pictures are not kept."""

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_END_RECORD = struct.Struct("<4s4H2LH")
_VERSION = 20  # 2.0: deflate and folders, the version zipfile writes for these entries
_UNIX = 3  # the "made by" system, so that the permissions below are read
_PERMISSIONS = 0o644 << 16
_UTF8_NAME = 0x800  # general purpose bit 11: the name is UTF-8
_CLASSIC_SIZE = zipfile.ZIP64_LIMIT // 2  # compressed data may outgrow its input a little
_CLASSIC_COUNT = 0xFFFF

Entry = tuple[str, bytes]


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` in UTC as a zip ``date_time``, moved into the range a zip can hold."""
    stamp = min(max(when.astimezone(dt.UTC), ZIP_FIRST), ZIP_LAST)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def pack(
    entries: Iterable[Entry],
    when: dt.datetime,
    stored: frozenset[str] = frozenset(),
    level: int | None = None,
    fast: frozenset[str] = frozenset(),
) -> bytes:
    """A zip of ``entries`` (name, bytes) in the order given, with fixed times and attributes;
    ``stored`` entries uncompressed, ``fast`` ones at zlib's fastest level (and deflated once
    per process for the same bytes)."""
    listed = list(entries)
    if len(listed) >= _CLASSIC_COUNT or sum(len(data) for _, data in listed) > _CLASSIC_SIZE:
        return pack_with_zipfile(listed, when, stored, level, fast)
    stamp = _dos_stamp(zip_time(when))
    local, central = bytearray(), bytearray()
    for name, data in listed:
        method, crc, body = _entry_body(data, name in stored, name in fast, level)
        encoded, flags = _encoded_name(name)
        fields = (flags, method, *stamp, crc, len(body), len(data), len(encoded))
        central += _CENTRAL_HEADER.pack(
            b"PK\1\2", _VERSION, _UNIX, _VERSION, 0, *fields, 0, 0, 0, 0, _PERMISSIONS, len(local)
        )
        central += encoded
        local += _LOCAL_HEADER.pack(b"PK\3\4", _VERSION, 0, *fields, 0) + encoded + body
    end = _END_RECORD.pack(b"PK\5\6", 0, 0, len(listed), len(listed), len(central), len(local), 0)
    return bytes(local + central + end)


def _dos_stamp(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    """The MS-DOS time and date fields of a zip entry."""
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _encoded_name(name: str) -> tuple[bytes, int]:
    """The entry's name as stored, and the flags that say how (ASCII plain, else UTF-8)."""
    return (name.encode("ascii"), 0) if name.isascii() else (name.encode(), _UTF8_NAME)


def _entry_body(data: bytes, keep: bool, fast: bool, level: int | None) -> tuple[int, int, bytes]:
    """The compression method, the CRC-32 of ``data`` and the bytes stored for it."""
    if keep:
        return zipfile.ZIP_STORED, zlib.crc32(data), data
    if fast or len(data) <= KEPT_SIZE:
        return zipfile.ZIP_DEFLATED, *_kept_deflation(data, FASTEST if fast else level)
    return zipfile.ZIP_DEFLATED, zlib.crc32(data), _deflated(data, level)


@functools.lru_cache(maxsize=KEPT_ENTRIES)
def _kept_deflation(data: bytes, level: int | None) -> tuple[int, bytes]:
    """The CRC-32 and deflation of ``data``, kept for the next package with it."""
    return zlib.crc32(data), _deflated(data, level)


def _deflated(data: bytes, level: int | None) -> bytes:
    """Raw deflate (no zlib header), as zip entries hold it."""
    chosen = zlib.Z_DEFAULT_COMPRESSION if level is None else level
    compressor = zlib.compressobj(chosen, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def pack_with_zipfile(
    entries: Iterable[Entry],
    when: dt.datetime,
    stored: frozenset[str] = frozenset(),
    level: int | None = None,
    fast: frozenset[str] = frozenset(),
) -> bytes:
    """:func:`pack` by Python's ``zipfile`` (Zip64 records where the entries need them)."""
    out = io.BytesIO()
    date_time = zip_time(when)
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            keep = name in stored
            info.compress_type = zipfile.ZIP_STORED if keep else zipfile.ZIP_DEFLATED
            info.external_attr = _PERMISSIONS
            info.create_system = _UNIX
            chosen = FASTEST if name in fast else level
            target.writestr(info, data, compresslevel=None if keep else chosen)
    return out.getvalue()
