"""``--prune`` removes only outputs of briefs that are really gone, and never anything outside
the output folder; a manifest of the wrong shape is a warning, never a crash."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from briefexport.batch.manifest import MANIFEST_NAME, Manifest, OutputRecord
from briefexport.batch.prune import prune
from support.batch import BROKEN, GOOD, BatchRun
from support.paths import IMPORT_DATA


def edit_manifest(out: Path, change: Any) -> None:
    path = out / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_prune_never_removes_a_file_outside_the_output_folder(
    batch: BatchRun, out: Path, tmp_path: Path
) -> None:
    victims = [tmp_path / "victim" / "keep.txt", tmp_path / "victim2" / "sub" / "only.txt"]
    for victim in victims:
        victim.parent.mkdir(parents=True)
        victim.write_text("not ours")
    batch("--to", "jats")

    def point_outside(data: dict[str, Any]) -> None:
        record = dict(data["outputs"]["harbour-resilience.jats.xml"], source="gone.xml")
        record["files"] = ["../victim/keep.txt", str(victims[0]), "../victim2/sub/only.txt"]
        data["outputs"]["gone.jats.xml"] = record

    edit_manifest(out, point_outside)
    status, errors, report = batch("--to", "jats", "--prune", "-v")
    assert all(victim.is_file() for victim in victims)
    assert (report["orphaned"], report["pruned"]) == ([], [])
    assert f"{out / MANIFEST_NAME}:1:1: warning: left out 1 malformed records" in errors
    assert status == 2  # the broken brief alone


def test_a_manifest_of_the_wrong_shape_rebuilds_instead_of_crashing(
    batch: BatchRun, out: Path
) -> None:
    batch("--to", "jats")
    edit_manifest(
        out, lambda data: data["outputs"][GOOD[0].replace(".xml", ".jats.xml")].update(figures=[1])
    )
    _, _, one_bad = batch("--to", "jats")
    assert one_bad["converted"] == [GOOD[0]]
    edit_manifest(out, lambda data: data.update(outputs=[1]))
    status, _, all_bad = batch("--to", "jats")
    assert all_bad["converted"] == GOOD
    assert f"{out / MANIFEST_NAME}:1:1: warning: not a manifest (no outputs)" in all_bad["warnings"]
    assert status == 2


def test_a_brief_that_changes_kind_keeps_the_outputs_it_just_made(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    (collection / BROKEN).unlink()
    drafts = collection / "drafts"
    drafts.mkdir()
    shutil.copy(IMPORT_DATA / "ferry-brief.md", drafts / "ferry.md")
    shutil.copytree(IMPORT_DATA / "figures", drafts / "figures")
    batch("--to", "jats,html", "--import")
    (drafts / "ferry.md").unlink()
    shutil.copy(collection / "harbour-resilience.xml", drafts / "ferry.xml")
    _, _, planned = batch("--to", "jats,html", "--import", "--prune", "-n")
    assert planned["orphaned"] == []
    _, _, report = batch("--to", "jats,html", "--import", "--prune")
    assert (report["converted"], report["pruned"]) == (["drafts/ferry.xml"], [])
    assert (out / "drafts" / "ferry.html").is_file()
    assert (out / "drafts" / "ferry.jats.xml").is_file()


def test_prune_keeps_the_outputs_of_briefs_left_out_without_import(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    shutil.copy(IMPORT_DATA / "ferry-brief.md", collection / "ferry.md")
    shutil.copytree(IMPORT_DATA / "figures", collection / "figures", dirs_exist_ok=True)
    batch("--to", "jats", "--import")
    _, _, report = batch("--to", "jats", "--prune")
    assert (report["orphaned"], report["pruned"]) == ([], [])
    assert (out / "ferry.jats.xml").is_file()


def test_an_orphan_already_deleted_by_hand_is_reported_removed(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats,html")
    (collection / GOOD[2]).unlink()
    (out / GOOD[2].replace(".xml", ".html")).unlink()
    _, errors, _ = batch("--to", "jats,html", "--prune")
    assert "reports/2026/harbour-copy.html: its brief no longer exists; removed" in errors
    assert "kept" not in errors


def test_prune_itself_refuses_names_that_leave_the_folder(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside" / "kept.txt"
    (out / "sub").mkdir(parents=True)
    outside.parent.mkdir()
    outside.write_text("not ours")
    record = OutputRecord("gone.xml", "jats", "", {}, "1", "", {}, ["sub/../../outside/kept.txt"])
    manifest = Manifest(out, {"gone.jats.xml": record})
    pruned = prune(manifest, ["gone.jats.xml"])
    assert (pruned.removed, pruned.kept) == ([], ["gone.jats.xml"])
    assert pruned.problems == [
        f"{out / 'sub/../../outside/kept.txt'}:1:1: warning: not removed: it lies outside the"
        " output folder"
    ]
    assert outside.is_file()


def test_a_name_with_a_nul_character_is_left_out_not_a_crash(batch: BatchRun, out: Path) -> None:
    batch("--to", "jats")
    edit_manifest(
        out,
        lambda data: data["outputs"]["feature-tour.jats.xml"].update(
            figures={"figures/heat\u0000calls.png": "0" * 64}
        ),
    )
    status, _, report = batch("--to", "jats")
    assert report["converted"] == ["feature-tour.xml"]
    assert status == 2  # the broken brief alone


def test_an_output_that_cannot_be_removed_keeps_its_record_and_says_why(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats")
    (collection / GOOD[2]).unlink()
    stuck = out / "reports" / "2026" / "harbour-copy.jats.xml"
    stuck.unlink()
    stuck.mkdir()  # a folder in its place: removing it as a file fails
    (stuck / "keep").write_text("x")
    _, errors, report = batch("--to", "jats", "--prune", "-v")
    assert report["not_pruned"] == ["reports/2026/harbour-copy.jats.xml"]
    assert f"{stuck}:1:1: warning: cannot remove it:" in errors
    assert (
        "harbour-copy.jats.xml: its brief no longer exists; kept: a file of it could not" in errors
    )
    _, _, again = batch("--to", "jats")
    assert again["orphaned"] == ["reports/2026/harbour-copy.jats.xml"]


def renamed_by_case(batch: BatchRun, collection: Path) -> None:
    """Convert the collection, then rename one brief only in case (its old outputs orphaned)."""
    batch("--to", "jats")
    (collection / "harbour-resilience.xml").rename(collection / "Harbour-Resilience.xml")


def test_prune_leaves_a_file_that_is_a_live_output_under_a_name_alike_but_for_case(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    renamed_by_case(batch, collection)
    batch("--to", "jats")
    old, new = out / "harbour-resilience.jats.xml", out / "Harbour-Resilience.jats.xml"
    old.unlink()
    os.link(new, old)  # one file under both names, as a case-insensitive disk has it
    _, _, report = batch("--to", "jats", "--prune", "--dry-run")
    assert report["left_in_place"] == ["harbour-resilience.jats.xml"]
    _, errors, report = batch("--to", "jats", "--prune", "-v")
    assert report["orphaned"] == ["harbour-resilience.jats.xml"]
    assert report["pruned"] == []
    assert report["left_in_place"] == ["harbour-resilience.jats.xml"]
    assert (
        "harbour-resilience.jats.xml: its brief no longer exists; its file is a live output's"
        " too, by a name alike but for case: left in place"
    ) in errors.splitlines()
    assert old.is_file()
    assert new.is_file()
    _, _, report = batch("--to", "jats", "--prune")
    assert (report["orphaned"], report["converted"]) == ([], [])


def test_prune_removes_an_output_whose_name_differs_only_in_case_but_is_another_file(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    renamed_by_case(batch, collection)
    batch("--to", "jats")
    _, _, report = batch("--to", "jats", "--prune")
    assert report["pruned"] == ["harbour-resilience.jats.xml"]
    assert not (out / "harbour-resilience.jats.xml").exists()
    assert (out / "Harbour-Resilience.jats.xml").is_file()


def test_a_dry_run_says_a_file_the_run_would_make_anew_by_a_name_alike_is_left_in_place(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    renamed_by_case(batch, collection)
    old, new = out / "harbour-resilience.jats.xml", out / "Harbour-Resilience.jats.xml"
    os.link(old, new)  # one file under both names, as a case-insensitive disk has it
    _, _, report = batch("--to", "jats", "--prune", "--dry-run")
    assert report["orphaned"] == ["harbour-resilience.jats.xml"]
    assert report["left_in_place"] == ["harbour-resilience.jats.xml"]


def one_file(name: Path, live: Path) -> None:
    """Make ``name`` the file ``live`` is, as a disk that takes their names for one has it."""
    name.unlink()
    os.link(live, name)


def test_prune_leaves_a_figure_copy_that_is_a_live_figure_under_a_name_alike_but_for_case(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    batch("--to", "jats")
    tour = collection / "feature-tour.xml"
    text = tour.read_text(encoding="utf-8").replace(
        "figures/heat-calls.png", "Figures/heat-calls.png"
    )
    (collection / "tour.xml").write_text(text, encoding="utf-8")
    shutil.copytree(collection / "figures", collection / "Figures")
    tour.unlink()
    batch("--to", "jats")
    old, new = out / "figures" / "heat-calls.png", out / "Figures" / "heat-calls.png"
    one_file(old, new)
    _, _, planned = batch("--to", "jats", "--prune", "--dry-run")
    assert planned["left_in_place"] == ["figures/heat-calls.png"]
    _, errors, report = batch("--to", "jats", "--prune", "-v")
    assert (report["orphaned"], report["pruned"]) == (
        ["feature-tour.jats.xml"],
        ["feature-tour.jats.xml"],
    )
    assert report["left_in_place"] == ["figures/heat-calls.png"]
    assert (
        "figures/heat-calls.png: copied beside an output whose brief no longer exists; it is a"
        " live output's too, by a name alike but for case: left in place"
    ) in errors.splitlines()
    assert old.is_file()
    assert new.is_file()


def test_prune_leaves_a_file_that_is_a_live_output_under_a_name_alike_but_for_a_trailing_space(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    (collection / "notes ").mkdir()
    shutil.copy(collection / "harbour-resilience.xml", collection / "notes " / "a.xml")
    batch("--to", "jats")
    (collection / "notes ").rename(collection / "notes")
    batch("--to", "jats")
    old, new = out / "notes " / "a.jats.xml", out / "notes" / "a.jats.xml"
    one_file(old, new)
    _, _, report = batch("--to", "jats", "--prune")
    assert (report["orphaned"], report["pruned"]) == (["notes /a.jats.xml"], [])
    assert report["left_in_place"] == ["notes /a.jats.xml"]
    assert old.is_file()
