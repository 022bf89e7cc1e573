"""The figure copies a brief's JATS and Markdown outputs take below the output folder, read
before any brief is converted: workers convert briefs apart, so only the run as a whole can see
that two briefs' copies would land on alike paths (:mod:`.clashes`).

Most collections have no such clash, so the run first looks cheaply
(:func:`copies_of_suspects`): each brief's bytes are searched for a superset of its figure
paths, parsing nothing (a canonical brief's ``graphic`` ``href`` values; a Markdown brief's
link and image targets, percent-decoded as its importer decodes them). Only the briefs with a
path alike to, but spelled otherwise than, another brief's are then read as their worker will
read them: a canonical brief is parsed for its ``graphic`` elements (no schema, no image read),
a Markdown brief imported. A brief that cannot be read, and a figure path the reader refuses
(absolute, with ``..``, with a backslash), give no copy here: the brief's worker reports the
problem where it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from urllib.parse import unquote

from ..errors import BriefexportError
from ..model.record import Record, record
from ..resources import check_relative_href
from ..rules.links import trimmed_href
from ..shared.filenames import folded
from ..shared.xmlnames import XLINK_HREF
from .digests import brief_bytes
from .sources import Source

GRAPHIC_HREFS = re.compile(
    rb"""<(?:[\w.-]+:)?graphic\b(?:[^>"']|"[^"]*"|'[^']*')*?\bhref\s*=\s*(["'])(.*?)\1""", re.S
)
"""The ``href`` of a ``graphic`` start tag, found in the bytes: it may also find one in a comment
(a superset is what the first look needs)."""
MARKDOWN_TARGETS = re.compile(rb"\]\(\s*<?([^)\s>]+)")
"""The target of every inline link or image of a Markdown brief (images among them)."""
MARKDOWN_DEFINITION = re.compile(rb"^ {0,3}\[[^\]]+\]:", re.M)
"""A link reference definition: an image may take its path from one."""
BriefBytes = Callable[[Source], bytes | None]
"""A brief's bytes, None when they cannot be read or are more than the reader takes."""
UNSURE_PATH = "\n"
"""Stands, among likely paths, for a value the first look cannot read: alike to every other."""


@record
class FigureCopy(Record):
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


def copies_of_suspects(
    sources: Iterable[Source], series: str | None, read: BriefBytes | None = None
) -> Callable[[Source], list[FigureCopy]]:
    """A brief's figure copies as :func:`figure_copies` gives them, for the briefs whose copies
    may clash with another's; none for the others, which cannot. ``read`` gives a brief's bytes
    for the first look (:meth:`.freshness.FreshnessCheck.brief_bytes` keeps their digest)."""
    read = read or bytes_of
    suspects = _suspects({source: _likely_paths(source, read(source)) for source in sources})

    def copies_of(source: Source) -> list[FigureCopy]:
        return figure_copies(source, series) if source in suspects else []

    return copies_of


def _suspects(likely: dict[Source, list[str]]) -> set[Source]:
    """The briefs with a likely path alike to, but spelled otherwise than, another's; all with a
    path when one of them is unsure."""
    if any(UNSURE_PATH in paths for paths in likely.values()):
        return {source for source, paths in likely.items() if paths}
    spellings: dict[str, set[str]] = {}
    holders: dict[str, set[Source]] = {}
    for source, paths in likely.items():
        for path in paths:
            spellings.setdefault(folded(path), set()).add(path)
            holders.setdefault(folded(path), set()).add(source)
    return {s for key, found in holders.items() if len(spellings[key]) > 1 for s in found}


def _likely_paths(source: Source, data: bytes | None) -> list[str]:
    """Paths below the output folder that the figure copies of ``source`` (whose bytes are
    ``data``) may take, a superset: a value the bytes cannot tell exactly (a character
    reference, an escape, a Markdown image whose path is defined elsewhere) is
    :data:`UNSURE_PATH`."""
    data = data or b""
    if source.kind == "xml":
        values = _graphic_hrefs(data)
    elif source.kind == "markdown" and b"![" in data:
        values = [match.group(1) for match in MARKDOWN_TARGETS.finditer(data)]
        values += [b"&"] if MARKDOWN_DEFINITION.search(data) else []
    else:
        return []
    found = []
    for value in (trimmed_href(raw.decode("utf-8", "replace")) for raw in values):
        unsure = "&" in value or "\\" in value
        found.append(UNSURE_PATH if unsure else str(PurePosixPath(source.folder, unquote(value))))
    return found


def _graphic_hrefs(data: bytes) -> list[bytes]:
    """The values :data:`GRAPHIC_HREFS` finds in ``data``. Bytes that hold no ``graphic`` at
    all (most briefs) are not searched with the pattern, which tries every tag: a search for the
    word alone takes about a quarter of the time."""
    if b"graphic" not in data:
        return []
    return [match.group(2) for match in GRAPHIC_HREFS.finditer(data)]


def bytes_of(source: Source) -> bytes | None:
    """The brief's bytes, read without the reader (whose imports the run's own process does
    without); None when they cannot be read or are more than the reader takes."""
    try:
        return brief_bytes(source.path, source.kind)
    except OSError:
        return None


def _xml_figures(source: Source) -> list[tuple[str, int, int]]:
    from ..reader.parse import RejectedError, parse_untrusted, read_limited
    from ..shared.locate import Locator

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
    return [
        (trimmed_href(graphic.get(XLINK_HREF, "")), *at.position(graphic)) for graphic in graphics
    ]


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
