"""The manifest of an output folder: what each output was built from, so reruns skip it.

``OUT_DIR/.briefexport-manifest.json`` holds one record per output file, keyed by the output's
path below ``OUT_DIR``: the brief it came from, the SHA-256 of the brief's bytes and of each
figure it used, one SHA-256 over the style files that count for its format, the briefexport
version and the options that change bytes (PDF standard and engine, paper, Word template,
series, ``SOURCE_DATE_EPOCH``, typography, the PDF's URL). An output is up to date when every
one of these is unchanged (of the options, those that change its format's bytes:
:mod:`.freshness`) and its files still exist.

The file is replaced atomically, and a record is added only after its output is in place, so an
interrupted run leaves a manifest that never claims an output it did not finish.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import field, fields
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ..model.record import Record, record
from ..output import atomic_write

MANIFEST_NAME = ".briefexport-manifest.json"
MANIFEST_VERSION = 1


@record
class Settings(Record):
    """What besides the brief shapes every output of a run: the version, the SHA-256 of each
    file of the style folder (by its path there), the options, and which of the style folder's
    format stylesheets name which others (an ``@import``)."""

    version: str
    style_files: dict[str, str]
    options: dict[str, str | None]
    style_links: dict[str, frozenset[str]] = field(default_factory=dict)


@record
class OutputRecord(Record):
    """How one output file was made. ``files`` are the output and the figure copies beside it."""

    source: str
    format: str
    brief: str
    figures: dict[str, str]
    version: str
    style: str
    options: dict[str, str | None]
    files: list[str] = field(default_factory=list)


RECORD_FIELDS = tuple(item.name for item in fields(OutputRecord))
TEXT_FIELDS = ("source", "format", "brief", "version", "style")


def encoded_entry(key: str, record: OutputRecord) -> str:
    """One ``"key": {record}`` member of the manifest's outputs, indented as ``json.dumps``
    with ``indent=1`` writes it two levels down."""
    value = {name: getattr(record, name) for name in RECORD_FIELDS}
    return f"{json.dumps(key)}: " + json.dumps(value, indent=1).replace("\n", "\n  ")


def usable_records(data: object) -> tuple[dict[str, OutputRecord], int]:
    """The well-formed records of a manifest's data, and how many were not."""
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(outputs, dict):
        raise ValueError("no outputs")
    records = {key: _record(key, value) for key, value in outputs.items()}
    usable = {key: record for key, record in records.items() if record is not None}
    return usable, len(records) - len(usable)


def _record(key: str, value: object) -> OutputRecord | None:
    """The record, if every field has its type and every path stays inside its folder."""
    if not isinstance(value, dict) or set(value) != set(RECORD_FIELDS):
        return None
    texts = all(isinstance(value[name], str) for name in TEXT_FIELDS)
    figures, options, files = value["figures"], value["options"], value["files"]
    shapes = (
        _is_map(figures, str)
        and _is_map(options, str | None)
        and isinstance(files, list)
        and all(_stays_inside(name) for name in (key, value["source"], *figures, *files))
    )
    return OutputRecord(**value) if texts and shapes else None


def _is_map(value: object, kind: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(item, kind) for key, item in value.items()
    )


PATH_MARKS = ("\\", ":", "..")
"""What a name must hold, unless it starts with ``/``, to reach outside its folder on some
system: most names hold none, and are passed without parsing them as paths (two path objects a
name, at least three names a record: loading a manifest of 100 records took 20 M
instructions with them, 9 M without)."""


def _stays_inside(name: object) -> bool:
    """A relative path that cannot leave its folder (on any system)."""
    if not isinstance(name, str) or not name or "\0" in name:
        return False
    if not name.startswith("/") and not any(mark in name for mark in PATH_MARKS):
        return True  # no root, share, drive or part that climbs: the paths below would agree
    windows = PureWindowsPath(name)
    return not (windows.anchor or PurePosixPath(name).is_absolute() or ".." in windows.parts)


def manifest_text(entries: Iterable[str]) -> str:
    """The whole manifest around its encoded entries: what ``json.dumps(data, indent=1)``
    gives for ``{"manifest": MANIFEST_VERSION, "outputs": {...}}``."""
    members = ",\n  ".join(entries)
    outputs = "{\n  " + members + "\n }" if members else "{}"
    return f'{{\n "manifest": {MANIFEST_VERSION},\n "outputs": {outputs}\n}}'


class Manifest:
    """The records of one output folder, saved at most once a second unless told to.

    Each record is encoded once, when it is added, so saving often costs little more than
    writing the file, however many outputs the folder holds.
    """

    def __init__(
        self, output_dir: Path, records: dict[str, OutputRecord], problems: tuple[str, ...] = ()
    ) -> None:
        self.output_dir = output_dir
        self.records = records
        self.problems = problems
        """What was wrong with the file, as warning lines (its records are not used)."""
        self._encoded: dict[str, str] = {}
        self._saved_at = 0.0
        self._dirty = False

    @classmethod
    def load(cls, output_dir: Path) -> Manifest:
        """The folder's manifest. An absent one is empty; so is an unreadable one, and a record
        of the wrong shape or naming a file outside the folder is dropped: their outputs are
        rebuilt, and :attr:`problems` says so."""
        path = output_dir / MANIFEST_NAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(output_dir, {})
        except (OSError, ValueError) as error:
            return cls(output_dir, {}, (f"{path}:1:1: warning: cannot read it ({error})",))
        try:
            records, unusable = usable_records(json.loads(text))
        except ValueError as error:
            return cls(output_dir, {}, (f"{path}:1:1: warning: not a manifest ({error})",))
        if not unusable:
            return cls(output_dir, records)
        problem = f"{path}:1:1: warning: left out {unusable} malformed records"
        return cls(output_dir, records, (problem,))

    def relative(self, path: Path) -> str:
        """``path`` below the output folder, with ``/`` separators."""
        return path.relative_to(self.output_dir).as_posix()

    def record(self, output: Path, record: OutputRecord) -> None:
        """Note that ``output`` now holds what ``record`` describes. The record is encoded now,
        while a run's workers convert other briefs, rather than by the save that ends the run."""
        self.record_key(self.relative(output), record)

    def record_key(self, key: str, record: OutputRecord) -> None:
        """:meth:`record` for the output named ``key`` (as :meth:`relative` names it)."""
        self.records[key] = record
        self._encoded[key] = encoded_entry(key, record)
        self._dirty = True

    def forget(self, keys: Iterable[str]) -> None:
        """Drop the records of outputs that were removed."""
        for key in keys:
            self._encoded.pop(key, None)
            self._dirty |= self.records.pop(key, None) is not None

    def due(self, *, force: bool = False) -> bool:
        """Whether :meth:`save` would write: the manifest changed, and it was last written a
        second ago or more, or ``force``."""
        return self._dirty and (force or time.monotonic() - self._saved_at >= 1.0)

    def save(self, *, force: bool = False) -> None:
        """Write the manifest if it changed, at most once a second unless ``force``."""
        if not self.due(force=force):
            return
        text = manifest_text(self._entry(key) for key in sorted(self.records))
        atomic_write(self.output_dir / MANIFEST_NAME, text.encode("utf-8") + b"\n")
        self._saved_at, self._dirty = time.monotonic(), False

    def _entry(self, key: str) -> str:
        entry = self._encoded.get(key)
        if entry is None:
            entry = self._encoded[key] = encoded_entry(key, self.records[key])
        return entry

    def sources(self) -> set[str]:
        """The briefs that have at least one recorded output."""
        return {record.source for record in self.records.values()}

    def outputs_of(self, sources: set[str]) -> Iterator[str]:
        """The recorded outputs of the given briefs."""
        return (key for key, record in self.records.items() if record.source in sources)
