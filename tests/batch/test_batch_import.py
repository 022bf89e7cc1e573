"""``--import``: Markdown and extracted-text briefs are imported on the way; name clashes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image

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


FRONT = """---
title: A short note
authors: [Jane Doe]
affiliations: [{id: aff1, institution: Some Institute}]
date: 2025-01-02
publisher: Some Institute
series: Note
---
"""


def line_and_column(text: str, needle: str) -> str:
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def test_writer_warnings_about_imported_briefs_point_into_the_source(
    batch: BatchRun, collection: Path
) -> None:
    drafts = collection / "drafts"
    drafts.mkdir()
    image = io.BytesIO()
    Image.new("RGB", (4, 4), "olive").save(image, "WEBP")
    (drafts / "chart.webp").write_bytes(image.getvalue())
    markdown = FRONT + "\nOpening words.\n\n## Walls\n\nThey hold.\n\n![A chart](chart.webp)\n"
    (drafts / "note.md").write_text(markdown, encoding="utf-8")
    extracted = (IMPORT_DATA / "extracted-brief.txt").read_text(encoding="utf-8")
    extracted = extracted.replace("old reservoirs", "old \ufdd0 reservoirs")
    (drafts / "extracted.txt").write_text(extracted, encoding="utf-8")
    _, _, report = batch("--to", "docx,html", "--import", "-v")
    warnings = report["warnings"]
    md, txt = drafts / "note.md", drafts / "extracted.txt"
    assert (
        f"{md}:{line_and_column(markdown, '![A chart]')}: warning: docx: image chart.webp cannot"
        " be shown in Word; alt text instead"
    ) in warnings
    assert (
        f"{txt}:{line_and_column(extracted, chr(0xFDD0))}: warning: HTML cannot carry U+FDD0;"
        " replaced by U+FFFD"
    ) in warnings


def test_a_new_series_rebuilds_only_the_imported_briefs(batch: BatchRun, collection: Path) -> None:
    add_sources(collection)
    batch("--to", "jats", "--import", "--series", "Working Paper")
    _, _, report = batch("--to", "jats", "--import", "--series", "Policy Note", "-n")
    assert set(report["reasons"]) == {"drafts/ferry-brief.md", "drafts/extracted-brief.txt"} | {
        "reports/broken.xml"
    }
    assert report["reasons"]["drafts/ferry-brief.md"] == "to jats (options changed: --series)"
