"""Several briefs per task: the same outputs and per-brief results as one brief a task, chunk
sizes from the briefs' times, and local workers that still convert at most ``--recycle-after``
briefs."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch.chunks import ChunkSizer
from briefexport.batch.discovery import discover
from briefexport.batch.jobs import OK, ExportSettings, Job, JobResult
from briefexport.batch.local import tasks_per_worker
from briefexport.batch.plan import make_plan
from briefexport.batch.run import Dispatcher
from support.batch import BROKEN, GOOD, RecordingExecutor, make_collection


def timed(seconds: float) -> JobResult:
    return JobResult("a.xml", OK, seconds=3 * seconds, cpu_seconds=seconds)


def test_a_chunk_is_one_brief_until_times_are_known_then_about_the_target() -> None:
    sizer = ChunkSizer(window=4, largest=32, target=0.2)
    assert sizer.size(waiting=1000) == 1
    sizer.observe(timed(0.01))
    assert sizer.size(waiting=1000) == 20
    assert sizer.size(waiting=40) == 10  # an even share of what waits, near the end
    assert sizer.size(waiting=3) == 5  # but not below a quarter (what waits is all it gets)
    for _ in range(30):
        sizer.observe(timed(0.5))  # a PDF: one brief is longer than the target
    assert sizer.size(waiting=1000) == 1
    for _ in range(30):
        sizer.observe(timed(0.001))
    assert sizer.size(waiting=1000) == 32  # never more than the largest


def test_the_last_chunks_hold_a_share_of_the_targets_work_even_above_the_largest() -> None:
    sizer = ChunkSizer(window=4, largest=32, target=0.2)
    sizer.observe(timed(0.001))  # 200 briefs would make the target, 50 a quarter of it
    assert sizer.size(waiting=1000) == 32
    assert sizer.size(waiting=40) == 32  # not a quarter of the largest chunk


def test_long_lived_workers_take_single_briefs_at_the_very_end() -> None:
    sizer = ChunkSizer(window=4, largest=32, target=0.2, smallest_share=None)
    sizer.observe(timed(0.01))
    assert sizer.size(waiting=1000) == 20
    assert sizer.size(waiting=40) == 10
    assert sizer.size(waiting=7) == 1


def convert_all(
    collection: Path, out: Path, sizer: ChunkSizer, pools: list[int]
) -> dict[str, JobResult]:
    """Every brief of the collection through the dispatcher, on one worker thread; ``pools``
    gets the longest task of each executor made."""
    sources = discover(collection, out, import_sources=False).sources
    plan = make_plan(sources, out, ("jats", "html", "docx"), None, ExportSettings())
    results: dict[str, JobResult] = {}

    def record(result: JobResult) -> None:
        results[result.relative] = result

    def make_executor(largest_task: int) -> Executor:
        pools.append(largest_task)
        return ThreadPoolExecutor(1)

    dispatcher = Dispatcher(make_executor, sizer, threading.Event(), record)
    assert dispatcher.run(plan.jobs) == 0
    return results


def test_chunks_give_the_outputs_and_results_of_single_briefs(tmp_path: Path) -> None:
    collection = make_collection(tmp_path / "collection")
    one, many = ChunkSizer(window=1, largest=1), ChunkSizer(window=1, target=1e6)
    single_pools: list[int] = []
    chunked_pools: list[int] = []
    single = convert_all(collection, tmp_path / "single", one, single_pools)
    chunked = convert_all(collection, tmp_path / "chunked", many, chunked_pools)
    assert single_pools == [1]
    assert chunked_pools == [1, 3]  # one brief alone, then the other three in one task
    assert sorted(single) == sorted(chunked) == sorted([*GOOD, BROKEN])
    for relative, result in single.items():
        other = chunked[relative]
        assert (other.status, other.brief_digest, other.figures) == (
            result.status,
            result.brief_digest,
            result.figures,
        )
        assert (other.errors, other.warnings) == (result.errors, result.warnings)
        assert [w.format for w in other.written] == [w.format for w in result.written]
    outputs = sorted(p.relative_to(tmp_path / "single") for p in (tmp_path / "single").rglob("*.*"))
    assert outputs
    for output in outputs:
        expected = (tmp_path / "single" / output).read_bytes()
        assert (tmp_path / "chunked" / output).read_bytes() == expected, output


@pytest.mark.parametrize("recycle_after", [1, 7, 50])
def test_a_local_worker_never_takes_more_than_its_briefs(
    tmp_path: Path, recycle_after: int
) -> None:
    log: list[tuple[int, int]] = []
    jobs = [Job(tmp_path / f"{n}.xml", f"{n}.xml", "xml", (), ExportSettings()) for n in range(300)]
    sizer = ChunkSizer(window=4, largest=min(32, recycle_after))
    results: list[JobResult] = []
    dispatcher = Dispatcher(
        lambda largest: RecordingExecutor(largest, log), sizer, threading.Event(), results.append
    )
    assert dispatcher.run(jobs) == 0
    assert sorted(result.relative for result in results) == sorted(job.relative for job in jobs)
    assert sum(length for _, length in log) == 300
    assert all(length <= largest for largest, length in log)
    largest_seen = max(length for _, length in log)
    assert largest_seen == min(20, recycle_after)  # 0.2 s of 10 ms briefs, within a life
    for largest, _ in log:
        assert largest <= recycle_after
        assert tasks_per_worker(recycle_after, largest) * largest <= recycle_after
    assert tasks_per_worker(50, 1) == 50


class GatedExecutor(Executor):
    """Finishes each chunk at once, except its second, held until ``gate`` opens; notes in
    ``log`` whether every task had finished when it is shut down."""

    def __init__(self, gate: threading.Event, log: list[str]) -> None:
        self.gate, self.log = gate, log
        self.futures: list[Future[Any]] = []
        self.thread = ThreadPoolExecutor(1)

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        chunk: tuple[Job, ...] = args[0]
        held = len(self.futures) == 1

        def results() -> list[JobResult]:
            if held:
                self.gate.wait(10)  # only the old way of widening waits this long
            return [JobResult(job.relative, OK, cpu_seconds=0.001) for job in chunk]

        self.futures.append(self.thread.submit(results) if held else Future())
        if not held:
            self.futures[-1].set_result(results())
        return self.futures[-1]

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.log.append(f"shut down, all done: {all(f.done() for f in self.futures)}")
        self.thread.shutdown(wait=wait)


def test_wider_chunks_start_while_the_old_executor_finishes_what_it_holds(
    tmp_path: Path,
) -> None:
    log: list[str] = []
    gate = threading.Event()
    made: list[GatedExecutor] = []

    def make_executor(largest_task: int) -> Executor:
        if made:
            log.append(f"new for {largest_task}, old still busy: {not made[0].futures[1].done()}")
            gate.set()
        made.append(GatedExecutor(gate, log))
        return made[-1]

    jobs = [Job(tmp_path / f"{n}.xml", f"{n}.xml", "xml", (), ExportSettings()) for n in range(40)]
    results: list[JobResult] = []
    sizer = ChunkSizer(window=2, largest=8)
    dispatcher = Dispatcher(make_executor, sizer, threading.Event(), results.append)
    assert dispatcher.run(jobs) == 0
    assert sorted(result.relative for result in results) == sorted(job.relative for job in jobs)
    assert log[:2] == ["new for 8, old still busy: True", "shut down, all done: True"]
    assert len(made) == 2
