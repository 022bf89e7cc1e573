"""Whether an output is up to date: made by this run's settings from the very bytes of its
brief and figures, as the manifest (:mod:`.manifest`) records, and still in place."""

from __future__ import annotations

import os
from pathlib import Path

from .digests import file_digest
from .discovery import Source
from .manifest import Manifest, Settings


class FreshnessCheck:
    """Decides which outputs of a brief are up to date, hashing each file once per run."""

    def __init__(self, manifest: Manifest, settings: Settings) -> None:
        self.manifest = manifest
        self.settings = settings
        self._digests: dict[Path, str | None] = {}

    def digest(self, path: Path) -> str | None:
        """SHA-256 of the file, None when it cannot be read."""
        if path not in self._digests:
            try:
                self._digests[path] = file_digest(path)
            except OSError:
                self._digests[path] = None
        return self._digests[path]

    def is_current(self, source: Source, fmt: str, output: Path) -> bool:
        """Was ``output`` made from this very brief, its figures and these settings?"""
        return self.why_stale(source, fmt, output) is None

    def why_stale(self, source: Source, fmt: str, output: Path) -> str | None:
        """Why ``output`` must be made again (the first reason found), or None if it is up to
        date."""
        record = self.manifest.records.get(self.manifest.relative(output))
        if record is None or (record.source, record.format) != (source.relative, fmt):
            return "new"
        if record.version != self.settings.version:
            return f"made by briefexport {record.version}"
        if record.style != self.settings.style:
            return "style changed"
        if record.options != self.settings.options:
            return "options changed: " + ", ".join(self._changed_options(record.options))
        if record.brief != self.digest(source.path):
            return "brief changed"
        folder = source.path.parent
        for href, sha in record.figures.items():
            if self.digest(folder / href) != sha:
                return f"figure changed: {href}"
        if not all(os.path.isfile(self.manifest.output_dir / name) for name in record.files):
            return "output missing"
        return None

    def _changed_options(self, recorded: dict[str, str | None]) -> list[str]:
        now = self.settings.options
        return sorted(
            name for name in recorded.keys() | now.keys() if recorded.get(name) != now.get(name)
        )
