"""Stopping a run: no partial file, a consistent manifest, and a rerun that does only the rest.
Also a worker that dies: its brief is tried once more, then reported, and the others go on."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch import RunOptions, convert_collection
from briefexport.batch.chunks import ChunkSizer
from briefexport.batch.jobs import OK, ExportSettings, Job, JobResult
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.batch.run import Dispatcher
from support.batch import SHORT, cli_command, subprocess_environment

COPIES = 40


def many_briefs(folder: Path, count: int = COPIES) -> Path:
    folder.mkdir(parents=True)
    for number in range(count):
        shutil.copy(SHORT, folder / f"brief-{number:02}.xml")
    return folder


def assert_rerun_does_the_rest(
    args: list[str], finished: set[str], count: int, tmp_path: Path
) -> None:
    """Run the command again: the briefs ``finished`` before the stop are up to date, and
    exactly the others of the ``count`` are converted."""
    report = tmp_path / "report.json"
    rerun = subprocess.run(
        cli_command(*args, "--report", str(report)),
        env=subprocess_environment(),
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    data = json.loads(report.read_text())
    assert set(data["up_to_date"]) == finished
    assert set(data["converted"]) == {f"brief-{n:02}.xml" for n in range(count)} - finished


def wait_for_first_output(out: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not list(out.glob("*.docx")):
        assert process.poll() is None, "the run ended before any output appeared"
        assert time.monotonic() < deadline, "no output after a minute"
        time.sleep(0.02)


def stop(process: subprocess.Popen[str], how: str) -> None:
    if how == "SIGTERM":  # a service manager stopping the command
        process.send_signal(signal.SIGTERM)
    else:  # Ctrl-C: the terminal signals every process of the job, workers included
        os.killpg(process.pid, signal.SIGINT)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_a_stop_is_clean_and_a_rerun_converts_only_the_rest(tmp_path: Path, how: str) -> None:
    collection = many_briefs(tmp_path / "collection")
    out = tmp_path / "out"
    args = ["batch", str(collection), "--to", "jats,html,docx", "-o", str(out), "-j", "1"]
    process = subprocess.Popen(
        cli_command(*args),
        env=subprocess_environment(),
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    wait_for_first_output(out, process)
    stop(process, how)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    assert f"{how}: stopping after the briefs in progress" in stderr
    assert "interrupted" in stderr.splitlines()[-1]
    assert not [path for path in out.rglob("*") if path.name.endswith(".tmp")]
    records = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert records, "the briefs finished before the stop are recorded"
    assert all((out / name).is_file() for name in records)
    finished = {record["source"] for record in records.values()}
    assert 0 < len(finished) < COPIES
    assert_rerun_does_the_rest([*args, "-j", "2"], finished, COPIES, tmp_path)


def test_a_run_stopped_before_it_starts_converts_nothing(tmp_path: Path) -> None:
    collection = many_briefs(tmp_path / "collection", 3)
    stop = threading.Event()
    stop.set()
    summary = convert_collection(
        collection, tmp_path / "out", ["jats"], RunOptions(jobs=2), stop=stop
    )
    assert summary.interrupted
    assert summary.not_started == 3
    assert summary.exit_status == 1
    assert not list((tmp_path / "out").glob("*.jats.xml"))


class CrashingExecutor(Executor):
    """Runs chunks of jobs at once in this process; a chunk with a job named ``crash*`` breaks
    the pool, as a worker killed by the system would."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        chunk: tuple[Job, ...] = args[0]
        self.log.extend(job.relative for job in chunk)
        future: Future[Any] = Future()
        if any(job.relative.startswith("crash") for job in chunk):
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result([JobResult(job.relative, OK) for job in chunk])
        return future


def test_a_brief_that_kills_its_worker_is_retried_once_then_reported(tmp_path: Path) -> None:
    submitted: list[str] = []
    pools: list[CrashingExecutor] = []

    def make_executor(largest_task: int) -> Executor:
        pools.append(CrashingExecutor(submitted))
        return pools[-1]

    names = ["a.xml", "crash.xml", "b.xml"]
    jobs = [Job(tmp_path / name, name, "xml", (), ExportSettings()) for name in names]
    results: list[JobResult] = []
    dispatcher = Dispatcher(make_executor, ChunkSizer(1), threading.Event(), results.append)
    assert dispatcher.run(jobs) == 0
    assert submitted == ["a.xml", "crash.xml", "crash.xml", "b.xml"]
    assert len(pools) == 3  # one pool replaced after each death
    outcome = {result.relative: result for result in results}
    assert outcome["a.xml"].status == outcome["b.xml"].status == OK
    assert outcome["crash.xml"].status == 1
    assert outcome["crash.xml"].errors == (
        f"{tmp_path / 'crash.xml'}:1:1: error: the worker process died while converting this brief",
    )


@pytest.mark.slow
def test_a_stop_amid_chunks_records_exactly_the_outputs_written(tmp_path: Path) -> None:
    """Short JATS conversions go several to a task; after a stop every output on disk is in
    the manifest and every record's file is there, and the rerun does exactly the rest."""
    count = 150
    collection = many_briefs(tmp_path / "collection", count)
    out = tmp_path / "out"
    args = ["batch", str(collection), "--to", "jats", "-o", str(out), "-j", "2"]
    process = subprocess.Popen(
        cli_command(*args), env=subprocess_environment(), stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.jats.xml"))) < 20:  # past the first, single-brief tasks
        assert process.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "too few outputs after a minute"
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    assert not [path for path in out.rglob("*") if path.name.endswith(".tmp")]
    records = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert set(records) == {path.name for path in out.glob("*.jats.xml")}
    finished = {record["source"] for record in records.values()}
    assert 20 <= len(finished) < count
    assert_rerun_does_the_rest(args, finished, count, tmp_path)


def pool_workers(deadline: float) -> list[Any]:
    """The worker processes of this process's pool: children of its fork server."""
    import psutil

    while time.monotonic() < deadline:
        for child in psutil.Process().children():
            if any("forkserver" in part for part in child.cmdline()) and child.children():
                return list(child.children())
        time.sleep(0.01)
    raise AssertionError("no pool worker within the time allowed")


@pytest.mark.slow
def test_a_killed_worker_is_replaced_and_its_briefs_are_converted_again(tmp_path: Path) -> None:
    """A real pool whose worker is killed (as by the system running out of memory) breaks;
    the run goes on with a new one, and every brief ends converted, each output whole."""
    import pikepdf

    count = 6
    collection = many_briefs(tmp_path / "collection", count)
    out = tmp_path / "out"
    outcome: list[Any] = []
    run = threading.Thread(
        target=lambda: outcome.append(
            convert_collection(collection, out, ["pdf"], RunOptions(jobs=1, force=True))
        )
    )
    run.start()
    deadline = time.monotonic() + 120
    while not list(out.glob("*.pdf")):  # the first brief done: the worker is on the next
        assert run.is_alive(), "the run ended before a worker could be killed"
        assert time.monotonic() < deadline, "no output after two minutes"
        time.sleep(0.01)
    for worker in pool_workers(deadline):
        worker.send_signal(signal.SIGKILL)
    run.join(timeout=180)
    [summary] = outcome
    assert summary.exit_status == 0, summary.failed
    assert len(summary.converted) == count
    records = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert set(records) == {f"brief-{number:02}.pdf" for number in range(count)}
    for path in out.glob("*.pdf"):
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) >= 1


@pytest.mark.slow
def test_workers_end_when_the_command_is_killed_outright(tmp_path: Path) -> None:
    """SIGKILL gives the command no chance to stop its workers: they notice that it is gone
    and end, rather than wait for work forever."""
    import psutil

    collection = many_briefs(tmp_path / "collection")
    out = tmp_path / "out"
    args = ["batch", str(collection), "--to", "jats,html,docx", "-o", str(out), "-j", "2"]
    process = subprocess.Popen(cli_command(*args), env=subprocess_environment(), text=True)
    wait_for_first_output(out, process)
    descendants = psutil.Process(process.pid).children(recursive=True)
    assert any(child.children() for child in descendants), "no fork server with workers"
    process.kill()
    process.wait(timeout=60)
    _, alive = psutil.wait_procs(descendants, timeout=60)
    for left in alive:  # do not leave them behind if the test fails
        left.kill()
    assert not alive


def test_a_brief_in_hand_when_its_worker_dies_during_a_stop_is_reported_not_unstarted(
    tmp_path: Path,
) -> None:
    """A stop arrives while a worker is busy on a brief, and the worker is then killed: the
    brief was started, so it is reported as failed, not counted as "not started"."""
    stop = threading.Event()

    class StoppingExecutor(CrashingExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            if any(job.relative.startswith("crash") for job in args[0]):
                stop.set()
            return super().submit(fn, *args, **kwargs)

    names = ["a.xml", "crash.xml", "b.xml", "c.xml", "d.xml"]
    jobs = [Job(tmp_path / name, name, "xml", (), ExportSettings()) for name in names]
    results: list[JobResult] = []
    dispatcher = Dispatcher(
        lambda largest: StoppingExecutor([]), ChunkSizer(1), stop, results.append
    )
    not_started = dispatcher.run(jobs)
    outcome = {result.relative: result for result in results}
    assert outcome["crash.xml"].status == 1
    assert "the run was stopped" in outcome["crash.xml"].errors[0]
    assert not_started + len(results) == len(names)
