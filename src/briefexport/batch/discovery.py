"""Find the briefs of a collection and where each one's outputs go.

A collection is a folder tree. Canonical briefs are ``.xml`` files; with importing switched on,
Markdown briefs (``.md`` and the other Markdown suffixes) and text extracted from PDFs (``.txt``)
are briefs too and are imported on the way. Outputs mirror the tree: ``SRC/a/b/brief.xml`` gives
``OUT/a/b/brief.pdf``, named as ``briefexport.output.output_path`` names them. Briefs whose
outputs would replace each other's, on any disk or where alike names are one file, clash
(:mod:`.clashes`; those whose figure copies would, once the formats are known).

What briefexport itself wrote into the collection is not taken for briefs, and is reported as
skipped: a folder holding a batch manifest (the output folder of another run) is not searched,
and ``NAME.jats.xml`` beside ``NAME.xml`` (the names compared as clashes compare them) is that
brief's archival JATS (what a single-file export writes beside its brief), not a second brief
whose outputs would clash with it. The collection folder itself is searched even if it holds
a manifest, so that an earlier run's outputs (its archival JATS) can be converted on. Hidden
files and folders (a leading ``.``) and this run's output folder, when it lies inside the
collection, are never searched.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model.record import Record, record
from ..shared.filenames import folded
from ..shared.paths import same_folder
from ..shared.source_kinds import MARKDOWN_SUFFIXES
from .clashes import Clash, without_clashes
from .manifest import MANIFEST_NAME
from .sources import CANONICAL_SUFFIX, Source

ARCHIVAL_SUFFIX = ".jats.xml"
TEXT_SUFFIX = ".txt"


@record
class Skipped(Record):
    """A file or folder of the collection that briefexport wrote, left out of the run."""

    relative: str
    """Its path below the collection, with ``/`` separators (a folder's ends in ``/``)."""
    why: str


@record
class Discovery(Record):
    """What a search of the collection found, each list in path order."""

    sources: list[Source]
    clashes: list[Clash]
    refused: list[tuple[Source, str]]
    """Files named as briefs that a batch does not read, and why (a link, a FIFO)."""
    skipped: list[Skipped]
    importable: int
    """Markdown and text files left out because importing was off."""


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


def discover(collection: Path, output_dir: Path, *, import_sources: bool = False) -> Discovery:
    """Every brief below ``collection``, those whose outputs would clash, those refused, and
    what was skipped."""
    found, skipped, importable = _walk(collection, output_dir, import_sources)
    verdicts = [(source, _refusal(source.path)) for source in found]
    refused = [(source, why) for source, why in verdicts if why is not None]
    readable = [source for source, why in verdicts if why is None]
    for source in readable:
        why = _not_a_brief(source)
        if why is not None:
            skipped.append(Skipped(source.relative, why))
    left_out = {item.relative for item in skipped}
    briefs = [source for source in readable if source.relative not in left_out]
    sources, clashes = without_clashes(briefs)
    skipped.sort(key=lambda item: item.relative)
    return Discovery(sources, clashes, refused, skipped, importable)


def _walk(
    collection: Path, output_dir: Path, import_sources: bool
) -> tuple[list[Source], list[Skipped], int]:
    """The files named as briefs, what briefexport wrote, and how many files only
    ``--import`` would take."""
    found: list[Source] = []
    skipped: list[Skipped] = []
    importable = 0
    for folder, subfolders, files in os.walk(collection):
        here = Path(folder)
        subfolders[:] = _searched(collection, here, subfolders, output_dir, skipped)
        archival_names = {
            folded(name[:-4] + ARCHIVAL_SUFFIX): name
            for name in files
            if name.lower().endswith(CANONICAL_SUFFIX)
        }
        for name in sorted(name for name in files if not name.startswith(".")):
            relative = (here / name).relative_to(collection).as_posix()
            brief = _brief_of_archival(name, archival_names)
            kind = source_kind(here / name, import_sources)
            if brief is not None:
                skipped.append(Skipped(relative, f"the archival JATS of {brief}"))
            elif kind is not None:
                found.append(Source(here / name, relative, kind))
            else:
                importable += source_kind(here / name, True) is not None and not _project_file(name)
    return found, skipped, importable


PROJECT_FILES = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "history", "notice"}
    | {"authors", "contributing"}
)
"""Names (without suffix, in any case) of the files a folder of documents often carries beside
them; as Markdown or text they are not briefs."""


def _project_file(name: str) -> bool:
    return Path(name).stem.casefold() in PROJECT_FILES


def _not_a_brief(source: Source) -> str | None:
    """Why a file that ``--import`` would take is not a brief, or None."""
    if source.kind == "xml":
        return None
    if _project_file(source.relative):
        return "a README, licence or similar file, not a brief"
    if source.kind == "markdown" and not _opens_a_brief(source):
        return "Markdown without front matter (a README?), not a brief"
    return None


def _opens_a_brief(source: Source) -> bool:
    """Whether a Markdown file starts with the front matter that every Markdown brief has."""
    try:
        with source.path.open("rb") as stream:
            return stream.read(8).removeprefix(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:  # the import reports it
        return True


def _refusal(path: Path) -> str | None:
    """Why a batch does not read this brief file, or None. A linked brief would read its
    figures beside its target, perhaps outside the collection, and write them beside the
    link, where another brief's figures of the same name go."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return f"cannot read: {error.strerror}"
    if stat.S_ISLNK(mode):
        return "a symbolic link: a batch converts only regular files (copy the brief instead)"
    return None if stat.S_ISREG(mode) else "not a regular file"


def _searched(
    collection: Path, here: Path, subfolders: list[str], output_dir: Path, skipped: list[Skipped]
) -> list[str]:
    """The subfolders of ``here`` to search, in name order; linked folders and output folders
    are noted in ``skipped`` (this run's is left out silently)."""
    kept = []
    for name in sorted(subfolders):
        folder = here / name
        if name.startswith(".") or same_folder(folder, output_dir):
            continue
        relative = folder.relative_to(collection).as_posix() + "/"
        if folder.is_symlink():
            skipped.append(Skipped(relative, "a linked folder, not followed"))
        elif (folder / MANIFEST_NAME).is_file():
            skipped.append(Skipped(relative, "the output folder of another batch run"))
        else:
            kept.append(name)
    return kept


def _brief_of_archival(name: str, archival_names: dict[str, str]) -> str | None:
    """For ``NAME.jats.xml`` beside ``NAME.xml`` (each ``.xml`` in any case, as
    ``output_stem`` takes it, and the names compared :func:`folded`), the latter's name;
    otherwise None. ``archival_names`` maps the folded name of the archival JATS of each
    ``.xml`` file of the folder (the name the export beside it writes) to the file's name."""
    if not name.lower().endswith(ARCHIVAL_SUFFIX):
        return None
    return archival_names.get(folded(name))
