"""What a batch takes for a brief: briefexport's own outputs inside the collection are skipped
and reported, and a collection with nothing but Markdown says that ``--import`` converts it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefexport.batch.digests import file_digest
from briefexport.batch.discovery import discover
from briefexport.cli import main
from briefexport.shared.paths import lies_within
from support.batch import BROKEN, GOOD, BatchRun
from support.paths import IMPORT_DATA
from support.skips import skipif_platform


def export_beside(brief: Path, formats: str) -> None:
    """A single-file export, which writes its outputs beside the brief."""
    assert main([str(brief), "--to", formats, "-q"]) == 0


def test_archival_jats_beside_its_brief_is_skipped_not_a_clash(
    batch: BatchRun, collection: Path
) -> None:
    export_beside(collection / "harbour-resilience.xml", "jats,html")
    # "harbour-resilience.jats.xml" sorts first: it must not take the brief's place
    status, errors, report = batch("--to", "docx", "-v")
    assert report["skipped"] == {
        "harbour-resilience.jats.xml": "the archival JATS of harbour-resilience.xml"
    }
    assert "harbour-resilience.xml" in report["converted"]
    assert report["briefs"] == len(GOOD) + 1
    assert [failure["source"] for failure in report["failed"]] == [BROKEN]
    assert status == 2
    assert "harbour-resilience.jats.xml: the archival JATS of harbour-resilience.xml" in errors


def test_archival_jats_without_its_brief_is_a_brief(batch: BatchRun, collection: Path) -> None:
    export_beside(collection / "harbour-resilience.xml", "jats")
    archived = collection / "archive"
    archived.mkdir()
    (collection / "harbour-resilience.jats.xml").rename(archived / "harbour-resilience.jats.xml")
    _, _, report = batch("--to", "html")
    assert "archive/harbour-resilience.jats.xml" in report["converted"]
    assert report["skipped"] == {}


def test_the_output_folder_of_another_run_is_skipped(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    published = collection / "reports" / "published"
    assert main(["batch", str(collection), "--to", "jats", "-o", str(published), "-q"]) == 2
    _, errors, report = batch("--to", "html")
    assert report["skipped"] == {"reports/published/": "the output folder of another batch run"}
    assert report["briefs"] == len(GOOD) + 1
    assert not (out / "reports" / "published").exists()
    assert "skipped 1 file (-v says why)" in errors


def test_the_collection_folder_itself_is_searched_even_when_it_is_an_output_folder(
    tmp_path: Path, collection: Path
) -> None:
    (collection / BROKEN).unlink()
    first, second = tmp_path / "archive", tmp_path / "web"
    assert main(["batch", str(collection), "--to", "jats", "-o", str(first), "-q"]) == 0
    assert main(["batch", str(first), "--to", "html", "-o", str(second), "-q"]) == 0
    assert sorted(path.name for path in second.rglob("*.html")) == sorted(
        Path(name).with_suffix(".html").name for name in GOOD
    )


def test_a_folder_of_markdown_without_import_says_how_to_convert_it(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(IMPORT_DATA / "ferry-brief.md", drafts)
    shutil.copy(IMPORT_DATA / "extracted-brief.txt", drafts)
    found = discover(drafts, tmp_path / "out", import_sources=False)
    assert (found.sources, found.importable) == ([], 2)
    assert discover(drafts, tmp_path / "out", import_sources=True).importable == 0


def test_the_hint_about_import_is_printed_only_when_no_brief_was_found(
    tmp_path: Path, collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(IMPORT_DATA / "ferry-brief.md", drafts)
    for folder in (drafts, collection):
        shutil.copy(IMPORT_DATA / "extracted-brief.txt", folder)
    assert main(["batch", str(drafts), "--to", "jats", "-o", str(tmp_path / "a")]) == 0
    assert main(["batch", str(collection), "--to", "jats", "-o", str(tmp_path / "b")]) == 2
    errors = capsys.readouterr().err
    assert errors.count("--import converts") == 1
    assert "2 Markdown or text files left out (--import converts them)" in errors


@skipif_platform(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_as_a_brief_is_refused_without_waiting(
    batch: BatchRun, collection: Path
) -> None:
    os.mkfifo(collection / "pipe.xml")
    status, errors, report = batch("--to", "jats")
    assert f"{collection / 'pipe.xml'}:1:1: error: not a regular file" in errors
    assert "pipe.xml" in [failure["source"] for failure in report["failed"]]
    assert set(GOOD) <= set(report["converted"])
    assert status == 2
    with pytest.raises(OSError, match="not a regular file"):
        file_digest(collection / "pipe.xml")


def test_linked_briefs_are_refused_with_a_located_error(
    batch: BatchRun, collection: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(collection / "harbour-resilience.xml", outside / "elsewhere.xml")
    (collection / "out-link.xml").symlink_to(outside / "elsewhere.xml")
    (collection / "in-link.xml").symlink_to("feature-tour.xml")
    (collection / "dangling.xml").symlink_to("nowhere.xml")
    _, errors, report = batch("--to", "jats")
    refused = {"out-link.xml", "in-link.xml", "dangling.xml"}
    assert refused <= {failure["source"] for failure in report["failed"]}
    assert not refused & set(report["converted"])
    for name in refused:
        assert f"{collection / name}:1:1: error: a symbolic link" in errors


def test_markdown_without_front_matter_is_no_brief_even_with_import(
    batch: BatchRun, collection: Path
) -> None:
    (collection / "draft.md").write_text("# Thoughts\n\nNot yet a brief.\n")
    (collection / "README.md").write_text("# Our briefs\n\nEvery brief of 2026.\n")
    (collection / "LICENSE.txt").write_text("All rights reserved.\n")
    notes = (IMPORT_DATA / "ferry-brief.md").read_bytes()
    (collection / "notes.md").write_bytes(b"\xef\xbb\xbf" + notes)
    shutil.copytree(IMPORT_DATA / "figures", collection / "figures", dirs_exist_ok=True)
    status, errors, report = batch("--to", "jats", "--import", "-v")
    project_file = "a README, licence or similar file, not a brief"
    assert report["skipped"] == {
        "LICENSE.txt": project_file,
        "README.md": project_file,
        "draft.md": "Markdown without front matter (a README?), not a brief",
    }
    assert "notes.md" in report["converted"]
    assert [failure["source"] for failure in report["failed"]] == [BROKEN]
    assert errors.splitlines()[-1].endswith("; skipped 3 files")  # no hint to use -v: it was
    assert status == 2  # the collection's broken brief alone


def test_the_archival_jats_of_an_upper_case_brief_is_skipped_too(
    batch: BatchRun, collection: Path
) -> None:
    shouting = collection / "SHOUTING.XML"
    (collection / "harbour-resilience.xml").rename(shouting)
    export_beside(shouting, "jats")
    assert (collection / "SHOUTING.jats.xml").is_file()
    _, _, report = batch("--to", "html")
    assert report["skipped"] == {"SHOUTING.jats.xml": "the archival JATS of SHOUTING.XML"}
    assert "SHOUTING.XML" in report["converted"]


def test_an_output_folder_is_recognised_under_another_spelling(tmp_path: Path) -> None:
    collection = tmp_path / "briefs"
    (collection / "site").mkdir(parents=True)
    alias = tmp_path / "alias"
    alias.symlink_to(collection / "site")
    assert lies_within(alias, collection)
    assert lies_within(collection / "site" / "new" / "deeper", collection)
    assert not lies_within(collection, collection / "site")
    assert not lies_within(tmp_path / "elsewhere", collection)


def test_a_linked_folder_is_listed_as_not_followed(
    batch: BatchRun, collection: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(collection / "harbour-resilience.xml", elsewhere / "far.xml")
    (collection / "linked").symlink_to(elsewhere, target_is_directory=True)
    _, errors, report = batch("--to", "jats")
    assert report["skipped"] == {"linked/": "a linked folder, not followed"}
    assert "linked/far.xml" not in report["converted"]
    assert "skipped 1 file (-v says why)" in errors
