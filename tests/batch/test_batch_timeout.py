"""A time limit per brief: a brief that takes longer fails alone, its worker is replaced, and
every other brief converts. Briefs named ``hang*`` stand for a layout that would take minutes
(``support.hanging``), so that a limit of a second is tried without a long render."""

from __future__ import annotations

import json
import multiprocessing
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ALL_COMPLETED, Executor, Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch import RunOptions, chunks, convert_collection, limits, local
from briefexport.batch.chunks import ChunkSizer
from briefexport.batch.commits import BackgroundCommits
from briefexport.batch.convert import time_limit
from briefexport.batch.jobs import OK, ExportSettings, Job, JobResult
from briefexport.batch.limits import TimeLimit
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.batch.run import Dispatcher
from briefexport.batch.server import DEFAULT_TIMEOUT, worker_context
from briefexport.cli import main
from briefexport.errors import BriefexportError
from briefexport.output import atomic_write
from support import hanging
from support.batch import SHORT

LIMIT_LINE = ":1:1: error: took longer than the time limit of 1 s per brief"


@pytest.fixture
def hanging_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local pools of this test start workers that hang on ``hang*`` briefs."""
    monkeypatch.setattr(local, "prepare_local_worker", hanging.prepare_hanging_worker)


def collection_of(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes(SHORT.read_bytes())
    return folder


def no_temporary_files(out: Path) -> bool:
    return not [path for path in out.rglob("*") if path.name.endswith(".tmp")]


@pytest.mark.usefixtures("hanging_workers")
def test_a_brief_over_the_limit_fails_alone_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    collection = collection_of(tmp_path / "briefs", "a.xml", "hang.xml", "b.xml", "c.xml")
    out, report = tmp_path / "out", tmp_path / "report.json"
    command = ["batch", str(collection), "--to", "jats,html", "-o", str(out), "-j", "2"]
    status = main([*command, "--timeout", "1", "--report", str(report)])
    assert status == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].startswith(str(collection / "hang.xml") + LIMIT_LINE)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert sorted(data["converted"]) == ["a.xml", "b.xml", "c.xml"]
    assert [failure["source"] for failure in data["failed"]] == ["hang.xml"]
    assert sorted(path.name for path in out.iterdir() if path.name != MANIFEST_NAME) == [
        f"{stem}.{suffix}" for stem in "abc" for suffix in ("html", "jats.xml")
    ]
    records = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["outputs"]
    assert {record["source"] for record in records.values()} == {"a.xml", "b.xml", "c.xml"}
    assert no_temporary_files(out)


@pytest.mark.usefixtures("hanging_workers")
def test_the_briefs_queued_behind_an_overrun_in_its_chunk_still_convert(tmp_path: Path) -> None:
    """One worker gets the three briefs as one task; the one in the middle overruns."""
    names = ["a.xml", "hang.xml", "b.xml"]
    collection = collection_of(tmp_path / "briefs", *names)
    out = tmp_path / "out"
    jobs = [
        Job(collection / n, n, "xml", (("jats", out / f"{n[:-4]}.jats.xml"),), ExportSettings())
        for n in names
    ]
    limit = TimeLimit.shared_with(worker_context(("jats",)), 1.0)
    tasks: list[int] = []

    def make_pool(largest_task: int) -> Executor:
        tasks.append(largest_task)
        return local.local_executor(1, ("jats",), 50, largest_task, limit)

    sizer = ChunkSizer(1, seconds=0.01)  # times known: the first task holds all three
    results: list[JobResult] = []
    dispatcher = Dispatcher(make_pool, sizer, threading.Event(), results.append, False, limit)
    assert dispatcher.run(jobs) == 0
    assert len(tasks) == 2  # the pool broke once, and was replaced
    outcome = {result.relative: result for result in results}
    assert outcome["a.xml"].status == outcome["b.xml"].status == OK
    [line] = outcome["hang.xml"].errors
    assert line.startswith(str(collection / "hang.xml") + LIMIT_LINE)
    assert sorted(path.name for path in out.iterdir()) == ["a.jats.xml", "b.jats.xml"]
    assert no_temporary_files(out)


class OverrunningExecutor(Executor):
    """Holds the chunks submitted until the dispatcher waits: then, if one holds a ``hang*``
    brief, its worker names it on the limit's queue and the pool breaks, taking every chunk it
    held; otherwise they all convert."""

    def __init__(self, limit: TimeLimit, held: list[tuple[tuple[Job, ...], Future[Any]]]) -> None:
        self.limit = limit
        self.held = held

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.held.append((args[0], future))
        return future


def settle(limit: TimeLimit, held: list[tuple[tuple[Job, ...], Future[Any]]]) -> None:
    overran = [job.relative for chunk, _ in held for job in chunk if hanging.hangs(job)]
    for name in overran:
        limit.reports.put(name)
    for chunk, future in held:
        if overran:
            future.set_exception(BrokenProcessPool("a worker ended at the limit"))
        else:
            future.set_result([JobResult(job.relative, OK) for job in chunk])
    held.clear()


def test_a_brief_beside_two_overruns_is_not_reported_as_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """a.xml is in flight when hang1.xml breaks the pool, and again when hang2.xml does: a
    pool broken by an overrun counts no strike against the others (two would report it)."""
    from briefexport.batch import run

    limit = TimeLimit(1.0, multiprocessing.SimpleQueue())
    held: list[tuple[tuple[Job, ...], Future[Any]]] = []

    def settled_wait(
        fs: Iterable[Future[Any]], timeout: float | None = None, return_when: str = ALL_COMPLETED
    ) -> tuple[set[Future[Any]], set[Future[Any]]]:
        settle(limit, held)
        return wait(fs, timeout, return_when)

    monkeypatch.setattr(run, "wait", settled_wait)
    names = ["a.xml", "hang1.xml", "hang2.xml"]
    jobs = [Job(tmp_path / name, name, "xml", (), ExportSettings()) for name in names]
    results: list[JobResult] = []
    dispatcher = Dispatcher(
        lambda _: OverrunningExecutor(limit, held),
        ChunkSizer(2),
        threading.Event(),
        results.append,
        limit=limit,
    )
    assert dispatcher.run(jobs) == 0
    outcome = {result.relative: result for result in results}
    assert outcome["a.xml"].status == OK
    for name in ("hang1.xml", "hang2.xml"):
        [line] = outcome[name].errors
        assert line.startswith(str(tmp_path / name) + LIMIT_LINE)
    assert len(results) == 3


@pytest.mark.parametrize(
    ("options", "limit"),
    [
        (RunOptions(), DEFAULT_TIMEOUT),
        (RunOptions(timeout=2), 2.0),
        (RunOptions(timeout=0.5), 0.5),
        (RunOptions(timeout=0), None),
        (RunOptions(executor="dask"), None),
        (RunOptions(executor="dask", timeout=0), None),
    ],
)
def test_the_limit_of_a_run(options: RunOptions, limit: float | None) -> None:
    assert time_limit(options) == limit


@pytest.mark.parametrize(
    ("options", "complaint"),
    [
        (RunOptions(timeout=-1), "the time limit must be a number of seconds, not -1"),
        (RunOptions(timeout=float("nan")), "the time limit must be a number of seconds, not nan"),
        (RunOptions(executor="dask", timeout=60), "works with local workers only"),
    ],
)
def test_a_limit_that_cannot_be_kept_stops_the_run_before_any_work(
    tmp_path: Path, options: RunOptions, complaint: str
) -> None:
    collection = collection_of(tmp_path / "briefs", "a.xml")
    with pytest.raises(BriefexportError, match=complaint):
        convert_collection(collection, tmp_path / "out", ["jats"], options)
    assert not (tmp_path / "out").exists()


def test_a_limit_with_dask_is_a_usage_error_of_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    collection = collection_of(tmp_path / "briefs", "a.xml")
    command = ["batch", str(collection), "--to", "jats", "-o", str(tmp_path / "out")]
    assert main([*command, "--executor", "dask", "--timeout", "30"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("briefexport: error: a time limit per brief (--timeout) works with")
    assert not (tmp_path / "out").exists()


def test_a_brief_over_the_limit_changes_none_of_its_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """late.xml, changed since the last run, is exported to JATS, then overruns in HTML: the
    new JATS is not put in place either; the last run's outputs stay, without a record."""
    collection = collection_of(tmp_path / "briefs", "a.xml", "late.xml")
    out = tmp_path / "out"
    assert convert_collection(collection, out, ["jats", "html"]).exit_status == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    late = collection / "late.xml"
    late.write_text(late.read_text(encoding="utf-8").replace("Harbour", "Haven"), encoding="utf-8")
    monkeypatch.setattr(local, "prepare_local_worker", hanging.prepare_hanging_worker)
    summary = convert_collection(collection, out, ["jats", "html"], RunOptions(timeout=1))
    assert [failure.source for failure in summary.failed] == ["late.xml"]
    after = {path.name: path.read_bytes() for path in out.iterdir() if path.name != MANIFEST_NAME}
    assert after == {name: data for name, data in before.items() if name != MANIFEST_NAME}
    records = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["outputs"]
    assert sorted(records) == ["a.html", "a.jats.xml"]
    assert no_temporary_files(out)


class FakeClock:
    """Time that passes only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_limit_starts_again_with_each_brief_of_a_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three briefs of one chunk take 0.6 s each under a limit of 1 s: none overruns, though
    together they take 1.8 s; a fourth that takes 1.1 s does. The watchdog is asked while each
    brief runs, as its thread would be (none is started)."""
    clock = FakeClock()
    watchdog = limits._Watchdog(TimeLimit(1.0, multiprocessing.SimpleQueue()), clock)
    monkeypatch.setattr(limits, "_WATCHDOG", [watchdog])
    takes = {"a.xml": 0.6, "b.xml": 0.6, "c.xml": 0.6, "d.xml": 1.1}
    overdue: list[str | None] = []

    def run_job(job: Job) -> JobResult:
        clock.now += takes[job.relative]
        found = watchdog.overdue()
        overdue.append(None if found is None else found[0])
        return JobResult(job.relative, OK)

    monkeypatch.setattr(chunks, "run_job", run_job)
    jobs = tuple(Job(tmp_path / name, name, "xml", (), ExportSettings()) for name in takes)
    assert [result.status for result in chunks.run_chunk(jobs)] == [OK] * 4
    assert overdue == [None, None, None, "d.xml"]


class WatchedLock:
    """A lock that counts the threads blocked on it, and says so on ``changed``."""

    def __init__(self, changed: threading.Condition) -> None:
        self._lock = threading.Lock()
        self.blocked = 0
        self.changed = changed

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        if self._lock.acquire(False):
            return True
        if not blocking:
            return False
        with self.changed:
            self.blocked += 1
            self.changed.notify_all()
        try:
            return self._lock.acquire(True, timeout)
        finally:
            with self.changed:
                self.blocked -= 1

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *_: object) -> None:
        self.release()


class EndingWorker:
    """A watchdog with a fake clock whose ``os._exit`` only says that it was called (then its
    thread waits until the test ends, while the main thread, which would wait for the end,
    goes on); ``moved`` tells of that and of a blocked lock."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.clock = FakeClock()
        self.moved = threading.Condition()
        self.exited = False
        self.test_over = threading.Event()
        self.ended = threading.Event()
        self.limit = TimeLimit(0.001, multiprocessing.SimpleQueue())  # its thread wakes often
        self.watchdog = limits._Watchdog(self.limit, self.clock)
        self.lock = WatchedLock(self.moved)
        self.watchdog.changed = threading.Condition(self.lock)  # type: ignore[arg-type]
        monkeypatch.setattr(limits, "_WATCHDOG", [self.watchdog])
        monkeypatch.setattr("briefexport.batch.limits.os._exit", self.exit)
        monkeypatch.setattr(limits, "_ENDING", self.ended, raising=False)
        self.target = tmp_path / "a.html"
        self.target.write_bytes(b"old")
        self.job = Job(tmp_path / "a.xml", "a.xml", "xml", (), ExportSettings())

    def exit(self, code: int) -> None:
        with self.moved:
            self.exited = True
            self.moved.notify_all()
        self.ended.set()
        self.test_over.wait()

    def run_job(self, job: Job) -> JobResult:
        """The brief's conversion: its output written (not in place yet)."""
        atomic_write(self.target, b"new")
        return JobResult(job.relative, OK)

    def deadline_passes(self, until: Callable[[], bool]) -> None:
        self.clock.now = 1.0
        with self.moved:
            assert self.moved.wait_for(until, timeout=60)  # guards against a hang only


def test_a_brief_released_as_its_deadline_passes_is_done_in_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline passes while the brief's outputs are being released: the watchdog, which
    wakes then, has to wait for the release to end and finds the brief done. (Before, it could
    end the worker then: the released outputs were put in place, and the brief reported as
    overrun with no record.)"""
    worker = EndingWorker(tmp_path, monkeypatch)
    release = BackgroundCommits.release

    def release_as_deadline_passes(commits: BackgroundCommits) -> None:
        release(commits)
        worker.deadline_passes(lambda: worker.exited or worker.lock.blocked > 0)

    monkeypatch.setattr(BackgroundCommits, "release", release_as_deadline_passes)
    monkeypatch.setattr(chunks, "run_job", worker.run_job)
    worker.watchdog.start()
    try:
        [result] = chunks.run_chunk((worker.job,))
        assert not worker.exited
        assert worker.limit.overran() == set()
    finally:
        worker.test_over.set()
    assert result.status == OK
    assert worker.target.read_bytes() == b"new"
    assert no_temporary_files(tmp_path)


def test_a_brief_found_overdue_releases_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watchdog ends the worker before the brief is done: the brief's output is not put in
    place when its conversion then ends, and its temporary file is removed."""
    worker = EndingWorker(tmp_path, monkeypatch)

    def run_job_past_deadline(job: Job) -> JobResult:
        result = worker.run_job(job)
        worker.deadline_passes(lambda: worker.exited)
        return result

    monkeypatch.setattr(chunks, "run_job", run_job_past_deadline)
    worker.watchdog.start()
    try:
        chunks.run_chunk((worker.job,))
        assert worker.limit.overran() == {"a.xml"}
    finally:
        worker.test_over.set()
    assert worker.target.read_bytes() == b"old"
    assert no_temporary_files(tmp_path)
