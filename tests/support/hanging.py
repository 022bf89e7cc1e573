"""Local workers that hang on some briefs: a stand-in for a brief whose layout would take
minutes, so that the time limit can be tried in a second or two.

A pool started with :func:`prepare_hanging_worker` as its initializer (put in place of
``briefexport.batch.local.prepare_local_worker``) sleeps for :data:`HANG_SECONDS` before
converting any brief whose file name starts with ``hang``, and, for one whose name starts with
``late``, before exporting it to :data:`LATE_FORMAT` (after the formats asked for before it);
every other brief converts as usual.
"""

from __future__ import annotations

import time
from pathlib import Path

from briefexport import output
from briefexport.batch import chunks
from briefexport.batch.jobs import Job, JobResult, run_job
from briefexport.batch.limits import TimeLimit, prepare_local_worker
from briefexport.model import Brief
from briefexport.options import WriteOptions
from briefexport.shared.figure_claims import FigureClaims

HANG_SECONDS = 120.0
"""Far longer than the limits the tests set: a brief that ends its sleep was not stopped."""
LATE_FORMAT = "html"


def hangs(job: Job) -> bool:
    return Path(job.relative).name.startswith("hang")


def _hanging_run_job(job: Job) -> JobResult:
    if hangs(job):
        time.sleep(HANG_SECONDS)
    return run_job(job)


def _late_hanging_export(
    brief: Brief, fmt: str, path: Path, options: WriteOptions, claimed: FigureClaims | None = None
) -> Path:
    if fmt == LATE_FORMAT and path.name.startswith("late"):
        time.sleep(HANG_SECONDS)
    return _EXPORT(brief, fmt, path, options, claimed)


_EXPORT = output.export_brief


def prepare_hanging_worker(formats: tuple[str, ...], umask: int, limit: TimeLimit | None) -> None:
    """The usual start of a local worker, then its chunks run the hanging jobs."""
    prepare_local_worker(formats, umask, limit)
    chunks.run_job = _hanging_run_job  # type: ignore[attr-defined]
    output.export_brief = _late_hanging_export
