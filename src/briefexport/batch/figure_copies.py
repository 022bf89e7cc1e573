"""The figure copies a brief's JATS and Markdown outputs take below the output folder, read
before any brief is converted: workers convert briefs apart, so only the run as a whole can see
that two briefs' copies would land on alike paths (:mod:`.clashes`).

A canonical brief is parsed for its ``graphic`` elements only (no schema, no image read); a
Markdown brief is imported, as its worker will import it again. A brief that cannot be read, and
a figure path the reader refuses (absolute, with ``..``, with a backslash), give no copy here:
the brief's worker reports the problem where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import BriefexportError
from ..resources import check_relative_href
from ..shared.locate import Locator
from .sources import Source

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@dataclass(frozen=True, slots=True)
class FigureCopy:
    """One figure copy of a brief: its path below the output folder (``/``-separated, as the
    brief spells it), the figure path as written, and where the brief names it."""

    path: str
    href: str
    line: int
    column: int


def figure_copies(source: Source, series: str | None) -> list[FigureCopy]:
    """The figure copies of ``source``'s JATS and Markdown outputs, in document order."""
    try:
        named = _xml_figures(source) if source.kind == "xml" else _imported_figures(source, series)
    except (BriefexportError, OSError, RecursionError):
        return []
    return [
        FigureCopy(str(PurePosixPath(source.folder, href)), href, line, column)
        for href, line, column in named
        if not check_relative_href(href)
    ]


def _xml_figures(source: Source) -> list[tuple[str, int, int]]:
    from ..reader.parse import RejectedError, parse_untrusted, read_limited

    name = str(source.path)
    try:
        data = read_limited(source.path, name)
        root = parse_untrusted(data, name).getroot()
    except RejectedError:
        return []
    graphics = list(root.iter("graphic"))
    if not graphics:
        return []  # most briefs have none: no locator to build
    at = Locator(name, data)
    return [(graphic.get(XLINK_HREF, "").strip(), *at.position(graphic)) for graphic in graphics]


def _imported_figures(source: Source, series: str | None) -> list[tuple[str, int, int]]:
    if source.kind != "markdown":
        return []  # text extracted from a PDF holds no figures
    from ..importers import import_source

    found = []
    for figure in import_source(source.path, source.kind, series).brief.figures:
        where = figure.image.source or figure.source
        line, column = (where.line, where.column) if where is not None else (1, 1)
        found.append((figure.image.href, line, column))
    return found
