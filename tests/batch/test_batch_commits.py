"""Outputs synced and renamed in a worker's thread: in place when the chunk's results come back,
no temporary file left, and a brief whose output cannot be put in place fails alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefexport.batch.chunks import run_chunk
from briefexport.batch.commits import BackgroundCommits
from briefexport.batch.discovery import discover
from briefexport.batch.jobs import OK, OUTPUT_FAILED, ExportSettings, Job
from briefexport.batch.plan import make_plan
from briefexport.errors import OutputError
from briefexport.output import (
    atomic_write,
    commit_temporary,
    create_temporary,
    deferred_commits,
    sync_temporary,
)
from support.batch import GOOD, make_collection


def good_jobs(tmp_path: Path) -> list[Job]:
    collection = make_collection(tmp_path / "collection")
    sources = discover(collection, tmp_path / "out", import_sources=False).sources
    plan = make_plan(sources, tmp_path / "out", ("jats", "html"), None, ExportSettings())
    return [job for job in plan.jobs if job.relative in GOOD]


def test_a_chunk_returns_once_every_output_is_in_place(tmp_path: Path) -> None:
    jobs = good_jobs(tmp_path)
    results = run_chunk(tuple(jobs))
    assert [result.status for result in results] == [OK] * len(jobs)
    for result in results:
        assert [written.format for written in result.written] == ["jats", "html"]
        for written in result.written:
            assert written.path.is_file()
    assert not [path for path in (tmp_path / "out").rglob("*") if path.name.endswith(".tmp")]


def test_a_deferred_write_is_in_place_only_once_committed(tmp_path: Path) -> None:
    handed: list[tuple[str, Path]] = []
    target = tmp_path / "a.txt"
    with deferred_commits(lambda temporary, path: handed.append((temporary, path))):
        atomic_write(target, b"text")
    assert not target.exists()
    [(temporary, path)] = handed
    commit_temporary(temporary, path)
    assert target.read_bytes() == b"text"
    assert not Path(temporary).exists()
    atomic_write(tmp_path / "b.txt", b"after")  # outside the block: at once
    assert (tmp_path / "b.txt").read_bytes() == b"after"


def test_an_output_that_cannot_be_renamed_fails_its_brief_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = good_jobs(tmp_path)
    victim = jobs[0].targets[0][1]

    def sync_unless_victim(temporary: str, path: Path) -> None:
        if path == victim:
            os.unlink(temporary)
            os.mkdir(temporary)  # a folder cannot be synced as a file: the commit fails
        sync_temporary(temporary, path)

    monkeypatch.setattr("briefexport.batch.commits.sync_temporary", sync_unless_victim)
    results = run_chunk(tuple(jobs))
    first, *others = results
    assert first.status == OUTPUT_FAILED
    assert [written.format for written in first.written] == ["html"]
    [line] = first.errors
    assert line.startswith(f"{jobs[0].source}:1:1: error: ")
    assert str(victim) in line
    assert all(result.status == OK for result in others)
    assert not victim.exists()


def test_a_file_handed_over_after_the_limit_passed_is_removed(tmp_path: Path) -> None:
    """The worker's main thread writes on while the watchdog abandons the brief: the file it
    hands over then is refused, and removed, not left behind."""
    commits = BackgroundCommits()
    with deferred_commits(commits.take):
        atomic_write(tmp_path / "a.html", b"a")
        commits.abandon()
        with pytest.raises(OutputError, match="the time limit passed"):
            atomic_write(tmp_path / "b.html", b"b")
    assert list(tmp_path.iterdir()) == []


def test_a_file_made_but_not_handed_over_is_removed_when_abandoned(tmp_path: Path) -> None:
    """The limit passes while an output is being written (made, not handed over yet): the
    file is removed, and no new one is made after."""
    commits = BackgroundCommits()
    with deferred_commits(commits.take, commits.make):
        handle, temporary = create_temporary(tmp_path / "b.html")
        os.close(handle)
        assert Path(temporary).is_file()
        commits.abandon()
        assert not Path(temporary).exists()
        with pytest.raises(OutputError, match="the time limit passed"):
            create_temporary(tmp_path / "c.html")
    assert list(tmp_path.iterdir()) == []


def test_a_file_handed_over_is_no_longer_removed_as_made(tmp_path: Path) -> None:
    """Once a brief is released, abandoning a later one leaves the earlier outputs in place."""
    commits = BackgroundCommits()
    with deferred_commits(commits.take, commits.make):
        atomic_write(tmp_path / "a.html", b"a")
        commits.release()
        commits.abandon()
    assert [path.name for path in tmp_path.iterdir()] == ["a.html"]
