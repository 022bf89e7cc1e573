"""Whether an output is up to date: made by this run's settings from the very bytes of its
brief and figures, as the manifest (:mod:`.manifest`) records, and still in place.

Of the run's options and of the style folder's files, only those that change a format's bytes
count for its outputs (:data:`OPTIONS_OF`, :data:`STYLE_FILES_OF`): a new paper size rebuilds
the PDFs, an edited ``html.css`` the HTML pages, neither the archival JATS. Tests export every
format with each other option or style file changed and check that its bytes stay the same.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InvalidBriefError
from ..resources import MAX_IMAGE_BYTES
from . import stylelinks
from .digests import brief_bytes, brief_digest, bytes_digest, combined_digest, file_digest
from .manifest import Manifest, Settings
from .sources import Source
from .watch import TEMPLATE

OPTIONS_OF: dict[str, frozenset[str]] = {
    "pdf": frozenset({"pdf_standard", "pdf_engine", "paper", "typography", "timestamp", "series"}),
    "epub": frozenset({"typography", "timestamp", "series"}),
    "docx": frozenset({"reference_docx", "typography", "timestamp", "series"}),
    "jats": frozenset({"series"}),
    "html": frozenset({"typography", "timestamp", "pdf_url", "series"}),
    "markdown": frozenset({"series"}),
}
"""The options that change each format's outputs (``series`` names the series of imported
briefs that give none, so it counts for every format, though only for imported briefs:
:data:`IMPORT_ONLY_OPTIONS`). A format not listed here, such as a deposit package holding every
rendition, counts them all."""


STYLE_FILES_OF: dict[str, frozenset[str]] = {
    "pdf": frozenset({"pdf.css"}),
    "epub": frozenset({"common.css", "epub.css"}),
    "html": frozenset({"common.css", "html.css"}),
    "docx": frozenset({"reference.docx"}),
    "jats": frozenset(),
    "markdown": frozenset(),
}
"""The style files that count only for the formats named here. Every other file of the style
folder (the brand and label files, fonts, anything added) counts for every format, and a format
not listed here (a deposit package) counts every file."""
FORMAT_STYLE_FILES = frozenset().union(*STYLE_FILES_OF.values())


def style_links(style_dir: Path, files: dict[str, str]) -> dict[str, frozenset[str]]:
    """For each file of the style folder, the format style files it imports or links (an
    ``@import "epub.css"`` in ``html.css``, or in a sheet of the house's own that ``html.css``
    imports, makes the HTML read ``epub.css`` too): :mod:`.stylelinks` says what counts. Files
    outside the folder (fonts the brand names) import nothing."""
    return stylelinks.style_links(style_dir, files, FORMAT_STYLE_FILES)


COVER_NAMES = frozenset({"cover.png", "cover.jpg"})
"""The style folder's own cover picture, by the names :mod:`briefexport.writers.epub.cover`
looks for."""


def style_digest(settings: Settings, fmt: str) -> str:
    """The SHA-256 of the style files that count for ``fmt``'s outputs: every file but other
    formats' own, unless a sheet it reads names them."""
    read = _style_files_read(settings, fmt)
    return combined_digest(
        {name: digest for name, digest in settings.style_files.items() if name in read}
    )


def style_digests(settings: Settings) -> Callable[[str], str]:
    """:func:`style_digest` of ``settings``, for each format computed once."""
    return functools.cache(functools.partial(style_digest, settings))


def _style_files_read(settings: Settings, fmt: str) -> set[str]:
    """The names of the style files ``fmt``'s outputs are made with (:func:`style_digest`).
    The folder's own cover picture is read for the EPUB only, and the packages that hold an
    EPUB (formats not in :data:`STYLE_FILES_OF` count every file)."""
    skipped = set(FORMAT_STYLE_FILES)
    if fmt != "epub" and fmt in STYLE_FILES_OF:
        skipped |= COVER_NAMES
    shared = {name for name in settings.style_files if name not in skipped}
    read = set(STYLE_FILES_OF.get(fmt, FORMAT_STYLE_FILES)) | shared
    waiting = list(read)
    while waiting:
        for linked in settings.style_links.get(waiting.pop(), frozenset()) - read:
            read.add(linked)
            waiting.append(linked)
    return read


def counted_by_run(settings: Settings, formats: Iterable[str]) -> Callable[[str], bool]:
    """Whether a file of the style (as :mod:`.watch` names them, a file added since the start
    too) counts for any of ``formats``' outputs: another format's own stylesheet does not,
    nor the Word template but for formats it changes."""
    read = set().union(*(_style_files_read(settings, fmt) for fmt in formats))
    template = any("reference_docx" in OPTIONS_OF.get(fmt, {"reference_docx"}) for fmt in formats)
    covers = any(fmt == "epub" or fmt not in STYLE_FILES_OF for fmt in formats)

    def counts(name: str) -> bool:
        if name == TEMPLATE:
            return template
        if name in COVER_NAMES:  # one added since the start is in no format's files yet
            return covers or name in read
        return name not in FORMAT_STYLE_FILES or name in read

    return counts


IMPORT_ONLY_OPTIONS = frozenset({"series"})
"""Options read only when a brief is imported (Markdown, text), never for canonical XML."""
OPTION_FLAGS = {
    "pdf_standard": "--pdf-standard",
    "pdf_engine": "--pdf-engine",
    "paper": "--paper",
    "reference_docx": "--reference-docx",
    "series": "--series",
    "timestamp": "SOURCE_DATE_EPOCH",
    "typography": "--no-smart",
    "pdf_url": "--pdf-url",
}
"""How a reason names each option the manifest records: as the command line sets it."""


class FreshnessCheck:
    """Decides which outputs of a brief are up to date, reading and hashing each file once per
    run."""

    def __init__(self, manifest: Manifest, settings: Settings) -> None:
        self.manifest = manifest
        self.settings = settings
        self._digests: dict[Path, str | None] = {}
        self._style = style_digests(settings)
        self._recorded = manifest.sources()

    def brief_bytes(self, source: Source) -> bytes | None:
        """The brief's bytes, for a look before the check (:mod:`.figure_copies`); None when
        :meth:`digest` gives None. The digest of a brief the manifest records is taken from
        them, so that the check reads the brief no more."""
        try:
            data: bytes | None = brief_bytes(source.path, source.kind)
        except OSError:
            data = None
        if source.relative in self._recorded:
            self._digests[source.path] = None if data is None else bytes_digest(data)
        return data

    def digest(self, path: Path, kind: str | None = None) -> str | None:
        """SHA-256 of a brief of ``kind`` or (None) of a figure, None when it cannot be read or
        is larger than the reader takes (left unread: no record holds such a file)."""
        if path not in self._digests:
            try:
                found = brief_digest(path, kind) if kind else file_digest(path, MAX_IMAGE_BYTES)
            except (OSError, InvalidBriefError):
                found = None
            self._digests[path] = found
        return self._digests[path]

    def _counted(self, source: Source, fmt: str) -> frozenset[str]:
        """The options that count for ``source``'s outputs in ``fmt``."""
        counted = OPTIONS_OF.get(fmt, frozenset(self.settings.options))
        return counted - IMPORT_ONLY_OPTIONS if source.kind == "xml" else counted

    def why_stale(self, source: Source, fmt: str, output: Path) -> str | None:
        """Why ``output`` must be made again (the first reason found), or None if it is up to
        date."""
        record = self.manifest.records.get(self.manifest.relative(output))
        if record is None or (record.source, record.format) != (source.relative, fmt):
            return "new"
        if record.version != self.settings.version:
            return f"made by briefexport {record.version}"
        if record.style != self._style(fmt):
            return "style changed"
        changed = self._changed_options(record.options, self._counted(source, fmt))
        if changed:
            return "options changed: " + ", ".join(changed)
        if record.brief != self.digest(source.path, source.kind):
            return "brief changed"
        folder = source.path.parent
        for href, sha in record.figures.items():
            if self.digest(folder / href) != sha:
                return f"figure changed: {href}"
        if not all(os.path.isfile(self.manifest.output_dir / name) for name in record.files):
            return "output missing"
        return None

    def _changed_options(
        self, recorded: dict[str, str | None], counted: frozenset[str]
    ) -> list[str]:
        """The counted options whose value changed, as the command line names them."""
        now = self.settings.options
        return sorted(
            OPTION_FLAGS.get(name, name)
            for name in counted & (recorded.keys() | now.keys())
            if recorded.get(name) != now.get(name)
        )
