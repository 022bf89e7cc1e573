"""The figure copies one run writes beside its JATS and Markdown outputs, so that two briefs
exported to one folder cannot replace each other's: a brief may not copy a different file to a
path another brief's copy took, nor any file to a path alike to it but spelled otherwise
(``Chart.png`` after ``chart.png``: one file on macOS and Windows, :mod:`.filenames`). Only
copies into one folder that are written are compared: briefs exported beside themselves find
their figures in place, and two files that already lie side by side are not made one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import Diagnostic, FigureClashError, shown_name
from ..model import Brief, Figure
from .filenames import alike_where, folded


@dataclass(frozen=True, slots=True)
class _Claim:
    href: str
    data: bytes
    brief: str
    line: int


class FigureClaims:
    """The figure copies written so far in one run, by output folder and path."""

    def __init__(self) -> None:
        self._exact: dict[Path, _Claim] = {}
        self._alike: dict[tuple[Path, str], _Claim] = {}

    def check(self, brief: Brief, folder: Path, writes: Callable[[Path, bytes], bool]) -> None:
        """Raise :class:`FigureClashError`, at the figure's ``graphic``, when a figure of
        ``brief`` copied into ``folder`` would replace, or be one file with, an earlier brief's.
        ``writes`` says whether a copy must be written (the target does not hold its bytes)."""
        for figure in brief.figures:
            if not writes((folder / figure.image.href).resolve(), figure.image.data):
                continue
            problem = self._problem(figure, folder)
            if problem is not None:
                raise FigureClashError(_at_graphic(brief, figure, problem))

    def record(self, brief: Brief, folder: Path) -> None:
        """Note the figure copies of ``brief`` in ``folder`` as written."""
        for figure in brief.figures:
            href = _spelled(figure)
            claim = _Claim(href, figure.image.data, _name(brief), _position(figure)[0])
            self._exact.setdefault((folder / href).resolve(), claim)
            self._alike.setdefault((folder.resolve(), folded(href)), claim)

    def _problem(self, figure: Figure, folder: Path) -> str | None:
        href, data = _spelled(figure), figure.image.data
        target = shown_name(str(folder / figure.image.href))
        earlier = self._exact.get((folder / href).resolve())
        if earlier is not None and earlier.data != data:
            return (
                f"figure {figure.image.href!r} would be copied to {target}, where"
                f" {earlier.brief} (line {earlier.line}) copies a different file; rename one"
                " of the two files, or export the briefs to different folders"
            )
        earlier = self._alike.get((folder.resolve(), folded(href)))
        if earlier is not None and earlier.href != href:
            return (
                f"figure path {figure.image.href!r} would be copied to {target}, the copy of"
                f" {earlier.href!r} of {earlier.brief} (line {earlier.line})"
                f" {alike_where(href, earlier.href)}; rename one of the two files, or export"
                " the briefs to different folders"
            )
        return None


def _spelled(figure: Figure) -> str:
    """The figure's path as the copy takes it (``./`` and doubled ``/`` dropped)."""
    return PurePosixPath(figure.image.href).as_posix()


def _name(brief: Brief) -> str:
    return shown_name(str(brief.origin)) if brief.origin is not None else "another brief"


def _position(figure: Figure) -> tuple[int, int]:
    """Where the figure's ``graphic`` (or, failing that, the figure) starts; 1:1 if unknown."""
    where = figure.image.source or figure.source
    return (where.line, where.column) if where is not None else (1, 1)


def _at_graphic(brief: Brief, figure: Figure, message: str) -> Diagnostic:
    line, column = _position(figure)
    return Diagnostic(str(brief.origin) if brief.origin else "brief", line, column, message)
