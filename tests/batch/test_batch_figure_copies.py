"""A batch that copies figures beside its outputs (JATS, Markdown) refuses a brief whose figure
copy would take a path alike to, but spelled otherwise than, an earlier brief's copy: one file
on macOS and Windows (this Linux file system holds both, so the tests make them directly). The
error is at the figure's ``graphic``, before any brief is converted; the other brief is. Briefs
in alike folders, or with alike figures, whose outputs and copies cannot meet are converted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.batch import BROKEN, SHORT, BatchRun
from support.paths import EXAMPLES, IMPORT_DATA, TOUR

FIRST = "figures/heat-calls.png"
CASE = "where names that differ only in case or in how accents are encoded are one (macOS, Windows)"


def tour_at(brief: Path, href: str = FIRST) -> str:
    """The feature tour as ``brief`` with its figure at ``href`` (the example's image); where
    its ``graphic`` is, as ``LINE:COL``."""
    text = TOUR.read_text(encoding="utf-8").replace(f'xlink:href="{FIRST}"', f'xlink:href="{href}"')
    brief.parent.mkdir(parents=True, exist_ok=True)
    brief.write_text(text, encoding="utf-8")
    (brief.parent / href).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / FIRST, brief.parent / href)
    graphic = text.index("<graphic")
    return f"{text.count(chr(10), 0, graphic) + 1}:{graphic - text.rfind(chr(10), 0, graphic)}"


def clash_line(brief: Path, where: str, href: str, path: str, theirs: str, kept: str) -> str:
    line = where.split(":")[0]
    return (
        f"{brief}:{where}: error: figure path {href!r} would be copied to {path} in the output"
        f" folder, the copy of {theirs} of {kept} (line {line}) {CASE}; rename one of the two"
        " files"
    )


def failed(report: dict[str, object], source: str) -> list[object]:
    entries = report["failed"]
    assert isinstance(entries, list)
    return [entry["errors"] for entry in entries if entry["source"] == source]


def test_alike_figures_of_two_briefs_in_one_folder_clash_at_the_graphic(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    tour_at(collection / "notes" / "a.xml")
    where = tour_at(collection / "notes" / "b.xml", "figures/Heat-Calls.png")
    status, errors, report = batch("--to", "markdown")
    second = collection / "notes" / "b.xml"
    line = clash_line(
        second, where, "figures/Heat-Calls.png", "notes/figures/Heat-Calls.png",
        "notes/figures/heat-calls.png", "notes/a.xml",
    )  # fmt: skip
    assert status == 2
    assert line in errors.splitlines()
    assert failed(report, "notes/b.xml") == [[line]]
    assert "notes/a.xml" in report["converted"]
    assert sorted(path.name for path in (out / "notes" / "figures").iterdir()) == ["heat-calls.png"]
    assert not (out / "notes" / "b.md").exists()


NO_CLASH = {
    "alike figures in a run that copies none": (
        "html", {"notes/a.xml": FIRST, "notes/b.xml": "figures/Heat-Calls.png"}
    ),
    "one figure shared by two briefs of a folder": (
        "jats", {"notes/a.xml": FIRST, "notes/b.xml": FIRST}
    ),
    "alike folders whose outputs cannot meet": (
        "jats,html",
        {"Reports/tour.xml": FIRST, "reports/tour-b.xml": "pictures/heat-calls.png",
         "reports/short.xml": None},
    ),
}  # fmt: skip
"""Collections whose briefs' outputs and figure copies never meet: formats, then each brief
with its figure path (None: a brief without figures)."""


@pytest.mark.parametrize(("formats", "briefs"), NO_CLASH.values(), ids=list(NO_CLASH))
def test_briefs_whose_copies_cannot_meet_are_converted(
    batch: BatchRun, collection: Path, formats: str, briefs: dict[str, str | None]
) -> None:
    (collection / BROKEN).unlink()
    for relative, href in briefs.items():
        if href is None:
            shutil.copy(SHORT, collection / relative)
        else:
            tour_at(collection / relative, href)
    status, errors, report = batch("--to", formats, "-q")
    assert (status, errors) == (0, "")
    assert set(briefs) <= set(report["converted"])


def test_briefs_in_alike_folders_clash_only_where_their_figure_copies_meet(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    # Reports/ sorts before reports/: its brief wins; reports/2026/harbour-copy.xml has no
    # figure and its outputs are named otherwise, so it is converted
    tour_at(collection / "Reports" / "tour.xml")
    where = tour_at(collection / "reports" / "tour-b.xml")
    status, errors, report = batch("--to", "jats")
    second = collection / "reports" / "tour-b.xml"
    line = clash_line(
        second, where, FIRST, f"reports/{FIRST}", f"Reports/{FIRST}", "Reports/tour.xml"
    )
    assert status == 2
    assert line in errors.splitlines()
    assert failed(report, "reports/tour-b.xml") == [[line]]
    assert {"Reports/tour.xml", "reports/2026/harbour-copy.xml"} <= set(report["converted"])
    assert (out / "Reports" / "figures" / "heat-calls.png").is_file()
    assert not (out / "reports" / "figures").exists()


def test_an_imported_markdown_brief_clashes_at_its_image(batch: BatchRun, collection: Path) -> None:
    shutil.copytree(IMPORT_DATA / "figures", collection / "notes" / "figures")
    figures = collection / "notes" / "figures"
    shutil.copy(figures / "ferry-load.png", figures / "Ferry-Load.png")
    text = (IMPORT_DATA / "ferry-brief.md").read_text(encoding="utf-8")
    figure = "(figures/ferry-load.png)"
    assert figure in text
    (collection / "notes" / "a.md").write_text(text, encoding="utf-8")
    (collection / "notes" / "b.md").write_text(text.replace("ferry-load", "Ferry-Load"), "utf-8")
    status, errors, report = batch("--to", "jats", "--import")
    where = f"{text.count(chr(10), 0, text.index(figure)) + 1}:1"
    line = clash_line(
        collection / "notes" / "b.md", where, "figures/Ferry-Load.png",
        "notes/figures/Ferry-Load.png", "notes/figures/ferry-load.png", "notes/a.md",
    )  # fmt: skip
    assert line in errors.splitlines()
    assert failed(report, "notes/b.md") == [[line]]
    assert "notes/a.md" in report["converted"]
    assert status == 2


def test_a_figure_path_written_with_a_character_reference_still_clashes(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    tour_at(collection / "a.xml")
    tour_at(collection / "b.xml", "figures/Heat-Calls.png")
    second = collection / "b.xml"
    text = second.read_text(encoding="utf-8").replace("Heat-Calls.png", "Heat&#45;Calls.png")
    second.write_text(text, encoding="utf-8")
    status, errors, report = batch("--to", "jats")
    assert status == 2
    assert failed(report, "b.xml"), errors
    assert "'figures/Heat-Calls.png' would be copied to figures/Heat-Calls.png" in errors


def test_only_briefs_whose_paths_may_clash_are_read_as_the_reader_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = tmp_path / "briefs"
    from briefexport.batch import figure_copies as module
    from briefexport.batch.discovery import discover
    from briefexport.batch.figure_copies import FigureCopy
    from briefexport.batch.sources import Source

    for name, href in (("a", FIRST), ("b", "figures/other.png"), ("c", "figures/Heat-Calls.png")):
        tour_at(collection / f"{name}.xml", href)
    read: list[str] = []
    exact = module.figure_copies

    def recorded_copies(s: Source, series: str | None) -> list[FigureCopy]:
        read.append(s.relative)
        return exact(s, series)

    monkeypatch.setattr(module, "figure_copies", recorded_copies)
    sources = discover(collection, collection.parent / "out").sources
    copies_of = module.copies_of_suspects(sources, None)
    copies = {source.relative: [copy.href for copy in copies_of(source)] for source in sources}
    assert copies == {"a.xml": [FIRST], "b.xml": [], "c.xml": ["figures/Heat-Calls.png"]}
    assert sorted(read) == ["a.xml", "c.xml"]


def test_a_percent_encoded_markdown_image_path_still_clashes(
    batch: BatchRun, collection: Path
) -> None:
    shutil.copytree(IMPORT_DATA / "figures", collection / "notes" / "figures")
    figures = collection / "notes" / "figures"
    shutil.copy(figures / "ferry-load.png", figures / "Ferry-Load.png")
    text = (IMPORT_DATA / "ferry-brief.md").read_text(encoding="utf-8")
    (collection / "notes" / "a.md").write_text(text, encoding="utf-8")
    encoded = text.replace("(figures/ferry-load.png)", "(figures/Ferry%2DLoad.png)")
    (collection / "notes" / "b.md").write_text(encoded, encoding="utf-8")
    status, errors, report = batch("--to", "jats", "--import")
    assert status == 2
    assert "'figures/Ferry-Load.png' would be copied to notes/figures/Ferry-Load.png" in errors
    assert failed(report, "notes/b.md"), errors
