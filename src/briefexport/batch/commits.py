"""A chunk's outputs made durable in a thread while the worker converts the next brief.

Every output goes through :func:`briefexport.output.atomic_write`: a temporary file, synced to
disk, then renamed over the target, so that neither an interrupt nor a crash of the machine
leaves an empty or partial output in place of a good one. The sync waits for the disk: for a
small format it takes as long as the conversion (a few milliseconds, more when two workers sync
at once), and a worker that waits does nothing else. So a worker hands each temporary file to
one thread of its own, which syncs and renames the files in the order they came; results are
returned only once every output of the chunk is in place, so what the parent records in the
manifest is on disk. An output whose sync or rename fails makes its brief fail.
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ..errors import OutputError
from ..output import commit_temporary
from .jobs import OK, OUTPUT_FAILED, JobResult, error_line


@dataclasses.dataclass
class BackgroundCommits:
    """Syncs and renames the files handed to :meth:`take`, in a thread; ``brief`` is the brief
    whose outputs are being written (its relative path)."""

    brief: str = ""
    _thread: ThreadPoolExecutor = dataclasses.field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="briefexport-commit")
    )
    _pending: list[tuple[str, Path, Future[None]]] = dataclasses.field(default_factory=list)

    def take(self, temporary: str, path: Path) -> None:
        """A :data:`briefexport.output.Committer`: the file is put in place later."""
        done = self._thread.submit(commit_temporary, temporary, path)
        self._pending.append((self.brief, path, done))

    def finish(self) -> dict[str, list[tuple[Path, str]]]:
        """Wait until every file is in place; the failed ones by brief, with the reason."""
        self._thread.shutdown(wait=True)
        failed: dict[str, list[tuple[Path, str]]] = {}
        for brief, path, done in self._pending:
            error = done.exception()
            if error is not None:
                reason = str(error) if isinstance(error, OutputError) else repr(error)
                failed.setdefault(brief, []).append((path, reason))
        return failed


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
