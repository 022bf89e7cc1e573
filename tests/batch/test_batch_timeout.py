"""A time limit per brief: a brief that takes longer fails alone, its worker is replaced, and
every other brief converts. Briefs named ``hang*`` stand for a layout that would take minutes
(``support.hanging``), so that a limit of a second is tried without a long render."""

from __future__ import annotations

import json
import multiprocessing
import threading
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch import RunOptions, chunks, convert_collection, limits, local
from briefexport.batch.chunks import ChunkSizer
from briefexport.batch.convert import time_limit
from briefexport.batch.jobs import OK, ExportSettings, Job, JobResult
from briefexport.batch.limits import TimeLimit
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.batch.run import Dispatcher
from briefexport.batch.server import DEFAULT_TIMEOUT, worker_context
from briefexport.cli import main
from briefexport.errors import BriefexportError
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
    real_wait = run.wait
    monkeypatch.setattr(run, "wait", lambda *a, **k: (settle(limit, held), real_wait(*a, **k))[1])
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
