"""``--dry-run``: which briefs a run would convert, to which formats and why, with nothing
written; a real run's ``-v`` gives the same reasons."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from PIL import Image

from briefexport.batch.manifest import MANIFEST_NAME
from support.batch import BROKEN, GOOD, BatchRun, copied_style, python_output
from support.paths import IMPORT_DATA


def contents(folder: Path) -> dict[Path, tuple[bytes, int]]:
    """Every file below ``folder`` with its bytes and modification time."""
    return {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_a_dry_run_lists_every_brief_as_new_and_writes_nothing(batch: BatchRun, out: Path) -> None:
    status, errors, report = batch("--to", "jats,html", "--dry-run")
    assert not out.exists()
    assert report["dry_run"] is True
    assert report["converted"] == []
    assert report["reasons"] == dict.fromkeys([*GOOD, BROKEN], "to jats, html (new)")
    assert "would convert 4, up to date 0, failed 0 of 4 briefs" in errors
    assert f"{GOOD[0]}: would convert to jats, html (new)" in errors
    assert status == 0


def test_each_reason_for_rebuilding_is_named(
    batch: BatchRun, collection: Path, out: Path, tmp_path: Path
) -> None:
    (collection / BROKEN).unlink()
    batch("--to", "jats,html")
    copy = collection / GOOD[2]
    copy.write_text(copy.read_text().replace("Harbours under pressure", "Harbours under strain"))
    picture = io.BytesIO()
    Image.new("RGB", (30, 10), "teal").save(picture, format="PNG")
    (collection / "figures" / "heat-calls.png").write_bytes(picture.getvalue())
    (out / "harbour-resilience.html").unlink()
    before = contents(out)
    _, _, report = batch("--to", "jats,html,markdown", "-n")
    assert report["reasons"] == {
        "feature-tour.xml": "to jats, html (figure changed: figures/heat-calls.png);"
        " to markdown (new)",
        "harbour-resilience.xml": "to html (output missing); to markdown (new)",
        GOOD[2]: "to jats, html (brief changed); to markdown (new)",
    }
    assert contents(out) == before


def test_changed_settings_and_version_are_named(
    batch: BatchRun, collection: Path, out: Path, tmp_path: Path
) -> None:
    (collection / BROKEN).unlink()
    batch("--to", "jats")
    style = copied_style(tmp_path / "style")
    (style / "extra.css").write_text("p { color: black; }\n")
    _, _, restyled = batch("--to", "jats", "-n", "--style", str(style))
    assert set(restyled["reasons"].values()) == {"to jats (style changed)"}
    batch("--to", "html")
    _, _, repapered = batch("--to", "jats,html", "-n", "--paper", "Letter", "--no-smart")
    # the paper changes only PDFs, the typography HTML but not the archival JATS
    assert set(repapered["reasons"].values()) == {"to html (options changed: --no-smart)"}
    manifest = out / MANIFEST_NAME
    data = json.loads(manifest.read_text())
    data["outputs"]["feature-tour.jats.xml"]["version"] = "0.0.1"
    manifest.write_text(json.dumps(data))
    _, _, reversioned = batch("--to", "jats", "-n")
    assert reversioned["reasons"] == {"feature-tour.xml": "to jats (made by briefexport 0.0.1)"}
    _, _, forced = batch("--to", "jats", "-n", "--force")
    assert set(forced["reasons"].values()) == {"to jats (forced)"}


def test_a_dry_run_with_prune_names_what_it_would_remove_and_removes_nothing(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats")
    (collection / GOOD[2]).unlink()
    before = contents(out)
    status, errors, report = batch("--to", "jats", "-n", "--prune")
    assert "reports/2026/harbour-copy.jats.xml: its brief no longer exists; would be removed" in (
        errors
    )
    assert (report["orphaned"], report["pruned"]) == (["reports/2026/harbour-copy.jats.xml"], [])
    assert contents(out) == before
    assert status == 0


def test_a_clash_makes_a_dry_run_fail_as_the_run_would(batch: BatchRun, collection: Path) -> None:
    shutil.copy(IMPORT_DATA / "ferry-brief.md", collection / "harbour-resilience.md")
    status, _, report = batch("--to", "jats", "-n", "--import")
    assert [failure["source"] for failure in report["failed"]] == ["harbour-resilience.md"]
    assert status == 2


def test_a_real_run_names_its_reasons_with_verbose(batch: BatchRun, collection: Path) -> None:
    batch("--to", "jats")
    _, errors, report = batch("--to", "jats,html", "-v")
    assert report["dry_run"] is False
    assert f"{GOOD[0]}: converted to html (new)" in errors


def test_a_dry_run_starts_no_worker(collection: Path, tmp_path: Path) -> None:
    script = f"""
from multiprocessing import forkserver
from briefexport.batch import RunOptions, convert_collection
convert_collection({str(collection)!r}, {str(tmp_path / "out")!r}, ["jats"], RunOptions(dry_run=True))
print(forkserver._forkserver._forkserver_pid)
"""
    assert python_output(script).strip() == "None"
