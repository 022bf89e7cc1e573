"""One run over a collection: pick the executor, dispatch the jobs, and keep the manifest, the
summary and the progress bar up to date as each brief finishes."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import threading
from collections.abc import Iterator
from concurrent.futures import Executor
from dataclasses import dataclass

from ..errors import BriefexportError
from ..model.record import Record, record
from .chunks import (
    DASK_SMALLEST_SHARE,
    DASK_TARGET_SECONDS,
    LARGEST_CHUNK,
    SMALLEST_SHARE,
    ChunkSizer,
    largest_first,
)
from .freshness import counted_by_run, style_digests
from .jobs import Job, JobResult
from .limits import TimeLimit
from .local import hook_put_back, local_executor, starts_narrow
from .manifest import Manifest, Settings
from .plan import record_result
from .run import Dispatcher, ExecutorFactory, ResultSink
from .server import worker_context
from .summary import ProgressSink, Summary
from .watch import SettingsWatch

EXECUTORS = ("local", "dask")


@record
class Workers(Record):
    """Where the jobs run: ``jobs`` local processes, or a Dask cluster (``scheduler`` None
    starts a local one with ``jobs`` workers); local workers are replaced after
    ``recycle_after`` briefs, and end when a brief takes longer than ``timeout`` seconds
    (None: no limit)."""

    jobs: int
    executor: str
    scheduler: str | None
    recycle_after: int
    timeout: float | None = None


@dataclass
class CollectionRun:
    """Records each finished job in the manifest, the summary and the progress bar; a record
    is saved only once the run's style files are seen unchanged after it was taken."""

    manifest: Manifest
    settings: Settings
    summary: Summary
    watch: SettingsWatch
    formats: tuple[str, ...]
    progress: ProgressSink | None = None
    unchecked: list[str] = dataclasses.field(default_factory=list)
    """The records taken since the style files were last seen unchanged."""

    def __post_init__(self) -> None:
        self.style_of = style_digests(self.settings)
        self.counts = counted_by_run(self.settings, self.formats)

    def execute(self, jobs: list[Job], workers: Workers, stop: threading.Event) -> None:
        """Run the jobs; the manifest is saved however the run ends."""
        if self.progress is not None:
            self.progress.start(len(jobs), len(self.summary.up_to_date))
        try:
            if jobs:
                # no more workers than briefs: '-j 64' for three briefs starts three
                workers = dataclasses.replace(workers, jobs=min(workers.jobs, len(jobs)))
                with _executor(workers, self.formats) as (make_executor, slots, limit):
                    dispatcher = make_dispatcher(
                        workers, make_executor, slots, stop, self.on_result, limit
                    )
                    try:
                        self.summary.not_started = dispatcher.run(largest_first(jobs))
                    finally:
                        self.summary.workers_lost = dispatcher.workers_lost
        finally:
            self.save(force=True)
            if self.progress is not None:
                self.progress.finish()
        self.summary.interrupted = self.summary.not_started > 0

    def on_result(self, result: JobResult) -> None:
        """One brief finished (or failed)."""
        # made with changed style files: no record (the old one went as the run started)
        if not self.watch.changed:
            keys = record_result(self.manifest, self.settings, result, self.style_of)
            self.unchecked.extend(keys)
        self.summary.add(result)
        self.save()
        if self.progress is not None:
            self.progress.advance(result)

    def save(self, *, force: bool = False) -> None:
        """Save the manifest when it is due, without the records taken since the style files
        were last seen unchanged if they changed (:mod:`.watch`)."""
        if not self.manifest.due(force=force):
            return
        if self.unchecked and not self.watch.unchanged(self.counts):
            self.manifest.forget(self.unchecked)  # found once: no record is taken after
            self.summary.warnings.extend(self.watch.warnings())
        self.unchecked.clear()
        self.manifest.save(force=True)


def make_dispatcher(
    workers: Workers,
    make_executor: ExecutorFactory,
    slots: int,
    stop: threading.Event,
    on_result: ResultSink,
    limit: TimeLimit | None = None,
) -> Dispatcher:
    """Two tasks in flight per worker; a local worker's chunks never exceed its life; a Dask
    task holds more work (:data:`.chunks.DASK_TARGET_SECONDS`)."""
    if workers.executor == "local":
        largest = min(LARGEST_CHUNK, workers.recycle_after)
        widens = starts_narrow(workers.recycle_after, largest)
        sizer = ChunkSizer(
            2 * slots, largest=largest, smallest_share=SMALLEST_SHARE if widens else None
        )
        return Dispatcher(make_executor, sizer, stop, on_result, widens=widens, limit=limit)
    sizer = ChunkSizer(2 * slots, target=DASK_TARGET_SECONDS, smallest_share=DASK_SMALLEST_SHARE)
    return Dispatcher(make_executor, sizer, stop, on_result, widens=False)


@contextlib.contextmanager
def _executor(
    workers: Workers, formats: tuple[str, ...]
) -> Iterator[tuple[ExecutorFactory, int, TimeLimit | None]]:
    """A way to make the executor, how many briefs it converts at once, and the local
    workers' time limit (one queue for every pool of the run)."""
    if workers.executor == "local":
        with hook_put_back():
            yield _local_pools(workers, formats)
        return
    if importlib.util.find_spec("distributed") is None:
        raise BriefexportError("the Dask executor needs the extra: pip install 'briefexport[dask]'")
    from .cluster import dask_executor

    with dask_executor(workers.scheduler, workers.jobs, formats) as (executor, threads):
        shared: Executor = executor
        yield (lambda _largest_task: shared), threads, None


def _local_pools(
    workers: Workers, formats: tuple[str, ...]
) -> tuple[ExecutorFactory, int, TimeLimit | None]:
    """Local process pools of ``workers.jobs`` workers, and their time limit."""
    limit = None
    if workers.timeout:
        limit = TimeLimit.shared_with(worker_context(formats), workers.timeout)

    def make_pool(largest_task: int) -> Executor:
        return local_executor(workers.jobs, formats, workers.recycle_after, largest_task, limit)

    return make_pool, workers.jobs, limit
