"""A collection with good and broken briefs: outputs, summary, exit status and report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import briefexport
from briefexport.batch import ExportSettings, convert_collection
from briefexport.cli import main
from briefexport.errors import InvalidStyleError
from support.batch import BROKEN, GOOD, BatchRun, copied_style

LOCATED_ERROR = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+)$")


def test_good_briefs_are_converted_and_the_broken_one_is_reported(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    status, stderr, report = batch("--to", "jats,html", "-j", "2")
    assert status == 2  # an invalid brief
    assert report["converted"] == GOOD
    assert report["briefs"] == 4
    assert [failure["source"] for failure in report["failed"]] == [BROKEN]
    errors = report["failed"][0]["errors"]
    located = [LOCATED_ERROR.match(line) for line in errors]
    assert errors
    assert all(located)
    assert {Path(match["file"]).name for match in located if match} == {"broken.xml"}
    assert any("fn99" in line for line in errors)
    for line in errors:
        assert line in stderr.splitlines()
    assert stderr.splitlines()[-1].startswith("converted 3, up to date 0, failed 1 of 4 briefs")
    assert report["exit_status"] == 2


def test_outputs_mirror_the_tree_and_equal_single_exports(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats,html", "-j", "2")
    for relative in GOOD:
        stem = relative.removesuffix(".xml")
        for fmt, suffix in (("jats", ".jats.xml"), ("html", ".html")):
            produced = out / f"{stem}{suffix}"
            expected = out.parent / "single" / produced.name
            briefexport.export(briefexport.load(collection / relative), fmt, expected)
            assert produced.read_bytes() == expected.read_bytes(), produced
    assert not list(out.glob("reports/broken.*"))
    figure = collection / "figures" / "heat-calls.png"
    assert (out / "figures" / "heat-calls.png").read_bytes() == figure.read_bytes()


def test_a_collection_of_good_briefs_exits_zero(batch: BatchRun, collection: Path) -> None:
    (collection / BROKEN).unlink()
    status, stderr, report = batch("--to", "markdown", "-j", "1")
    assert status == 0
    assert report["failed"] == []
    assert report["converted"] == GOOD
    assert stderr.splitlines()[-1].startswith("converted 3, up to date 0, failed 0 of 3 briefs")


def test_an_output_that_cannot_be_written_is_status_1_and_the_rest_goes_on(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    (collection / BROKEN).unlink()
    out.mkdir()
    (out / "reports").write_text("a file where the output folder should be\n")
    status, _, report = batch("--to", "jats", "-j", "2")
    assert status == 1
    assert [failure["source"] for failure in report["failed"]] == ["reports/2026/harbour-copy.xml"]
    assert report["failed"][0]["reason"] == "output"
    assert "cannot write jats" in report["failed"][0]["errors"][0]
    assert report["converted"] == GOOD[:2]
    assert (out / "harbour-resilience.jats.xml").is_file()


def test_usage_errors_are_status_2(tmp_path: Path, collection: Path) -> None:
    out = str(tmp_path / "out")
    assert main(["batch", str(collection), "--to", "nonsense", "-o", out]) == 2
    assert main(["batch", str(tmp_path / "missing"), "--to", "jats", "-o", out]) == 2
    assert main(["batch", str(collection), "--to", "jats", "-o", str(collection)]) == 2
    assert main(["batch", str(collection), "--to", "jats", "-o", out, "-j", "0"]) == 2
    assert not (tmp_path / "out").exists()


def test_the_output_folder_inside_the_collection_is_not_searched(collection: Path) -> None:
    (collection / BROKEN).unlink()
    site = collection / "site"
    assert main(["batch", str(collection), "--to", "jats", "-o", str(site), "-q"]) == 0
    # the .jats.xml outputs are .xml files; a second run must not take them for briefs
    report = site.parent / "report.json"
    assert (
        main(["batch", str(collection), "--to", "jats", "-o", str(site), "--report", str(report)])
        == 0
    )
    assert '"briefs": 3' in report.read_text()


def test_hidden_files_and_folders_are_skipped(batch: BatchRun, collection: Path) -> None:
    (collection / ".drafts").mkdir()
    (collection / ".drafts" / "draft.xml").write_text("<not-a-brief/>")
    (collection / ".hidden.xml").write_text("<not-a-brief/>")
    _, _, report = batch("--to", "jats")
    assert report["briefs"] == 4


def test_an_unusable_style_stops_the_run_before_any_work(tmp_path: Path, collection: Path) -> None:
    style = copied_style(tmp_path / "style")
    (style / "brand.toml").write_text("[colours\n")
    out = tmp_path / "out"
    assert (
        main(["batch", str(collection), "--to", "jats", "-o", str(out), "--style", str(style)]) == 2
    )
    assert not out.exists()
    with pytest.raises(InvalidStyleError):
        convert_collection(collection, out, ["jats"], export=ExportSettings(style_dir=style))
    assert not out.exists()
