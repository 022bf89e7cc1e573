"""Put bytes in place atomically (POSIX ``rename`` replaces the target in one step).

The bytes go to a temporary file in the target folder that is synced to disk and renamed over
the target only when complete, so a failure never leaves a partial file nor destroys a good one.
Within :func:`deferred_commits` the sync and the rename are handed to the caller instead (a
batch worker does them in a thread while it converts the next brief), and with a tracker every
temporary file is made through it, so that a worker ending at its time limit knows, and removes,
the files not handed over yet. The temporary file takes the mode of the file it replaces, or a
new file's under the umask (:mod:`briefexport.shared.filemodes`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import NoReturn, TypeAlias

from ..errors import OutputError, shown_name
from ..shared.filemodes import mode_for
from ..shared.paths import RANDOM_DIGITS, under_fresh_name

Committer: TypeAlias = Callable[[str, Path], None]
"""Takes a complete temporary file (its name) and the path it is for; it then owns the file and
must finish it with :func:`commit_temporary`."""
Maker: TypeAlias = Callable[[], tuple[int, str]]
"""Creates a temporary file: its open handle and its name."""
Tracker: TypeAlias = Callable[[Maker], tuple[int, str]]
"""Runs a :data:`Maker` and keeps the name of the file it made, so that the file can be removed
if the process must end before the file is handed on (or refuses to make it, raising
:class:`OutputError`)."""
_COMMITTER: ContextVar[Committer | None] = ContextVar("briefexport_committer", default=None)
_TRACKER: ContextVar[Tracker | None] = ContextVar("briefexport_tracker", default=None)
TEMPORARY_SUFFIX = ".tmp"
NAME_MAX = 255
"""The longest file name, in bytes, of the usual filesystems (ext4, XFS, Btrfs, APFS, tmpfs)."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename (or
    hand the temporary file to the committer of :func:`deferred_commits`)."""
    temporary: str | None = None
    committer = _COMMITTER.get()
    try:
        _make_folder(path.parent)
        _refuse_special(path)
        mode = mode_for(path)
        handle, temporary = create_temporary(path)
        with os.fdopen(handle, "wb") as stream:
            _set_mode(stream.fileno(), temporary, mode)
            stream.write(data)
        if committer is None:
            commit_temporary(temporary, path)
        else:
            handed, temporary = temporary, None
            committer(handed, path)
    except BaseException as error:  # Ctrl-C and SIGTERM too: never leave the temporary file
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"{shown_name(str(path))}: cannot write: {error.strerror}") from None
        raise


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"{shown_name(str(folder))}: cannot write in it: not a folder") from None


def _refuse_special(path: Path) -> None:
    """A device, a pipe or a socket at ``path`` is never replaced (``-o /dev/null`` run as root
    would replace the device with a file); a symbolic link is replaced itself, as a file is."""
    try:
        kind = stat.S_IFMT(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return
    if kind not in (stat.S_IFREG, stat.S_IFLNK, stat.S_IFDIR):  # a folder: the rename says so
        raise OutputError(f"{shown_name(str(path))}: not a regular file; refusing to replace it")


def _set_mode(handle: int, name: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(handle, mode)
    else:  # Windows: only the read-only bit is kept
        os.chmod(name, mode)


def commit_temporary(temporary: str, path: Path) -> None:
    """Sync a complete temporary file to disk and rename it over ``path``: the last step of
    :func:`atomic_write`, or of a committer's work; on failure the temporary file is removed."""
    sync_temporary(temporary, path)
    rename_temporary(temporary, path)


def sync_temporary(temporary: str, path: Path) -> None:
    """The first half of :func:`commit_temporary`: the file synced to disk."""
    try:
        handle = os.open(temporary, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError as error:
        _given_up(temporary, path, error)


def rename_temporary(temporary: str, path: Path) -> None:
    """The second half of :func:`commit_temporary`: the synced file renamed over ``path``."""
    try:
        os.replace(temporary, path)
    except OSError as error:
        _given_up(temporary, path, error)


def _given_up(temporary: str, path: Path, error: OSError) -> NoReturn:
    with contextlib.suppress(OSError):
        os.unlink(temporary)
    raise OutputError(f"{shown_name(str(path))}: cannot write: {error.strerror}") from None


@contextlib.contextmanager
def deferred_commits(committer: Committer, tracker: Tracker | None = None) -> Iterator[None]:
    """Within the block (in this thread or task), :func:`atomic_write` leaves each file's sync
    and rename to ``committer``; the caller must have them all done before it reports the
    outputs as written. With ``tracker``, every temporary file is made through it
    (:func:`create_temporary`)."""
    token = _COMMITTER.set(committer)
    tracked = _TRACKER.set(tracker)
    try:
        yield
    finally:
        _TRACKER.reset(tracked)
        _COMMITTER.reset(token)


def create_temporary(path: Path) -> tuple[int, str]:
    """A new, empty ``.NAME.XXXXXXXXXXXX.tmp`` file beside ``path`` (NAME shortened when the
    name would be too long), readable by its owner only, opened for writing: what
    :func:`tempfile.mkstemp` gives, without importing :mod:`tempfile` (which brings
    :mod:`shutil`, :mod:`random` and the compression modules into every run). Within
    :func:`deferred_commits` with a tracker, the file is made through the tracker."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)

    def make() -> tuple[int, str]:
        return under_fresh_name(str(path.parent), f".{_fitting(path.name)}.", TEMPORARY_SUFFIX,
                                lambda name: os.open(name, flags, 0o600))  # fmt: skip

    tracker = _TRACKER.get()
    return make() if tracker is None else tracker(make)


def _fitting(name: str) -> str:
    """``name``, or as much of it as leaves the temporary file's name within
    :data:`NAME_MAX` bytes (whole characters: a cut one is dropped); the random part keeps the
    shortened names apart."""
    room = NAME_MAX - len("..") - RANDOM_DIGITS - len(TEMPORARY_SUFFIX)
    encoded = name.encode("utf-8", "surrogateescape")
    return name if len(encoded) <= room else encoded[:room].decode("utf-8", "ignore")
