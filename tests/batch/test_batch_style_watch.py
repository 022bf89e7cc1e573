"""A style file edited during a run (and perhaps put back before the next) leaves no output
recorded as up to date that may have been made from the edit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from briefexport.batch import ExportSettings, RunOptions, convert_collection
from briefexport.batch.digests import folder_digests
from briefexport.batch.freshness import counted_by_run, style_digest
from briefexport.batch.jobs import JobResult
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.batch.plan import run_settings
from briefexport.batch.summary import Summary
from briefexport.batch.watch import TEMPLATE, SettingsWatch
from support.batch import SHORT, add_rule, copied_style, prepend

BRIEFS = [f"brief-{number}.xml" for number in range(1, 7)]


def every_file(_name: str) -> bool:
    return True


class EditingProgress:
    """A progress sink that edits ``sheet`` once the first brief is done and puts it back
    once the third is, as someone at work on the style might during a long run."""

    def __init__(self, sheet: Path) -> None:
        self.sheet = sheet
        self.original = sheet.read_bytes()
        self.finished: list[str] = []

    def start(self, total: int, up_to_date: int) -> None:
        pass

    def advance(self, result: JobResult) -> None:
        self.finished.append(result.relative)
        if len(self.finished) == 1:
            add_rule(self.sheet, "p { color: #c00; }")
        elif len(self.finished) == 3:
            self.sheet.write_bytes(self.original)

    def finish(self) -> None:
        pass


def six_briefs(folder: Path) -> Path:
    folder.mkdir()
    for name in BRIEFS:
        shutil.copy(SHORT, folder / name)
    return folder


def test_outputs_finished_after_an_edit_are_made_again_by_the_next_run(tmp_path: Path) -> None:
    collection = six_briefs(tmp_path / "briefs")
    style = copied_style(tmp_path / "style")
    editing = EditingProgress(style / "html.css")
    export = ExportSettings(style_dir=style)
    summary = convert_collection(
        collection, tmp_path / "out", "html", None, export, progress=editing
    )
    assert sorted(summary.converted) == BRIEFS
    assert [line.split(":1:1: ")[0] for line in summary.warnings] == [str(style / "html.css")]
    assert (style / "html.css").read_bytes() == editing.original  # put back

    again = convert_collection(
        collection, tmp_path / "out", "html", RunOptions(dry_run=True), export
    )
    assert again.up_to_date == editing.finished[:1]  # recorded before the edit
    assert sorted(again.reasons) == sorted(editing.finished[1:])
    assert set(again.reasons.values()) == {"to html (new)"}


def test_a_run_with_its_style_left_alone_records_every_output(tmp_path: Path) -> None:
    collection = six_briefs(tmp_path / "briefs")
    export = ExportSettings(style_dir=copied_style(tmp_path / "style"))
    summary = convert_collection(collection, tmp_path / "out", "html", None, export)
    assert summary.warnings == []
    again = convert_collection(
        collection, tmp_path / "out", "html", RunOptions(dry_run=True), export
    )
    assert sorted(again.up_to_date) == BRIEFS


def until_the_clock_moves(reference: Path) -> None:
    """Return once a file changed now gets another change time than ``reference`` (file times
    follow a clock that moves in steps of a few milliseconds)."""
    probe = reference.with_name("probe")
    probe.write_bytes(b"")
    while probe.stat().st_ctime_ns <= reference.stat().st_ctime_ns:
        probe.write_bytes(b"")
    probe.unlink()


def test_the_watch_sees_an_edit_put_back_a_new_file_and_a_template(tmp_path: Path) -> None:
    style = copied_style(tmp_path / "style")
    template = tmp_path / "house.docx"
    shutil.copy(style / "reference.docx", template)
    watch = SettingsWatch.start(style, (), template)
    assert watch.unchanged(every_file)
    until_the_clock_moves(template)
    original = (style / "pdf.css").read_bytes()
    add_rule(style / "pdf.css")
    (style / "pdf.css").write_bytes(original)
    (style / "fonts").mkdir()
    (style / "fonts" / "added.otf").write_bytes(b"font")
    template.write_bytes(template.read_bytes())
    assert not watch.unchanged(every_file)
    assert watch.changed == (TEMPLATE, "fonts/added.otf", "pdf.css")
    assert [line.split(":1:1:")[0] for line in watch.warnings()] == [
        str(template),
        str(style / "fonts/added.otf"),
        str(style / "pdf.css"),
    ]
    assert SettingsWatch.start(style, (), template).unchanged(every_file)


def test_what_tools_keep_in_a_style_folder_is_no_part_of_it_but_hidden_sheets_are(
    tmp_path: Path,
) -> None:
    style = copied_style(tmp_path / "style")
    watch = SettingsWatch.start(style, (), None)
    before = folder_digests(style)
    (style / ".git").mkdir()
    (style / ".git" / "index").write_bytes(b"changed by git status")
    (style / ".pdf.css.swp").write_bytes(b"an editor's")
    (style / ".DS_Store").write_bytes(b"a file manager's")
    (style / "html.css~").write_bytes(b"a backup")
    (style / "#html.css#").write_bytes(b"an autosave")
    assert watch.unchanged(every_file)
    assert folder_digests(style) == before
    (style / ".house.css").write_text("p { color: green; }", encoding="utf-8")
    assert ".house.css" in folder_digests(style)
    assert not watch.unchanged(every_file)


def test_the_run_counts_another_formats_sheet_its_own_imports_and_every_file_for_a_package(
    tmp_path: Path,
) -> None:
    style = copied_style(tmp_path / "style")
    prepend(style / "html.css", '@import "pdf.css";')
    settings, _ = run_settings(ExportSettings(style_dir=style))
    html, docx, bag = (counted_by_run(settings, [fmt]) for fmt in ("html", "docx", "bag"))
    assert html("pdf.css")
    assert not html("epub.css")
    assert not html(TEMPLATE)
    assert docx(TEMPLATE)
    assert not docx("pdf.css")
    assert all(bag(name) for name in ("pdf.css", "epub.css", "reference.docx", TEMPLATE))
    assert all(counts("brand.toml") and counts("added/font.otf") for counts in (html, docx))


def edited_while_running(tmp_path: Path, formats: str, sheet: str) -> tuple[Summary, Summary]:
    """A run of six briefs during which ``sheet`` of its style is edited and put back, and a
    dry run after it."""
    collection = six_briefs(tmp_path / "briefs")
    style = copied_style(tmp_path / "style")
    editing = EditingProgress(style / sheet)
    export = ExportSettings(style_dir=style)
    summary = convert_collection(
        collection, tmp_path / "out", formats, None, export, progress=editing
    )
    dry = RunOptions(dry_run=True)
    return summary, convert_collection(collection, tmp_path / "out", formats, dry, export)


def test_another_formats_stylesheet_edited_during_a_run_spoils_nothing(tmp_path: Path) -> None:
    summary, again = edited_while_running(tmp_path, "html,jats", "pdf.css")
    assert summary.warnings == []
    assert sorted(again.up_to_date) == BRIEFS


def test_a_stylesheet_of_the_runs_formats_edited_during_it_spoils_the_rest(
    tmp_path: Path,
) -> None:
    summary, again = edited_while_running(tmp_path, "html,jats", "common.css")
    assert len(summary.warnings) == 1
    assert len(again.up_to_date) == 1


class ManifestReader:
    """A progress sink that reads the manifest on disk after each brief."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.seen: list[dict[str, Any]] = []

    def start(self, total: int, up_to_date: int) -> None:
        pass

    def advance(self, result: JobResult) -> None:
        text = (self.out / MANIFEST_NAME).read_text(encoding="utf-8")
        self.seen.append(json.loads(text)["outputs"])

    def finish(self) -> None:
        pass


def test_while_outputs_are_rewritten_the_manifest_on_disk_keeps_no_record_of_their_old_state(
    tmp_path: Path,
) -> None:
    collection = six_briefs(tmp_path / "briefs")
    style = copied_style(tmp_path / "style")
    export = ExportSettings(style_dir=style)
    convert_collection(collection, tmp_path / "out", "html", None, export)
    add_rule(style / "html.css")  # every page is stale now
    settings, _ = run_settings(export)
    reader = ManifestReader(tmp_path / "out")
    convert_collection(collection, tmp_path / "out", "html", None, export, progress=reader)
    new_style = style_digest(settings, "html")
    assert len(reader.seen) == len(BRIEFS)
    for records in reader.seen:  # were the run killed here, no old record could match again
        assert {record["style"] for record in records.values()} <= {new_style}
    final = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert [record["style"] for record in final["outputs"].values()] == [new_style] * 6


def test_the_watch_sees_a_linked_sheet_or_folder_pointed_elsewhere_and_back(
    tmp_path: Path,
) -> None:
    releases = tmp_path / "releases"
    first = copied_style(releases / "1")
    copied_style(releases / "2")
    (first / "v2.css").write_text("p { color: green; }", encoding="utf-8")
    (first / "html.css").rename(first / "v1.css")
    (first / "html.css").symlink_to("v1.css")
    current = tmp_path / "current"
    current.symlink_to(releases / "1")
    watch = SettingsWatch.start(current, (), None)
    repoint(first / "html.css", "v2.css")
    repoint(first / "html.css", "v1.css")
    assert not watch.unchanged(every_file)
    assert watch.changed == ("html.css",)
    watch = SettingsWatch.start(current, (), None)
    repoint(current, releases / "2")
    repoint(current, releases / "1")
    assert not watch.unchanged(every_file)
    assert watch.changed == (str(current),)


def repoint(link: Path, target: str | Path) -> None:
    """Point ``link`` at ``target`` as a deployment does: a new link renamed over the old."""
    new = link.with_name(link.name + ".new")
    new.symlink_to(target)
    new.replace(link)
