"""SHA-256 digests of briefs, figures and style folders, as the manifest records them (hex).

Apart from :mod:`.manifest` because a worker process needs them and nothing else of it. A brief
or figure larger than the reader takes is refused from the size of the file opened for hashing,
before any of its bytes is read (hashing a file of gigabytes only for the reader to refuse it
would hold up the whole run).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import InvalidBriefError
from ..shared.limits import MAX_INPUT_BYTES, MAX_SOURCE_BYTES, size_refusal, source_size_refusal

NOT_WAITING = getattr(os, "O_NONBLOCK", 0)
"""Opening a FIFO waits for a writer, forever; with this flag it does not (no effect on files)."""


def file_digest(path: Path, largest: int | None = None) -> str:
    """SHA-256 of a regular file's bytes, in hex; anything else (a FIFO, a device, a folder), or
    a file of more than ``largest`` bytes, raises :class:`OSError` at once, unread."""
    with _opened(path) as (stream, size):
        if largest is not None and size > largest:
            raise OSError(errno.EFBIG, f"larger than {largest} bytes", str(path))
        return _stream_digest(stream, size)


def file_bytes(path: Path, largest: int) -> bytes:
    """The bytes of a regular file, refused as :func:`file_digest` refuses (:class:`OSError`)."""
    with _opened(path) as (stream, size):
        if size > largest:
            raise OSError(errno.EFBIG, f"larger than {largest} bytes", str(path))
        return stream.read()


def brief_bytes(path: Path, kind: str) -> bytes:
    """The bytes of a brief of ``kind``; one :func:`brief_digest` refuses raises
    :class:`OSError` instead, unread."""
    return file_bytes(path, MAX_INPUT_BYTES if kind == "xml" else MAX_SOURCE_BYTES)


def brief_digest(path: Path, kind: str) -> str:
    """SHA-256 of the bytes of a brief of ``kind`` (as :mod:`.discovery` names kinds), in hex.
    A brief larger than its reader or importer takes is refused unread, with the error that one
    gives (:class:`InvalidBriefError`); otherwise as :func:`file_digest`."""
    with _opened(path) as (stream, size):
        _refuse_large_brief(path, kind, size)
        return _stream_digest(stream, size)


def read_brief_digest(path: Path, kind: str) -> tuple[bytes, str]:
    """The bytes of a brief of ``kind`` and their SHA-256, refused as :func:`brief_digest`
    refuses: a worker hashes and parses the same bytes, read once."""
    with _opened(path) as (stream, size):
        _refuse_large_brief(path, kind, size)
        data = stream.read()
        return data, bytes_digest(data)


def _refuse_large_brief(path: Path, kind: str, size: int) -> None:
    refusal = size_refusal if kind == "xml" else source_size_refusal
    refused = refusal(str(path), size)
    if refused is not None:
        raise InvalidBriefError([refused])


ONE_READ_BYTES = 1 << 22
"""A file up to this size is hashed from one read: ``hashlib.file_digest`` fills a new 256 KiB
buffer for every file it reads itself, which costs more than hashing a brief of some 30 KB."""


def _stream_digest(stream: io.BufferedReader, size: int) -> str:
    if size <= ONE_READ_BYTES:
        return bytes_digest(stream.read())
    return hashlib.file_digest(stream, "sha256").hexdigest()


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[io.BufferedReader, int]]:
    """The regular file at ``path``, open for reading, and its size, from one open file (no
    second look-up that a rename in between could answer for another file)."""
    with open(os.open(path, os.O_RDONLY | NOT_WAITING), "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        yield stream, status.st_size


def bytes_digest(data: bytes) -> str:
    """SHA-256 of ``data``, in hex."""
    return hashlib.sha256(data).hexdigest()


TOOLING = frozenset({".git", ".hg", ".svn", ".bzr", ".DS_Store"})
"""Version-control folders and a file manager's notes: no part of a style."""


def folder_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file below ``folder`` (a style or font folder) with its path from there, with
    ``/``: linked folders are followed (each real folder once), and what tools keep there is
    left out (:data:`TOOLING`, an editor's ``.NAME.swp``, ``NAME~`` or ``#NAME#``). Other
    hidden files count: a stylesheet may import one."""
    seen: set[Path] = set()
    for here, subfolders, files in os.walk(folder, followlinks=True):
        real = Path(here).resolve()
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = [name for name in subfolders if name not in TOOLING]
        for name in files:
            if not _tooling_file(name):
                path = Path(here) / name
                yield path.relative_to(folder).as_posix(), path


def _tooling_file(name: str) -> bool:
    """A file manager's notes, an editor's swap, backup or autosave file."""
    swap = name.startswith(".") and name.endswith((".swp", ".swo", ".swx"))
    return name in TOOLING or swap or name.endswith("~") or name.startswith("#")


def folder_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file of :func:`folder_files`, by its path with ``/``."""
    digests = {name: file_digest(path) for name, path in folder_files(folder) if path.is_file()}
    return dict(sorted(digests.items()))


def combined_digest(digests: dict[str, str]) -> str:
    """One SHA-256 over the names and digests of some files of a folder."""
    combined = hashlib.sha256()
    for name in sorted(digests):
        combined.update(name.encode("utf-8") + b"\0" + digests[name].encode("ascii"))
    return combined.hexdigest()
