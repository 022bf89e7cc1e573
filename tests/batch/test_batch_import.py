"""``--import``: Markdown and extracted-text briefs are imported on the way; name clashes."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.batch import BatchRun
from support.paths import IMPORT_DATA


def add_sources(collection: Path) -> None:
    drafts = collection / "drafts"
    drafts.mkdir()
    shutil.copy(IMPORT_DATA / "ferry-brief.md", drafts)
    shutil.copytree(IMPORT_DATA / "figures", drafts / "figures")
    shutil.copy(IMPORT_DATA / "extracted-brief.txt", drafts)


def test_markdown_and_text_are_ignored_without_import(batch: BatchRun, collection: Path) -> None:
    add_sources(collection)
    _, _, report = batch("--to", "jats")
    assert report["briefs"] == 4
    assert not [name for name in report["converted"] if name.startswith("drafts/")]


def test_import_converts_markdown_and_extracted_text(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    add_sources(collection)
    _, _, report = batch("--to", "jats,markdown", "--import", "--series", "Working Paper")
    assert {"drafts/ferry-brief.md", "drafts/extracted-brief.txt"} <= set(report["converted"])
    ferry = (out / "drafts" / "ferry-brief.jats.xml").read_text()
    assert "Keeping the <italic>island ferries</italic> afloat" in ferry
    assert (out / "drafts" / "ferry-brief.md").is_file()
    assert (out / "drafts" / "figures" / "ferry-load.png").is_file()
    assert "Working Paper" in (out / "drafts" / "extracted-brief.jats.xml").read_text()
    _, _, again = batch("--to", "jats,markdown", "--import", "--series", "Working Paper")
    assert "drafts/ferry-brief.md" in again["up_to_date"]


def test_a_brief_whose_outputs_would_replace_anothers_is_an_error(
    batch: BatchRun, collection: Path
) -> None:
    shutil.copy(IMPORT_DATA / "ferry-brief.md", collection / "harbour-resilience.md")
    shutil.copytree(IMPORT_DATA / "figures", collection / "figures", dirs_exist_ok=True)
    status, _, report = batch("--to", "jats", "--import")
    clash = [item for item in report["failed"] if item["source"] == "harbour-resilience.md"]
    assert status == 2
    assert clash
    assert "would replace those of harbour-resilience.xml" in clash[0]["errors"][0]
    assert "harbour-resilience.xml" in report["converted"]
