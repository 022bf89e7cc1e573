"""Every problem a batch worker reports is a ``FILE:LINE:COL: error: message`` line, at 1:1
when the problem is with the file as a whole (as the reader's own diagnostics are placed)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefexport.batch.jobs import OK, ExportSettings, Job, run_job
from support.paths import HARBOUR

LOCATED = re.compile(r"^(?P<file>.+):1:1: error: (?P<message>.+)$")


def job(source: Path, *targets: tuple[str, Path], pdf_url: str | None = None) -> Job:
    return Job(source, source.name, "xml", targets, ExportSettings(), pdf_url)


def only_error(failing: Job) -> tuple[str, str]:
    result = run_job(failing)
    assert result.status != OK
    [line] = result.errors
    match = LOCATED.match(line)
    assert match, line
    return match["file"], match["message"]


def test_a_brief_that_cannot_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    where, message = only_error(job(missing, ("jats", tmp_path / "a.jats.xml")))
    assert (where, message) == (str(missing), "cannot read: No such file or directory")


def test_an_output_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where a folder should be\n")
    target = tmp_path / "taken" / "harbour-resilience.jats.xml"
    where, message = only_error(job(HARBOUR, ("jats", target)))
    assert where == str(HARBOUR)
    assert message.startswith("cannot write jats: ")


def test_an_output_over_its_brief(tmp_path: Path) -> None:
    brief = tmp_path / "brief.jats.xml"
    shutil.copy(HARBOUR, brief)
    where, message = only_error(job(brief, ("jats", brief)))
    assert (where, message) == (str(brief), "refusing to write over the input")


def test_options_no_brief_could_use(tmp_path: Path) -> None:
    broken = job(HARBOUR, ("html", tmp_path / "a.html"), pdf_url="ftp://x.example/a.pdf")
    where, message = only_error(broken)
    assert where == str(HARBOUR)
    assert "http or https" in message


def test_a_bug_in_a_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(_: Job) -> None:
        raise RuntimeError("a writer's bug")

    monkeypatch.setattr("briefexport.batch.jobs._convert", explode)
    where, message = only_error(job(HARBOUR, ("jats", tmp_path / "a.jats.xml")))
    assert (where, message) == (str(HARBOUR), "internal error: RuntimeError: a writer's bug")
