"""Whether the files every output is made with stayed as they were for the whole run.

The manifest records the style folder, the brand's font folders and the Word template by their
digests as the run read them at its start (:func:`.plan.run_settings`), while the workers read
them later, as they convert. Were one edited during the run and put back before the next, that
run's outputs would be made from the edit, recorded with the digests of the original and called
up to date ever after. So the run notes each file's state (size, inode, modification and change
times: an edit changes the change time, which no one can set back) before it hashes them, and
looks again before each save of the manifest. Once anything differs, the records taken since the
last good look are dropped, and no later output is recorded: the next run makes them again.
(Where file times are coarse, an edit that keeps a file's size and falls in the same tick of
the clock as the run's start goes unseen.)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

FileState = tuple[int, int, int, int]
"""Size, inode, modification and change times (ns) of a file."""


def file_states(folders: Iterable[Path], files: Iterable[Path]) -> dict[str, FileState]:
    """The state of every file below ``folders`` (linked folders followed, each real folder
    once, as the digests follow them) and of each of ``files``, by path; a file that is gone
    has no state."""
    states: dict[str, FileState] = {}
    seen: set[Path] = set()
    for folder in folders:
        for here, subfolders, names in os.walk(folder, followlinks=True):
            real = Path(here).resolve()
            if real in seen:
                subfolders[:] = []
                continue
            seen.add(real)
            _add_states(states, (Path(here) / name for name in names))
    _add_states(states, files)
    return states


def _add_states(states: dict[str, FileState], paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        states[str(path)] = (info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)


@dataclass
class SettingsWatch:
    """The state of a run's style files when it started, and what has changed since."""

    folders: tuple[Path, ...]
    files: tuple[Path, ...]
    started: dict[str, FileState] = field(default_factory=dict)
    changed: tuple[str, ...] = ()
    """The files found changed, added or removed (once found, the run stays spoilt)."""

    @classmethod
    def start(cls, folders: Iterable[Path], files: Iterable[Path]) -> SettingsWatch:
        """Note the state of every file now."""
        watch = cls(tuple(folders), tuple(files))
        watch.started = file_states(watch.folders, watch.files)
        return watch

    def unchanged(self) -> bool:
        """Whether every file is as it was at the start (looking again unless already found
        changed)."""
        if not self.changed:
            now = file_states(self.folders, self.files)
            names = self.started.keys() | now.keys()
            self.changed = tuple(sorted(n for n in names if self.started.get(n) != now.get(n)))
        return not self.changed

    def warnings(self) -> list[str]:
        """One line per changed file."""
        return [
            f"{name}:1:1: warning: changed during the run; outputs made with it are not"
            " recorded as up to date, so the next run makes them again"
            for name in self.changed
        ]
