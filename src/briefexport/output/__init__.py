"""Run a writer and put its output, and the figure copies beside it, in place.

An output is named after its brief (:func:`output_path`). Before any work, the output and the
figure copies beside it are checked against the files the brief was read from
(:attr:`briefexport.model.Brief.origin` and its figures): none may replace one, whoever asks (the
API, a command, a batch). Every file is then written atomically (:mod:`.atomic`, whose names are
importable from here too).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import TypeAlias

from ..errors import BriefexportError, OutputError, OverwritesInputError
from ..formats import FORMATS, get_writer
from ..model import Brief
from ..options import WriteOptions
from ..shared.figure_claims import FigureClaims
from .atomic import (
    NAME_MAX,
    TEMPORARY_SUFFIX,
    Committer,
    Maker,
    Tracker,
    atomic_write,
    commit_temporary,
    create_temporary,
    deferred_commits,
    rename_temporary,
    sync_temporary,
)

__all__ = [
    "NAME_MAX",
    "TEMPORARY_SUFFIX",
    "Committer",
    "Figures",
    "Maker",
    "Tracker",
    "atomic_write",
    "commit_temporary",
    "create_temporary",
    "deferred_commits",
    "export_brief",
    "figure_writes",
    "input_files",
    "output_path",
    "output_stem",
    "package_name",
    "planned_figures",
    "refuse_inputs",
    "rename_temporary",
    "sync_temporary",
    "write_figures",
    "write_planned",
]

Figures: TypeAlias = dict[Path, tuple[str, bytes]]
"""Figure copies to write (their targets do not hold their bytes yet): each target with the
figure's ``href`` and bytes."""


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
