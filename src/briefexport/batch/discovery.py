"""Find the briefs of a collection and where each one's outputs go.

A collection is a folder tree. Canonical briefs are ``.xml`` files; with importing switched on,
Markdown briefs (``.md`` and the other Markdown suffixes) and text extracted from PDFs (``.txt``)
are briefs too and are imported on the way. Hidden files and folders (a leading ``.``) and the
output folder, when it lies inside the collection, are never searched. Outputs mirror the tree:
``SRC/a/b/brief.xml`` gives ``OUT/a/b/brief.pdf``, named as ``briefexport.output.output_path``
names them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..importers import MARKDOWN_SUFFIXES

CANONICAL_SUFFIX = ".xml"
TEXT_SUFFIX = ".txt"


@dataclass(frozen=True, slots=True)
class Source:
    """One brief of the collection.

    ``relative`` is its path below the collection folder, with ``/`` separators, as the manifest
    and the report name it; ``kind`` is ``"xml"``, ``"markdown"`` or ``"text"``.
    """

    path: Path
    relative: str
    kind: str

    @property
    def canonical_name(self) -> Path:
        """The name its outputs are derived from: ``notes.md`` is published as ``notes.xml``."""
        if self.kind == "xml":
            return Path(self.path.name)
        return Path(self.path.name).with_suffix(CANONICAL_SUFFIX)

    def output_folder(self, output_dir: Path) -> Path:
        """The folder of its outputs: the same place below ``output_dir``."""
        return output_dir.joinpath(*PurePosixPath(self.relative).parent.parts)


@dataclass(frozen=True, slots=True)
class Clash:
    """A brief whose outputs would replace those of another (``a.xml`` beside ``a.md``)."""

    source: Source
    kept: Source


def source_kind(path: Path, import_sources: bool) -> str | None:
    """What kind of brief the file is, or None when it is none."""
    suffix = path.suffix.lower()
    if suffix == CANONICAL_SUFFIX:
        return "xml"
    if not import_sources:
        return None
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text" if suffix == TEXT_SUFFIX else None


def discover(
    collection: Path, output_dir: Path, *, import_sources: bool = False
) -> tuple[list[Source], list[Clash]]:
    """Every brief below ``collection`` in path order, and those whose outputs would clash."""
    skipped = output_dir.resolve()
    found: list[Source] = []
    for folder, subfolders, files in os.walk(collection):
        here = Path(folder)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".") and (here / name).resolve() != skipped
        )
        for name in sorted(files):
            kind = None if name.startswith(".") else source_kind(here / name, import_sources)
            if kind is not None:
                relative = (here / name).relative_to(collection).as_posix()
                found.append(Source(here / name, relative, kind))
    return _without_clashes(found)


def _without_clashes(found: list[Source]) -> tuple[list[Source], list[Clash]]:
    """Canonical briefs win over imported ones of the same name, then the first in path order."""
    ordered = sorted(found, key=lambda source: (source.kind != "xml", source.relative))
    owners: dict[tuple[str, str], Source] = {}
    kept: list[Source] = []
    clashes: list[Clash] = []
    for source in ordered:
        key = (str(PurePosixPath(source.relative).parent), _stem(source))
        if key in owners:
            clashes.append(Clash(source, owners[key]))
            continue
        owners[key] = source
        kept.append(source)
    kept.sort(key=lambda source: source.relative)
    return kept, clashes


def _stem(source: Source) -> str:
    return str(source.canonical_name).removesuffix(CANONICAL_SUFFIX).removesuffix(".jats")
