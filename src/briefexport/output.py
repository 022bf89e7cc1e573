"""Run a writer and put its output in place atomically.

A writer returns bytes; they go to a temporary file in the target folder that is synced to disk
and renamed over the target only when complete, so a failure never leaves a partial file nor
destroys a good one. Within :func:`deferred_commits` the sync and the rename are handed to the
caller instead (a batch worker does them in a thread while it converts the next brief).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import TypeAlias

from .errors import BriefexportError, OutputError
from .formats import FORMATS, get_writer
from .model import Brief
from .options import WriteOptions
from .shared.paths import RANDOM_DIGITS, under_fresh_name

Claims: TypeAlias = dict[Path, bytes]
Committer: TypeAlias = Callable[[str, Path], None]
"""Takes a complete temporary file (its name) and the path it is for; it then owns the file and
must finish it with :func:`commit_temporary`."""
_COMMITTER: ContextVar[Committer | None] = ContextVar("briefexport_committer", default=None)
TEMPORARY_SUFFIX = ".tmp"
NAME_MAX = 255
"""The longest file name, in bytes, of the usual filesystems (ext4, XFS, Btrfs, APFS, tmpfs)."""


def output_path(source: Path, fmt: str, output_dir: Path | None) -> Path:
    """``<stem><suffix>`` beside the source or in ``output_dir``."""
    return (output_dir or source.parent) / f"{output_stem(source.name)}{FORMATS[fmt].suffix}"


def output_stem(name: str) -> str:
    """What the outputs of the brief file ``name`` are named after: ``a`` for ``a.xml``,
    ``A.XML`` and the archival ``a.jats.xml``."""
    for suffix in (".xml", ".jats"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def package_name(path: Path, fmt: str) -> str:
    """The output's file name without the format's suffix (or, failing that, its last one)."""
    suffix = FORMATS[fmt].suffix
    return path.name.removesuffix(suffix) if path.name.endswith(suffix) else path.stem


def export_brief(
    brief: Brief, fmt: str, path: Path, options: WriteOptions, claimed: Claims | None = None
) -> Path:
    """Render ``brief`` as ``fmt`` and write it to ``path`` atomically.

    ``claimed`` collects the figure files written in one run, so that two briefs exported to one
    folder cannot silently replace each other's figure of the same name.
    """
    writer = get_writer(fmt)
    options = replace(options, package_name=package_name(path, fmt))
    try:
        data = writer(brief, options)
    except BriefexportError:
        raise
    except Exception as error:
        raise OutputError(f"{fmt} writer failed: {type(error).__name__}: {error}") from error
    if FORMATS[fmt].links_figures:
        write_figures(brief, path.parent, claimed)
    atomic_write(path, data)
    return path


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename (or
    hand the temporary file to the committer of :func:`deferred_commits`)."""
    temporary: str | None = None
    committer = _COMMITTER.get()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = create_temporary(path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
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
            raise OutputError(f"{path}: cannot write: {error.strerror}") from None
        raise


def commit_temporary(temporary: str, path: Path) -> None:
    """Sync a complete temporary file to disk and rename it over ``path``: the last step of
    :func:`atomic_write`, or of a committer's work; on failure the temporary file is removed."""
    try:
        handle = os.open(temporary, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None


@contextlib.contextmanager
def deferred_commits(committer: Committer) -> Iterator[None]:
    """Within the block (in this thread or task), :func:`atomic_write` leaves each file's sync
    and rename to ``committer``; the caller must have them all done before it reports the
    outputs as written."""
    token = _COMMITTER.set(committer)
    try:
        yield
    finally:
        _COMMITTER.reset(token)


def create_temporary(path: Path) -> tuple[int, str]:
    """A new, empty ``.NAME.XXXXXXXXXXXX.tmp`` file beside ``path`` (NAME shortened when the
    name would be too long), readable by its owner only, opened for writing: what
    :func:`tempfile.mkstemp` gives, without importing :mod:`tempfile` (which brings
    :mod:`shutil`, :mod:`random` and the compression modules into every run)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    return under_fresh_name(str(path.parent), f".{_fitting(path.name)}.", TEMPORARY_SUFFIX,
                            lambda name: os.open(name, flags, 0o600))  # fmt: skip


def _fitting(name: str) -> str:
    """``name``, or as much of it as leaves the temporary file's name within
    :data:`NAME_MAX` bytes (whole characters: a cut one is dropped); the random part keeps the
    shortened names apart."""
    room = NAME_MAX - len("..") - RANDOM_DIGITS - len(TEMPORARY_SUFFIX)
    encoded = name.encode("utf-8", "surrogateescape")
    return name if len(encoded) <= room else encoded[:room].decode("utf-8", "ignore")


def write_figures(brief: Brief, folder: Path, claimed: Claims | None = None) -> None:
    """Outputs that name figures by relative path get the figure files beside them."""
    claims: Claims = {} if claimed is None else claimed
    figures = {(folder / fig.image.href).resolve(): fig.image.data for fig in brief.figures}
    for target, data in figures.items():
        if claims.get(target, data) != data:
            raise OutputError(f"{target}: another brief of this run has a different figure here")
    for target, data in figures.items():
        claims[target] = data
        if not (target.is_file() and target.read_bytes() == data):
            atomic_write(target, data)
