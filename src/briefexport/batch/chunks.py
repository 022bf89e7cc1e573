"""Several briefs per task, so that short conversions are not outweighed by handing them out.

A task costs its executor a few milliseconds whatever it holds (pickling, a queue, a wake-up;
more on a Dask cluster, whose scheduler takes part in each), while a JATS or DOCX brief takes
10 to 30 ms. So the dispatcher hands out chunks of briefs sized from the processor time the
finished briefs took (a busy machine stretches their clock time, not the work a task holds):
about :data:`TARGET_SECONDS` of work a task, a single brief while no time is known yet or when
one brief already takes that long (a PDF), and smaller chunks as the queue runs out, so the
workers finish at about the same time; and the largest briefs go first (:func:`largest_first`),
so the last chunks hold the shortest work. Results still come back brief by brief. Within a task
each style folder is walked once for the writers' caches
(:func:`briefexport.shared.styles.held_folder_stamps`): the run itself notices a style file
changed while it ran (:mod:`.watch`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..output import deferred_commits
from ..shared.styles import held_folder_stamps
from .commits import BackgroundCommits, without_failed
from .heap import free_brief_garbage
from .jobs import Job, JobResult, run_job
from .limits import brief_limit

TARGET_SECONDS = 0.2
"""About this much work per task: long against a task's own cost, short enough that a stop
request waits little for the chunks in hand."""
LARGEST_CHUNK = 32


def run_chunk(jobs: tuple[Job, ...]) -> list[JobResult]:
    """Convert each brief of a chunk in turn (in a worker); a job never raises. Outputs are
    synced and renamed in a thread meanwhile (:mod:`.commits`), all before this returns. A
    worker with a time limit ends if a brief overruns it (:mod:`.limits`), once the earlier
    briefs' outputs are in place; none of the overrunning brief's is."""
    commits = BackgroundCommits()
    results = []
    with deferred_commits(commits.take, commits.make), held_folder_stamps():
        for job in jobs:
            commits.brief = job.relative
            with brief_limit(job, commits.abandon, commits.release):
                results.append(run_job(job))
            free_brief_garbage(tuple(fmt for fmt, _ in job.targets))
    failed = commits.finish()
    return [
        without_failed(result, job.source, failed.get(job.relative, []))
        for job, result in zip(jobs, results, strict=True)
    ]


def largest_first(jobs: list[Job]) -> list[Job]:
    """The jobs, largest brief first (its file's size stands for its work), then by path; a
    brief that cannot be looked at goes last (its worker reports why)."""

    def size(job: Job) -> int:
        try:
            return job.source.stat().st_size
        except OSError:
            return -1

    sizes = {job.relative: size(job) for job in jobs}
    return sorted(jobs, key=lambda job: (-sizes[job.relative], job.relative))


DASK_TARGET_SECONDS = 2 * TARGET_SECONDS
"""About this much work per task on a Dask cluster, where each task also costs the client and
the scheduler several round trips (on a ``LocalCluster`` their process shares the workers'
cores): 100 EPUB briefs on two workers went in about half as many tasks, with about a third
less CPU in that process (:data:`DASK_SMALLEST_SHARE` keeps the last chunks as short)."""

SMALLEST_SHARE = 4
"""Near the end chunks shrink to a quarter of the target's work (no further than the largest
chunk), not below, where workers live few tasks (a pool that started on single briefs): the
workers still finish within some 50 ms of each other, and a worker does not spend its life on
single briefs. Long-lived workers take single briefs at the very end, and finish within a brief
of each other."""
DASK_SMALLEST_SHARE = 2 * SMALLEST_SHARE
"""Near the end a Dask task shrinks to an eighth of :data:`DASK_TARGET_SECONDS`: the same
smallest chunks as :data:`SMALLEST_SHARE` of :data:`TARGET_SECONDS`, so the workers still
finish together."""
RECENT_WEIGHT = 0.2
"""Weight of the latest brief in the running estimate of a brief's time: a worker's first
briefs, slower while its caches fill, are soon outweighed."""


@dataclass(eq=False, repr=False)
class ChunkSizer:
    """How many briefs the next task gets, from the processor seconds the finished briefs
    took."""

    window: int
    """Tasks kept in flight: near the end a chunk is no longer than an even share of what waits
    (down to :data:`SMALLEST_SHARE`)."""
    largest: int = LARGEST_CHUNK
    target: float = TARGET_SECONDS
    smallest_share: int | None = SMALLEST_SHARE
    """Near the end a chunk holds at least this share of its size; None: down to one brief."""
    seconds: float = 0.0
    """A brief's time, a running average weighted towards the latest."""
    finished: int = 0

    def observe(self, result: JobResult) -> None:
        """One brief finished after ``result.cpu_seconds`` of work."""
        weight = RECENT_WEIGHT if self.finished else 1.0
        self.seconds += weight * (result.cpu_seconds - self.seconds)
        self.finished += 1

    def size(self, waiting: int) -> int:
        """Briefs for the next task, with ``waiting`` briefs left to hand out."""
        if self.seconds <= 0.0:
            return 1
        uncapped = int(self.target / self.seconds)
        by_time = max(1, min(uncapped, self.largest))
        # a share of the target's work, even where the largest chunk holds less than that
        floor = min(by_time, uncapped // self.smallest_share) if self.smallest_share else 1
        return max(1, min(by_time, max(waiting // self.window, floor)))
