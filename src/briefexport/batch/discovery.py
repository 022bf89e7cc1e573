"""Find the briefs of a collection and where each one's outputs go.

A collection is a folder tree. Canonical briefs are ``.xml`` files; with importing switched on,
Markdown briefs (``.md`` and the other Markdown suffixes) and text extracted from PDFs (``.txt``)
are briefs too and are imported on the way. Outputs mirror the tree: ``SRC/a/b/brief.xml`` gives
``OUT/a/b/brief.pdf``, named as ``briefexport.output.output_path`` names them. Two briefs whose
outputs would have the same path clash, and so do two whose output paths differ only in case or
in Unicode normalization (``Brief.xml`` and ``brief.xml``): on macOS, Windows and many network
shares they are one file.

What briefexport itself wrote into the collection is not taken for briefs, and is reported as
skipped: a folder holding a batch manifest (the output folder of another run) is not searched,
and ``NAME.jats.xml`` beside ``NAME.xml`` (``NAME`` compared as clashes compare it) is that
brief's archival JATS (what a single-file export writes beside its brief), not a second brief
whose outputs would clash with it. The collection folder itself is searched even if it holds
a manifest, so that an earlier run's outputs (its archival JATS) can be converted on. Hidden
files and folders (a leading ``.``) and this run's output folder, when it lies inside the
collection, are never searched.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..importers import MARKDOWN_SUFFIXES
from ..output import output_stem
from ..shared.paths import same_folder
from .manifest import MANIFEST_NAME

CANONICAL_SUFFIX = ".xml"
ARCHIVAL_SUFFIX = ".jats.xml"
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

    @property
    def only_alike(self) -> bool:
        """Whether the two outputs' names differ, though only in case or normalization."""
        return _output_name(self.source) != _output_name(self.kept)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder of the collection that briefexport wrote, left out of the run."""

    relative: str
    """Its path below the collection, with ``/`` separators (a folder's ends in ``/``)."""
    why: str


@dataclass(frozen=True, slots=True)
class Discovery:
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
    sources, clashes = _without_clashes(briefs)
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
        xml_stems = {
            folded(name[:-4]): name for name in files if name.lower().endswith(CANONICAL_SUFFIX)
        }
        for name in sorted(name for name in files if not name.startswith(".")):
            relative = (here / name).relative_to(collection).as_posix()
            brief = _brief_of_archival(name, xml_stems)
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


def _brief_of_archival(name: str, xml_stems: dict[str, str]) -> str | None:
    """For ``NAME.jats.xml`` beside ``NAME.xml`` (each ``.xml`` in any case, as
    ``output_stem`` takes it, and ``NAME`` compared :func:`folded`), the latter's name;
    otherwise None. ``xml_stems`` maps the folded name of each ``.xml`` file of the folder
    without that suffix to the name."""
    if not name.lower().endswith(ARCHIVAL_SUFFIX):
        return None
    return xml_stems.get(folded(name[: -len(ARCHIVAL_SUFFIX)]))


def folded(name: str) -> str:
    """``name`` as a case-insensitive, normalizing file system (macOS, Windows, many network
    shares) tells names apart: Unicode NFC, then each letter as its capital and that capital's
    small letter, wherever each is a single letter (close to Unicode's simple case folding:
    final and medial sigma are one, so are ``ẞ`` and ``ß``, while ``Straße`` and ``Strasse``
    stay two names), NFC again."""
    composed = unicodedata.normalize("NFC", name)
    return unicodedata.normalize("NFC", "".join(_small(_capital(letter)) for letter in composed))


def _capital(letter: str) -> str:
    upper = letter.upper()
    return upper if len(upper) == 1 else letter


def _small(letter: str) -> str:
    lower = letter.lower()
    return lower if len(lower) == 1 else letter


def _without_clashes(found: list[Source]) -> tuple[list[Source], list[Clash]]:
    """Canonical briefs win over imported ones of the same name, then the first in path order
    (by code point: ``Brief.xml`` before ``brief.xml``). Names are the same when they are
    :func:`folded` alike, so that no output replaces another on any file system."""
    ordered = sorted(found, key=lambda source: (source.kind != "xml", source.relative))
    owners: dict[tuple[str, ...], Source] = {}
    kept: list[Source] = []
    clashes: list[Clash] = []
    for source in ordered:
        key = tuple(folded(part) for part in _output_name(source))
        if key in owners:
            clashes.append(Clash(source, owners[key]))
            continue
        owners[key] = source
        kept.append(source)
    kept.sort(key=lambda source: source.relative)
    return kept, clashes


def _stem(source: Source) -> str:
    return output_stem(str(source.canonical_name))


def _output_name(source: Source) -> tuple[str, str]:
    """The folder and the name (without suffix) of a brief's outputs."""
    return str(PurePosixPath(source.relative).parent), _stem(source)
