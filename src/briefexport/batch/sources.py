"""A brief of a collection: where it is, its path below the collection, its kind, and the
names its outputs take from it (:func:`briefexport.output.output_path` names them)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..model.record import Record, record
from ..output import output_stem

CANONICAL_SUFFIX = ".xml"


@record
class Source(Record):
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

    @property
    def folder(self) -> str:
        """Its folder below the collection (``.`` for the collection itself)."""
        return str(PurePosixPath(self.relative).parent)

    @property
    def output_name(self) -> str:
        """The path below the output folder its outputs are named after, as ``NAME.xml``
        (``reports/a.xml`` for ``reports/a.md``, ``a.xml`` for the archival ``a.jats.xml``):
        two briefs' outputs are alike when these are."""
        stem = output_stem(str(self.canonical_name))
        return str(PurePosixPath(self.folder, stem + CANONICAL_SUFFIX))

    def output_folder(self, output_dir: Path) -> Path:
        """The folder of its outputs: the same place below ``output_dir``."""
        return output_dir.joinpath(*PurePosixPath(self.relative).parent.parts)
