"""Briefs whose outputs would replace each other's, on every disk or on those where alike names
are one file (macOS, Windows, SMB shares; :mod:`briefexport.shared.filenames` says which names
are alike). Each clash is an error for one brief; the other is converted.

- Two briefs whose outputs have alike paths clash (``a.xml`` beside ``a.md``, ``Brief.xml``
  beside ``brief.xml``, ``notes /a.xml`` beside ``notes/a.xml``). The canonical ``.xml`` wins
  over an imported brief, then the first in code-point order (``Brief.xml``: capitals first).
- So do two briefs in folders that are alike but not equal (``Reports/a.xml`` and
  ``reports/b.xml``, or ``reports/2026/c.xml``): where the folders are one, the figures copied
  beside JATS and Markdown outputs (``figures/map.png`` of each) would replace each other, and
  the outputs would no longer mirror the collection. Folders are compared, not figures: that
  needs no brief read, and the verdict does not change with the formats or with a brief's
  figures. The brief in the folder first in code-point order wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..shared.filenames import alike_where, folded
from .sources import Source


@dataclass(frozen=True, slots=True)
class Clash:
    """A brief whose outputs would replace those of another (``a.xml`` beside ``a.md``)."""

    source: Source
    kept: Source
    folders: tuple[str, str] | None = None
    """For briefs in alike folders: the source's folder and the kept brief's, as spelled."""

    @property
    def reason(self) -> str:
        """Why the source is not converted, and what to do, as its error line says it."""
        if self.folders is not None:
            mine, theirs = self.folders
            return (
                f"its folder {mine}/ is the folder {theirs}/ of {self.kept.relative}"
                f" {alike_where(mine, theirs)}: the figures copied beside their outputs could"
                " replace each other; rename one of the folders"
            )
        mine, theirs = self.source.output_name, self.kept.output_name
        where = f" {alike_where(mine, theirs)}" if mine != theirs else ""
        return f"its outputs would replace those of {self.kept.relative}{where}; rename one of them"


def without_clashes(found: list[Source]) -> tuple[list[Source], list[Clash]]:
    """The briefs to convert, in path order, and the clashes of the others."""
    named, clashes = _without_name_clashes(found)
    kept, in_folders = _without_folder_clashes(named)
    return kept, clashes + in_folders


def _without_name_clashes(found: list[Source]) -> tuple[list[Source], list[Clash]]:
    ordered = sorted(found, key=lambda source: (source.kind != "xml", source.relative))
    owners: dict[str, Source] = {}
    kept: list[Source] = []
    clashes: list[Clash] = []
    for source in ordered:
        owner = owners.setdefault(folded(source.output_name), source)
        if owner is source:
            kept.append(source)
        else:
            clashes.append(Clash(source, owner))
    kept.sort(key=lambda source: source.relative)
    return kept, clashes


def _without_folder_clashes(found: list[Source]) -> tuple[list[Source], list[Clash]]:
    """``found`` (in path order) without the briefs whose folder, or a folder above it, is
    alike to but spelled otherwise than one of an earlier brief."""
    spellings: dict[str, tuple[str, Source]] = {}
    kept: list[Source] = []
    clashes: list[Clash] = []
    for source in found:
        clash = _folder_clash(source, spellings)
        if clash is not None:
            clashes.append(clash)
            continue
        for folder in _folders(source):
            spellings.setdefault(folded(folder), (folder, source))
        kept.append(source)
    return kept, clashes


def _folder_clash(source: Source, spellings: dict[str, tuple[str, Source]]) -> Clash | None:
    for folder in _folders(source):
        spelled, owner = spellings.get(folded(folder), (folder, source))
        if spelled != folder:
            return Clash(source, owner, (folder, spelled))
    return None


def _folders(source: Source) -> list[str]:
    """The folders a brief lies in below the collection, outermost first (``a``, ``a/b``)."""
    parts = PurePosixPath(source.relative).parent.parts
    return ["/".join(parts[:depth]) for depth in range(1, len(parts) + 1)]
