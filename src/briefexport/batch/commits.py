"""A chunk's outputs made durable in a thread while the worker converts the next brief.

Every output goes through :func:`briefexport.output.atomic_write`: a temporary file, synced to
disk, then renamed over the target, so that neither an interrupt nor a crash of the machine
leaves an empty or partial output in place of a good one. The sync waits for the disk: for a
small format it takes as long as the conversion (a few milliseconds, more when two workers sync
at once), and a worker that waits does nothing else. So a worker hands each temporary file to
one thread of its own, which syncs the files in the order they came, and renames a brief's
files over their targets once the brief is done; results are returned only once every output
of the chunk is in place, so what the parent records in the manifest is on disk. An output
whose sync or rename fails makes its brief fail. A brief stopped by the time limit
(:mod:`.limits`) puts none of its outputs in place: its temporary files are removed (every one
is known from the moment it is made, handed over or not), no new one is made, and the outputs
an earlier run made of it stay as they were.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from ..errors import OutputError
from ..output import Maker, rename_temporary, sync_temporary
from .jobs import OK, OUTPUT_FAILED, JobResult, error_line

Handed = tuple[str, Path, Future[None]]
"""A temporary file, its target, and its sync."""
Placed = tuple[str, Path, Future[None]]
"""A brief, the target of one of its files, and the file's sync and rename."""


@dataclasses.dataclass(eq=False, repr=False)
class BackgroundCommits:
    """Syncs the files handed to :meth:`take` in a thread, and puts them in place once their
    brief is done (:meth:`release`); ``brief`` is the brief whose outputs are being written
    (its relative path)."""

    brief: str = ""
    _thread: ThreadPoolExecutor = dataclasses.field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="briefexport-commit")
    )
    _held: list[Handed] = dataclasses.field(default_factory=list)
    """The files of the brief in hand, each with its sync."""
    _pending: list[Placed] = dataclasses.field(default_factory=list)
    """The files of the briefs done, being put in place."""
    _made: set[str] = dataclasses.field(default_factory=set)
    """The temporary files made and not handed over yet."""
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)
    _stopped: bool = False

    def make(self, maker: Maker) -> tuple[int, str]:
        """A :data:`briefexport.output.Tracker`: no file is made once stopped, and every file
        made is known until handed over, so that :meth:`abandon` can remove it."""
        with self._lock:
            if self._stopped:
                raise OutputError("no file is written any more, the time limit passed")
            handle, temporary = maker()
            self._made.add(temporary)
            return handle, temporary

    def take(self, temporary: str, path: Path) -> None:
        """A :data:`briefexport.output.Committer`: the file is synced now, put in place later.
        It is this object's from now on: once stopped, it is removed here."""
        with self._lock:
            self._made.discard(temporary)
            if self._stopped:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise OutputError(f"{path}: not written, the time limit passed")
            synced = self._thread.submit(sync_temporary, temporary, path)
            self._held.append((temporary, path, synced))

    def release(self) -> None:
        """The brief is done: its files are renamed over their targets, each once synced."""
        with self._lock:
            held, self._held = self._held, []
            for temporary, path, synced in held:
                done = self._thread.submit(_put_in_place, temporary, path, synced)
                self._pending.append((self.brief, path, done))

    def abandon(self) -> dict[str, list[tuple[Path, str]]]:
        """The brief in hand was stopped: its files, handed over or only made, are removed, no
        file is made or taken after, and the released ones are put in place (:meth:`finish`).
        A file being written as it is removed is gone once the process ends."""
        with self._lock:
            self._stopped = True
            made, self._made = self._made, set()
        for temporary in made:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return self.finish()

    def finish(self) -> dict[str, list[tuple[Path, str]]]:
        """Wait until every released file is in place, and remove those of a brief not done
        (stopped by the time limit); the failed ones by brief, with the reason."""
        self._remove_held()
        self._thread.shutdown(wait=True)
        failed: dict[str, list[tuple[Path, str]]] = {}
        for brief, path, done in self._pending:
            error = done.exception()
            if error is not None:
                reason = str(error) if isinstance(error, OutputError) else repr(error)
                failed.setdefault(brief, []).append((path, reason))
        return failed

    def _remove_held(self) -> None:
        with self._lock:
            held, self._held = self._held, []
        wait([synced for _, _, synced in held])  # a file is never removed while synced
        for temporary, _, _ in held:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _put_in_place(temporary: str, path: Path, synced: Future[None]) -> None:
    synced.result()  # done: the thread takes files in order; a failed sync removed the file
    rename_temporary(temporary, path)


def without_failed(result: JobResult, source: Path, failed: list[tuple[Path, str]]) -> JobResult:
    """``result`` once the files in ``failed`` could not be put in place: the outputs they
    belong to are no longer written, and the brief failed."""
    if not failed:
        return result
    lost = {path for path, _ in failed}
    kept = tuple(
        written
        for written in result.written
        if written.path not in lost and lost.isdisjoint(written.figure_copies)
    )
    errors = tuple(error_line(source, reason) for _, reason in failed)
    status = OUTPUT_FAILED if result.status == OK else result.status
    return dataclasses.replace(result, status=status, written=kept, errors=result.errors + errors)
