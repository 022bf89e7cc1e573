"""A brief or figure larger than the reader takes is refused from its size, unread: a batch
does not hash it first. The large files are sparse, so they cost no disk."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch import digests
from briefexport.batch.jobs import INVALID, ExportSettings, Job, run_job
from briefexport.errors import InvalidBriefError
from briefexport.importers import import_source
from briefexport.reader import read_brief
from briefexport.resources import MAX_IMAGE_BYTES
from briefexport.shared.limits import MAX_INPUT_BYTES, MAX_SOURCE_BYTES
from support.batch import BROKEN, GOOD, BatchRun

LARGEST = {"xml": MAX_INPUT_BYTES, "markdown": MAX_SOURCE_BYTES, "text": MAX_SOURCE_BYTES}
SUFFIX = {"xml": ".xml", "markdown": ".md", "text": ".txt"}


def grown(path: Path, size: int) -> Path:
    """``path`` made ``size`` bytes long with a hole (zeros no disk holds)."""
    with path.open("ab") as stream:
        stream.truncate(size)
    return path


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the files hashed in this process from now on: a file is hashed from one read
    (``digests.bytes_digest``) or, when large, as a stream (``hashlib.file_digest``)."""
    sizes: list[int] = []
    real_stream, real_bytes = hashlib.file_digest, digests.bytes_digest

    def stream_spy(stream: io.BufferedReader, digest: Any) -> Any:
        sizes.append(os.fstat(stream.fileno()).st_size)
        return real_stream(stream, digest)

    def bytes_spy(data: bytes) -> str:
        sizes.append(len(data))
        return real_bytes(data)

    monkeypatch.setattr(hashlib, "file_digest", stream_spy)
    monkeypatch.setattr(digests, "bytes_digest", bytes_spy)
    return sizes


def refusal(path: Path, kind: str) -> list[str]:
    """The errors reading or importing ``path`` gives."""
    with pytest.raises(InvalidBriefError) as caught:
        read_brief(path) if kind == "xml" else import_source(path, kind)
    return [str(diagnostic) for diagnostic in caught.value.diagnostics]


@pytest.mark.parametrize("kind", ["xml", "markdown", "text"])
def test_a_brief_too_large_to_read_is_refused_as_the_reader_refuses_it_unhashed(
    tmp_path: Path, hashed: list[int], kind: str
) -> None:
    huge = grown(tmp_path / f"huge{SUFFIX[kind]}", LARGEST[kind] + 1)
    expected = refusal(huge, kind)
    assert len(expected) == 1
    assert expected[0].startswith(f"{huge}:1:1: error: ")
    job = Job(huge, huge.name, kind, (("html", tmp_path / "huge.html"),), ExportSettings())
    result = run_job(job)
    assert (result.status, list(result.errors)) == (INVALID, expected)
    assert hashed == []
    assert not (tmp_path / "huge.html").exists()


def test_a_brief_of_the_largest_size_read_is_hashed(tmp_path: Path, hashed: list[int]) -> None:
    brief = grown(tmp_path / "largest.xml", MAX_INPUT_BYTES)
    job = Job(brief, brief.name, "xml", (("html", tmp_path / "largest.html"),), ExportSettings())
    result = run_job(job)
    assert result.status == INVALID  # zeros are not XML: the reader read the file
    assert "are refused" not in result.errors[0]
    assert hashed == [MAX_INPUT_BYTES]


def test_a_grown_brief_or_figure_is_stale_without_being_hashed(
    batch: BatchRun, collection: Path, hashed: list[int]
) -> None:
    batch("--to", "html")
    grown(collection / "harbour-resilience.xml", MAX_INPUT_BYTES + 1)
    grown(collection / "figures" / "heat-calls.png", MAX_IMAGE_BYTES + 2)
    hashed.clear()
    status, _, report = batch("--to", "html", "--dry-run")
    assert report["reasons"] == {
        "feature-tour.xml": "to html (figure changed: figures/heat-calls.png)",
        "harbour-resilience.xml": "to html (brief changed)",
        BROKEN: "to html (new)",
    }
    assert not {MAX_INPUT_BYTES + 1, MAX_IMAGE_BYTES + 2} & set(hashed)
    assert max(hashed) <= MAX_INPUT_BYTES
    assert status == 0


def test_a_run_reports_a_brief_too_large_at_its_start(batch: BatchRun, collection: Path) -> None:
    huge = grown(collection / "reports" / "huge.xml", MAX_INPUT_BYTES + 1)
    status, errors, report = batch("--to", "jats")
    limit = MAX_INPUT_BYTES // 2**20
    line = f"{huge}:1:1: error: file is {MAX_INPUT_BYTES + 1} bytes; briefs over {limit} MiB are refused"
    assert line in errors.splitlines()
    failed = {item["source"]: item["errors"] for item in report["failed"]}
    assert failed["reports/huge.xml"] == [line]
    assert set(GOOD) <= set(report["converted"])
    assert status == 2
