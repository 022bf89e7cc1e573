"""Run a writer and put its output in place atomically.

A writer returns bytes; they go to a temporary file in the target folder that is synced to disk
and renamed over the target only when complete, so a failure never leaves a partial file nor
destroys a good one. Within :func:`deferred_commits` the sync and the rename are handed to the
caller instead (a batch worker does them in a thread while it converts the next brief), and
with a tracker every temporary file is made through it, so that a worker ending at its time
limit knows, and removes, the files not handed over yet.

Before any work, an output and the figure copies beside it are checked against the files the
brief was read from (:attr:`briefexport.model.Brief.origin` and its figures): none may replace
one, whoever asks (the API, a command, a batch). The temporary file takes the mode of the file
it replaces, or a new file's under the umask (:mod:`.shared.filemodes`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Collection, Iterator
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path
from typing import NoReturn, TypeAlias

from .errors import BriefexportError, OutputError, OverwritesInputError, shown_name
from .formats import FORMATS, get_writer
from .model import Brief
from .options import WriteOptions
from .shared.figure_claims import FigureClaims
from .shared.filemodes import mode_for
from .shared.paths import RANDOM_DIGITS, under_fresh_name

Figures: TypeAlias = dict[Path, tuple[str, bytes]]
"""Figure copies to write (their targets do not hold their bytes yet): each target with the
figure's ``href`` and bytes."""
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
    brief: Brief, fmt: str, path: Path, options: WriteOptions, claimed: FigureClaims | None = None
) -> Path:
    """Render ``brief`` as ``fmt`` and write it to ``path`` atomically.

    ``claimed`` collects the figure files written in one run, so that two briefs exported to one
    folder cannot silently replace each other's figure of the same name, or of an alike one
    (:class:`FigureClashError`). Raises :class:`OverwritesInputError` before any work when the
    output, or a figure copied beside it, would replace a file the brief was read from.
    """
    writer = get_writer(fmt)
    figures = planned_figures(brief, path, fmt, claimed)
    options = replace(options, package_name=package_name(path, fmt))
    try:
        data = writer(brief, options)
    except BriefexportError:
        raise
    except Exception as error:
        raise OutputError(f"{fmt} writer failed: {type(error).__name__}: {error}") from error
    write_planned(figures)
    if claimed is not None and figures:
        claimed.record(brief, path.parent)
    atomic_write(path, data)
    return path


def planned_figures(
    brief: Brief, path: Path, fmt: str, claimed: FigureClaims | None = None
) -> Figures:
    """The figure copies an output of ``fmt`` at ``path`` needs written, once it is known that
    neither the output nor any of them replaces an input (:func:`refuse_inputs`)."""
    figures = figure_writes(brief, path.parent, claimed) if FORMATS[fmt].links_figures else {}
    refuse_inputs(brief, path, figures)
    return figures


def write_planned(figures: Figures) -> None:
    """Write the figure copies of :func:`planned_figures`."""
    for target, (_, data) in figures.items():
        atomic_write(target, data)


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


def write_figures(brief: Brief, folder: Path) -> None:
    """Outputs that name figures by relative path get the figure files beside them."""
    write_planned(figure_writes(brief, folder))


def figure_writes(brief: Brief, folder: Path, claimed: FigureClaims | None = None) -> Figures:
    """The figure files of ``brief`` to write in ``folder``, each with its ``href`` and bytes:
    a copy already in place (as when the output goes beside the brief) is left alone, each
    target read once to know it. Raises :class:`FigureClashError` when another brief of the run
    copied a different figure to one of them, or any figure to an alike path."""
    figures = {(folder / fig.image.href).resolve(): fig.image for fig in brief.figures}
    writes = {
        target: (image.href, image.data)
        for target, image in figures.items()
        if not _holds(target, image.data)
    }
    if claimed is not None:
        claimed.check(brief, folder, lambda target, _: target in writes)
    return writes


def refuse_inputs(brief: Brief, path: Path, figures: Figures) -> None:
    """Raise :class:`OverwritesInputError` when ``path`` or one of the figure copies to write
    would replace the brief's file or one of its figures: files are compared by identity (device and
    inode), so another spelling, a symbolic link or a hard link is caught too."""
    if brief.origin is None:
        return
    writes = [(_identity(path), path, "")]
    writes += [(_identity(target), path.parent / href, f" with the copy of figure {href!r}")
               for target, (href, _) in figures.items()]  # fmt: skip
    inputs = input_files(brief, {identity for identity, _, _ in writes if identity is not None})
    for identity, named, how in writes:
        what = inputs.get(identity) if identity is not None else None
        if what is not None:
            raise OverwritesInputError(str(named), f"refusing to write over {what}{how}")


def input_files(
    brief: Brief, among: Collection[tuple[int, int]] | None = None
) -> dict[tuple[int, int], str]:
    """The files ``brief`` was read from, by identity, each with how a message names it: its
    source, and each figure file beside it that holds the figure's bytes. A file there with
    other bytes was not read (a Word package carries its pictures inside it: the file is an
    earlier import's copy, which a new import may replace). With ``among``, only the files of
    those identities are looked for (a figure file of another is not read)."""
    if brief.origin is None:
        return {}
    named: list[tuple[Path, str, bytes | None]] = [(brief.origin, "the input", None)]
    for figure in brief.figures:
        beside = brief.origin.parent / figure.image.href
        named.append((beside, f"the input's figure {figure.image.href!r}", figure.image.data))
    found: dict[tuple[int, int], str] = {}
    for file, what, data in named:
        identity = _identity(file)
        if identity is None or identity in found or (among is not None and identity not in among):
            continue
        if data is None or _holds(file, data):
            found[identity] = what
    return found


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a file that holds ``data`` (read only when the size says it may)."""
    try:
        status = path.stat()
        same_size = stat.S_ISREG(status.st_mode) and status.st_size == len(data)
        return same_size and path.read_bytes() == data
    except (OSError, ValueError):
        return False


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino
