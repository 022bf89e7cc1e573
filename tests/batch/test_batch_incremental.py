"""Reruns: unchanged briefs are skipped, changed ones (brief, figure, style, format, a missing
output) rebuilt, and outputs of deleted briefs reported, then removed with ``--prune``."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

import briefexport
from briefexport.batch.freshness import style_digest
from briefexport.batch.jobs import ExportSettings
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.batch.plan import run_settings
from support.batch import BROKEN, GOOD, BatchRun, add_rule, copied_style, prepend


def modification_times(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_a_rerun_skips_unchanged_briefs_and_retries_broken_ones(batch: BatchRun, out: Path) -> None:
    batch("--to", "jats,html")
    before = modification_times(out)
    status, stderr, report = batch("--to", "jats,html")
    assert (report["converted"], report["up_to_date"]) == ([], GOOD)
    assert [failure["source"] for failure in report["failed"]] == [BROKEN]
    assert status == 2
    assert "converted 0, up to date 3, failed 1 of 4 briefs" in stderr
    after = modification_times(out)
    assert {path: after[path] for path in before if path.name != MANIFEST_NAME} == {
        path: time for path, time in before.items() if path.name != MANIFEST_NAME
    }


def test_a_changed_brief_is_rebuilt_alone(batch: BatchRun, collection: Path, out: Path) -> None:
    batch("--to", "jats")
    copy = collection / GOOD[2]
    copy.write_text(copy.read_text().replace("Harbours under pressure", "Harbours under strain"))
    _, _, report = batch("--to", "jats")
    assert report["converted"] == [GOOD[2]]
    assert "Harbours under strain" in (out / "reports/2026/harbour-copy.jats.xml").read_text()


def test_a_changed_figure_rebuilds_the_brief_that_uses_it(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats")
    figure = collection / "figures" / "heat-calls.png"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "purple").save(buffer, format="PNG")
    figure.write_bytes(buffer.getvalue())
    _, _, report = batch("--to", "jats")
    assert report["converted"] == ["feature-tour.xml"]
    assert (out / "figures" / "heat-calls.png").read_bytes() == buffer.getvalue()


def test_a_changed_style_rebuilds_everything(batch: BatchRun, tmp_path: Path) -> None:
    style = copied_style(tmp_path / "style")
    batch("--to", "html", "--style", str(style))
    _, _, same = batch("--to", "html", "--style", str(style))
    assert same["up_to_date"] == GOOD
    add_rule(style / "common.css")
    _, _, changed = batch("--to", "html", "--style", str(style))
    assert changed["converted"] == GOOD


def test_an_edited_stylesheet_rebuilds_only_the_formats_that_use_it(
    batch: BatchRun, collection: Path, tmp_path: Path
) -> None:
    (collection / BROKEN).unlink()
    style = copied_style(tmp_path / "style")
    batch("--to", "jats,html,docx", "--style", str(style))
    add_rule(style / "html.css")
    _, _, changed = batch("--to", "jats,html,docx", "--style", str(style), "-v")
    assert changed["converted"] == GOOD
    assert set(changed["reasons"].values()) == {"to html (style changed)"}
    (style / "brand-notes.txt").write_text("a file the style folder did not have\n")
    _, _, everything = batch("--to", "jats,html,docx", "--style", str(style), "-n")
    assert set(everything["reasons"].values()) == {"to jats, html, docx (style changed)"}


def test_a_new_format_is_built_without_touching_the_others(batch: BatchRun, out: Path) -> None:
    batch("--to", "jats")
    jats_times = {
        path: time
        for path, time in modification_times(out).items()
        if path.name.endswith(".jats.xml")
    }
    _, _, report = batch("--to", "jats,markdown")
    assert report["converted"] == GOOD
    assert (out / "harbour-resilience.md").is_file()
    assert {path: path.stat().st_mtime_ns for path in jats_times} == jats_times


def test_a_missing_output_is_rebuilt_and_force_rebuilds_all(batch: BatchRun, out: Path) -> None:
    batch("--to", "html")
    (out / "harbour-resilience.html").unlink()
    _, _, report = batch("--to", "html")
    assert report["converted"] == ["harbour-resilience.xml"]
    _, _, forced = batch("--to", "html", "--force")
    assert forced["converted"] == GOOD


def test_the_manifest_records_hashes_style_and_version(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats")
    records = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    record = records["feature-tour.jats.xml"]
    brief_bytes = (collection / "feature-tour.xml").read_bytes()
    figure_bytes = (collection / "figures" / "heat-calls.png").read_bytes()
    assert record["brief"] == hashlib.sha256(brief_bytes).hexdigest()
    assert record["figures"] == {"figures/heat-calls.png": hashlib.sha256(figure_bytes).hexdigest()}
    assert record["version"] == briefexport.__version__
    assert len(record["style"]) == 64
    assert record["files"] == ["feature-tour.jats.xml", "figures/heat-calls.png"]
    assert sorted(records) == [
        "feature-tour.jats.xml",
        "harbour-resilience.jats.xml",
        "reports/2026/harbour-copy.jats.xml",
    ]


def test_outputs_of_deleted_briefs_are_reported_then_pruned(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats,html")
    (collection / GOOD[2]).unlink()
    status, stderr, report = batch("--to", "jats,html")
    orphans = ["reports/2026/harbour-copy.html", "reports/2026/harbour-copy.jats.xml"]
    assert status == 2  # the broken brief; outputs of deleted briefs change nothing
    assert report["orphaned"] == orphans
    assert report["pruned"] == []
    assert all((out / name).is_file() for name in orphans)
    assert "reports/2026/harbour-copy.html: its brief no longer exists; kept (use --prune" in stderr
    _, stderr, pruned = batch("--to", "jats,html", "--prune")
    assert pruned["pruned"] == orphans
    assert not (out / "reports").exists()
    records = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert not [name for name in records if name.startswith("reports/")]
    _, _, again = batch("--to", "jats,html")
    assert again["orphaned"] == []


def test_pruning_keeps_figures_another_output_still_uses(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    shutil.copy(collection / "feature-tour.xml", collection / "tour-copy.xml")
    batch("--to", "jats")
    (collection / "feature-tour.xml").unlink()
    _, _, report = batch("--to", "jats", "--prune")
    assert report["pruned"] == ["feature-tour.jats.xml"]
    assert (out / "figures" / "heat-calls.png").is_file()
    (collection / "tour-copy.xml").unlink()
    _, _, last = batch("--to", "jats", "--prune")
    assert last["pruned"] == ["figures/heat-calls.png", "tour-copy.jats.xml"]
    assert not (out / "figures").exists()


def test_a_stylesheet_that_imports_another_formats_counts_it(
    batch: BatchRun, collection: Path, out: Path, tmp_path: Path
) -> None:
    (collection / BROKEN).unlink()
    style = copied_style(tmp_path / "style")
    prepend(style / "html.css", '@import "epub.css";')
    batch("--to", "jats,html", "--style", str(style))
    add_rule(style / "epub.css")
    _, _, changed = batch("--to", "jats,html", "--style", str(style))
    assert changed["reasons"] == dict.fromkeys(GOOD, "to html (style changed)")


def test_naming_a_default_option_records_the_same_as_leaving_it_out() -> None:
    spelled_out = ExportSettings(pdf_standard="pdf/a-3b", pdf_engine="weasyprint", paper="A4")
    assert run_settings(spelled_out)[0].options == run_settings(ExportSettings())[0].options


def test_a_house_stylesheet_that_imports_a_formats_makes_it_count_for_all(
    batch: BatchRun, collection: Path, tmp_path: Path
) -> None:
    (collection / BROKEN).unlink()
    style = copied_style(tmp_path / "style")
    (style / "house.css").write_text('@import "epub.css";\n')
    prepend(style / "html.css", '@import "house.css";')
    batch("--to", "jats,html", "--style", str(style))
    add_rule(style / "epub.css")
    _, _, changed = batch("--to", "jats,html", "--style", str(style), "-n")
    assert set(changed["reasons"].values()) == {"to jats, html (style changed)"}


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ('@import "p\\64 f.css";', "pdf.css"),  # a CSS escape
        ('@import "pdf%2Ecss";', "pdf.css"),  # percent-encoding
        ('@import "EPUB.CSS";', "epub.css"),  # another case
        ('@import "extra.inc";', "epub.css"),  # through a file of any name
    ],
)
def test_a_format_stylesheet_named_in_any_spelling_counts(
    importer: str, imported: str, tmp_path: Path
) -> None:
    style = copied_style(tmp_path / "style")
    (style / "extra.inc").write_text('@import "epub.css";\n')
    prepend(style / "html.css", importer)
    before = style_digest(run_settings(ExportSettings(style_dir=style))[0], "html")
    add_rule(style / imported)
    assert style_digest(run_settings(ExportSettings(style_dir=style))[0], "html") != before


def test_font_folders_outside_the_style_and_linked_ones_count(tmp_path: Path) -> None:
    style, outside, linked = (
        copied_style(tmp_path / "style"),
        tmp_path / "fonts",
        tmp_path / "more-fonts",
    )
    outside.mkdir()
    linked.mkdir()
    (style / "linked").symlink_to(linked, target_is_directory=True)
    brand = style / "brand.toml"
    brand.write_text(brand.read_text().replace("[fonts]\n", f'[fonts]\nfolders = ["{outside}"]\n'))
    digests = [style_digest(run_settings(ExportSettings(style_dir=style))[0], "pdf")]
    for folder in (outside, linked):
        (folder / "Probe-Regular.ttf").write_bytes(b"not really a font")
        digests.append(style_digest(run_settings(ExportSettings(style_dir=style))[0], "pdf"))
    assert len(set(digests)) == 3
