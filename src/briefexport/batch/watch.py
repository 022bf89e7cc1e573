"""Whether the files a run's outputs are made with stayed as they were for the whole run.

The manifest records the style folder, the brand's font folders and the Word template by their
digests as the run read them at its start (:func:`.plan.run_settings`), while the workers read
them later, as they convert. Were one edited during the run and put back before the next, that
run's outputs would be made from the edit, recorded with the digests of the original and called
up to date ever after. So the run notes each file's state (size, inode, modification and change
times: an edit changes the change time, which no one can set back; and of each symbolic link on
the way, the link's own inode and change time) before it hashes them, and
looks again before each save of the manifest. Once a file that counts for the run's formats
differs, the records taken since the last good look are dropped, and no later output is
recorded: the next run makes them again. (Where file times are coarse, an edit that keeps a
file's size and falls in the same tick of the clock as the run's start goes unseen.)

Files go by the names the manifest's settings give them: a style file by its path in the style
folder, a font outside it by its absolute path, the Word template as :data:`TEMPLATE`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .digests import folder_files

FileState = tuple[int, ...]
"""Size, inode, modification and change times (ns) of a file, and for a symbolic link the
link's own inode and change time too."""
TEMPLATE = "\0reference_docx"
"""The name of the Word template (no path of a file holds a NUL)."""


@dataclass
class SettingsWatch:
    """The state of a run's style files when it started, and what has changed since."""

    style_dir: Path
    font_folders: tuple[Path, ...] = ()
    template: Path | None = None
    started: dict[str, FileState] = field(default_factory=dict)
    changed: tuple[str, ...] = ()
    """The files found changed, added or removed (once found, the run stays spoilt)."""

    @classmethod
    def start(
        cls, style_dir: Path, font_folders: tuple[Path, ...], template: Path | None
    ) -> SettingsWatch:
        """Note the state of every file now."""
        watch = cls(style_dir, font_folders, template)
        watch.started = watch.states()
        return watch

    def states(self) -> dict[str, FileState]:
        """The state of every file, by name; a file that is gone has none."""
        paths = dict(folder_files(self.style_dir))
        for folder in self.font_folders:
            paths.update(
                (f"{folder.as_posix()}/{name}", path) for name, path in folder_files(folder)
            )
        if self.template is not None:
            paths[TEMPLATE] = self.template
        states = {name: state for name, path in paths.items() if (state := _state(path))}
        # a symbolic link on the way, pointed elsewhere and back between two looks, leaves the
        # files as they were: the link itself (a new inode each time) tells
        folders = {path.parent for path in paths.values()} | {self.style_dir, *self.font_folders}
        for link in _links_above(folders):
            with contextlib.suppress(OSError):
                info = link.lstat()
                states[str(link)] = (info.st_ino, info.st_ctime_ns)
        return states

    def unchanged(self, counts: Callable[[str], bool]) -> bool:
        """Whether every file that ``counts`` (for the run's formats) is as it was at the start
        (looking again unless already found changed)."""
        if not self.changed:
            now = self.states()
            names = self.started.keys() | now.keys()
            differ = (name for name in names if self.started.get(name) != now.get(name))
            self.changed = tuple(sorted(name for name in differ if counts(name)))
        return not self.changed

    def warnings(self) -> list[str]:
        """One line per changed file."""
        return [
            f"{self._path(name)}:1:1: warning: changed during the run; outputs made with it are"
            " not recorded as up to date, so the next run makes them again"
            for name in self.changed
        ]

    def _path(self, name: str) -> Path:
        if name == TEMPLATE and self.template is not None:
            return self.template
        return self.style_dir / name  # an absolute name stays as it is


def _state(path: Path) -> FileState | None:
    """The file's :data:`FileState`, None when it is gone."""
    try:
        info = path.stat()
        link = path.lstat() if path.is_symlink() else None
    except OSError:
        return None
    state = (info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
    return state + ((link.st_ino, link.st_ctime_ns) if link else ())


def _links_above(folders: set[Path]) -> set[Path]:
    """The symbolic links among ``folders`` and the folders above them."""
    links: set[Path] = set()
    seen: set[Path] = set()
    for folder in folders:
        absolute = folder.absolute()
        for step in (absolute, *absolute.parents):
            if step in seen:
                break
            seen.add(step)
            if step.is_symlink():
                links.add(step)
    return links
