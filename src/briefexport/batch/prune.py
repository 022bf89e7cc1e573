"""Outputs of briefs that no longer exist: found from the manifest, and removed with
``--prune``, never anything outside the output folder, never a file another output still uses:
by its name (a figure two briefs of one folder share), or as the same file under an alike name
(:mod:`briefexport.shared.filenames`), as on a case-insensitive disk ``brief.html`` of a brief
renamed ``Brief.xml`` is the new ``Brief.html``, and ``figures/map.png`` another brief's
``Figures/map.png``. The files kept for the second reason are reported (:func:`left_in_place`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..shared.filenames import folded
from ..shared.paths import inside
from .manifest import Manifest
from .plan import Plan

SHARED, ALIKE = "shared", "alike"
"""How another output uses a file of an orphaned one: by its very name, or under an alike one."""


@dataclass
class Pruned:
    """What a prune did: the files removed, the orphaned outputs kept because a file of theirs
    could not be removed (their records stay, so the next run tries again), and why."""

    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    """Files of orphaned outputs that are a live output's too (:func:`left_in_place`)."""


def orphaned_outputs(manifest: Manifest, plan: Plan, collection: Path) -> list[str]:
    """Recorded outputs whose brief is gone: neither a brief of this run nor any file of the
    collection (a Markdown brief left out of a run without ``--import`` is not gone), and not
    about to be replaced by a brief of this run (``a.md`` that became ``a.xml``)."""
    live = {job.relative for job in plan.jobs} | set(plan.up_to_date)
    gone = {
        source for source in manifest.sources() - live if not os.path.lexists(collection / source)
    }
    replaced = set(plan.outputs(manifest))
    return sorted(set(manifest.outputs_of(gone)) - replaced)


def prune(manifest: Manifest, orphans: list[str]) -> Pruned:
    """Remove the files of the orphaned outputs that no other output uses, and forget the
    outputs whose files are all gone."""
    in_use = _users(manifest, set(orphans))
    pruned = Pruned(left=left_in_place(manifest, orphans))
    for key in orphans:
        outcomes = {
            name: _remove(manifest.output_dir, name)
            for name in manifest.records[key].files
            if not in_use(name)
        }
        pruned.removed += [name for name, outcome in outcomes.items() if outcome is None]
        problems = [outcome for outcome in outcomes.values() if outcome and outcome != GONE]
        if problems:
            pruned.kept.append(key)
            pruned.problems += problems
    manifest.forget(key for key in orphans if key not in pruned.kept)
    pruned.removed = sorted(set(pruned.removed))
    return pruned


def left_in_place(manifest: Manifest, orphans: list[str], planned: Iterable[str] = ()) -> list[str]:
    """The files of the orphaned outputs (an output's own, or a figure copied beside it) that
    are a live output's file too, under an alike name: pruning forgets their outputs and leaves
    these files. ``planned``: the outputs a dry run would make, which have no record yet."""
    used = _users(manifest, set(orphans), planned)
    files = (name for key in orphans for name in manifest.records[key].files)
    return list(dict.fromkeys(name for name in files if used(name) == ALIKE))


def _users(
    manifest: Manifest, doomed: set[str], planned: Iterable[str] = ()
) -> Callable[[str], str | None]:
    """How an output other than the ``doomed`` ones still uses a file: :data:`SHARED` by its
    name, :data:`ALIKE` as the same file under an alike name (on a disk that tells such names
    apart no better), or None."""
    names = {
        name
        for key, record in manifest.records.items()
        if key not in doomed
        for name in record.files
    } | set(planned)
    alike: dict[str, list[str]] = {}
    for name in names:
        alike.setdefault(folded(name), []).append(name)

    def user(name: str) -> str | None:
        if name in names:
            return SHARED
        others = alike.get(folded(name), [])
        return ALIKE if any(_same_file(manifest.output_dir, name, o) for o in others) else None

    return user


def _same_file(output_dir: Path, name: str, other: str) -> bool:
    try:
        return os.path.samefile(output_dir / name, output_dir / other)
    except (OSError, ValueError):
        return False


GONE = "gone"


def _remove(output_dir: Path, name: str) -> str | None:
    """Remove ``name`` below ``output_dir`` and the folders it leaves empty; None when removed,
    :data:`GONE` when it was already gone, else a warning line. Never anything outside
    ``output_dir`` (the manifest checks its names, and this checks again)."""
    root = output_dir.resolve()
    path = inside(root, name)
    if path is None or path == root:
        return f"{output_dir / name}:1:1: warning: not removed: it lies outside the output folder"
    try:
        path.unlink()
    except FileNotFoundError:
        return GONE
    except OSError as error:
        return f"{output_dir / name}:1:1: warning: cannot remove it: {error.strerror}"
    folder = path.parent
    with contextlib.suppress(OSError):  # stops at the first folder that is not empty
        while folder != root and folder.is_relative_to(root):
            folder.rmdir()
            folder = folder.parent
    return None
