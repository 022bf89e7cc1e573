"""Briefs whose outputs would replace each other's, on every disk or on those where alike names
are one file (macOS, Windows, SMB shares; :mod:`briefexport.shared.filenames` says which names
are alike). Each clash is an error for one brief; the other is converted.

- Two briefs whose outputs have alike paths clash (``a.xml`` beside ``a.md``, ``Brief.xml``
  beside ``brief.xml``, ``notes /a.xml`` beside ``notes/a.xml``), whatever the formats. The
  canonical ``.xml`` wins over an imported brief, then the first in code-point order
  (``Brief.xml``: capitals first).
- In a run that copies figures beside its outputs (JATS, Markdown), so do two briefs whose
  figure copies would take paths below the output folder that are alike but spelled otherwise:
  ``Chart.png`` of one brief and ``chart.png`` of another in one folder, or ``map.png`` of
  ``Reports/a.xml`` and of ``reports/b.xml``. Where the names are one file one copy would
  replace the other. Copies spelled alike are one file everywhere, read from one file of the
  collection, and do not clash; nor do alike folders whose briefs' outputs and copies all differ
  (a run to PDF only). The brief first in code-point order wins; the other's error is at the
  figure.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.record import Record, record
from ..shared.filenames import alike_where, folded
from .figure_copies import FigureCopy
from .sources import Source


@record
class Clash(Record):
    """A brief whose outputs would replace those of another (``a.xml`` beside ``a.md``)."""

    source: Source
    kept: Source
    copies: tuple[FigureCopy, FigureCopy] | None = None
    """For a clash of figure copies: the source's copy, and the kept brief's."""

    @property
    def position(self) -> tuple[int, int]:
        """Line and column of the source its error line points at: its figure, or its start."""
        return (self.copies[0].line, self.copies[0].column) if self.copies else (1, 1)

    @property
    def reason(self) -> str:
        """Why the source is not converted, and what to do, as its error line says it."""
        if self.copies is not None:
            mine, theirs = self.copies
            return (
                f"figure path {mine.href!r} would be copied to {mine.path} in the output folder,"
                f" the copy of {theirs.path} of {self.kept.relative} (line {theirs.line})"
                f" {alike_where(mine.path, theirs.path)}; rename one of the two files"
            )
        name, kept = self.source.output_name, self.kept.output_name
        where = f" {alike_where(name, kept)}" if name != kept else ""
        return f"its outputs would replace those of {self.kept.relative}{where}; rename one of them"


def without_clashes(found: list[Source]) -> tuple[list[Source], list[Clash]]:
    """The briefs to convert, in path order, and the clashes of the others by their outputs'
    names."""
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


def without_figure_clashes(
    found: list[Source], copies_of: Callable[[Source], list[FigureCopy]]
) -> tuple[list[Source], list[Clash]]:
    """``found`` (in path order) without the briefs with a figure copy alike to, but spelled
    otherwise than, a copy of an earlier brief; ``copies_of`` gives a brief's copies."""
    owners: dict[str, tuple[FigureCopy, Source]] = {}
    kept: list[Source] = []
    clashes: list[Clash] = []
    for source in found:
        copies = copies_of(source)
        clash = _figure_clash(source, copies, owners)
        if clash is not None:
            clashes.append(clash)
            continue
        for copy in copies:
            owners.setdefault(folded(copy.path), (copy, source))
        kept.append(source)
    return kept, clashes


def _figure_clash(
    source: Source, copies: list[FigureCopy], owners: dict[str, tuple[FigureCopy, Source]]
) -> Clash | None:
    for copy in copies:  # owners holds earlier briefs' copies alone
        found = owners.get(folded(copy.path))
        if found is not None and found[0].path != copy.path:
            return Clash(source, found[1], (copy, found[0]))
    return None
