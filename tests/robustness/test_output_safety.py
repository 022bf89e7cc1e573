"""No output, figure copy or import result replaces a file it was made from, whichever way it is
reached (the Python API, the export and import commands, a batch); outputs get the user's
umask, and a replaced output keeps its mode."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefexport
from briefexport.batch import RunOptions, convert_collection
from briefexport.cli import main
from briefexport.errors import OutputError
from briefexport.importers import import_file
from support.tour import TOUR_FIGURE, copy_tour


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def tour(tmp_path: Path) -> Path:
    return copy_tour(tmp_path / "brief")


@pytest.mark.parametrize("spelling", ["same", "dotted", "hard link", "symbolic link"])
def test_the_api_refuses_to_write_over_the_brief(tour: Path, spelling: str) -> None:
    brief = briefexport.load(tour)
    target = {"same": tour, "dotted": tour.parent / "." / tour.name}.get(spelling)
    if target is None:
        target = tour.parent / "other.xml"
        (os.link if spelling == "hard link" else os.symlink)(tour, target)
    before = snapshot(tour.parent)
    with pytest.raises(OutputError, match=r"refusing to write over the input$"):
        briefexport.export(brief, "html", target)
    assert snapshot(tour.parent) == before


def test_the_api_refuses_to_write_over_a_figure(tour: Path) -> None:
    brief = briefexport.load(str(tour))
    before = snapshot(tour.parent)
    with pytest.raises(OutputError, match=r"over the input's figure 'figures/heat-calls\.png'$"):
        briefexport.export(brief, "html", tour.parent / TOUR_FIGURE)
    assert snapshot(tour.parent) == before


def test_a_figure_copy_over_the_brief_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the brief is figs/x.png, and its figure figs/x.png beside it: the JATS output's figure
    # copy in the brief's parent folder would land on the brief
    folder = tmp_path / "P"
    tour = copy_tour(tmp_path / "source")
    (folder / "figs" / "figs").mkdir(parents=True)
    shutil.copy(tour.parent / TOUR_FIGURE, folder / "figs" / "figs" / "x.png")
    brief = folder / "figs" / "x.png"
    brief.write_text(tour.read_text("utf-8").replace(TOUR_FIGURE, "figs/x.png"), "utf-8")
    before = snapshot(folder)
    assert main([str(brief), "--to", "jats", "-o", str(folder)]) == 2
    expected = f"{brief}:1:1: error: refusing to write over the input with the copy of figure"
    assert capsys.readouterr().err == f"{expected} 'figs/x.png'\n"
    assert snapshot(folder) == before


def test_a_figure_copy_onto_itself_is_no_write(tour: Path) -> None:
    # the JATS output beside the brief names the figure the brief names: nothing to copy
    assert main([str(tour), "--to", "jats,markdown", "-q"]) == 0
    assert (tour.parent / "feature-tour.jats.xml").is_file()


@pytest.fixture
def tour_markdown(tour: Path) -> Path:
    """The feature tour written as Markdown beside it, a source to import."""
    assert main([str(tour), "--to", "markdown", "-q"]) == 0
    return tour.with_suffix(".md")


def test_an_import_over_a_figure_of_its_source_is_refused(
    tour: Path, tour_markdown: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tour_markdown
    before = snapshot(tour.parent)
    target = tour.parent / TOUR_FIGURE
    assert main(["import", str(source), "-o", str(target), "-q"]) == 2
    reason = "refusing to write over the input's figure 'figures/heat-calls.png'"
    assert capsys.readouterr().err == f"{target}:1:1: error: {reason}\n"
    assert snapshot(tour.parent) == before


def test_an_import_over_its_source_is_refused(
    tour: Path, tour_markdown: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tour_markdown
    before = snapshot(tour.parent)
    assert main(["import", str(source), "-o", str(tour.parent / "." / source.name)]) == 2
    assert "refusing to write over the input\n" in capsys.readouterr().err
    assert snapshot(tour.parent) == before


def test_the_api_refuses_to_write_an_imported_brief_over_its_source(
    tour: Path, tour_markdown: Path
) -> None:
    source = tour_markdown
    brief = import_file(source)
    before = snapshot(tour.parent)
    with pytest.raises(OutputError, match=r"refusing to write over the input$"):
        briefexport.export(brief, "jats", source)
    assert snapshot(tour.parent) == before


def test_a_word_file_imported_again_replaces_its_earlier_picture_copies(tour: Path) -> None:
    # a Word package carries its pictures: the files beside it are an earlier import's copies
    assert main([str(tour), "--to", "docx", "-q"]) == 0
    package, back = tour.with_suffix(".docx"), tour.parent / "back.xml"
    assert main(["import", str(package), "-o", str(back), "-q"]) == 0
    copies = sorted((tour.parent / "figures").glob("feature-tour-*"))
    first = {copy: copy.read_bytes() for copy in copies}
    for copy in copies:
        copy.write_bytes(b"edited by hand")
    assert main(["import", str(package), "-o", str(back), "-q"]) == 0
    assert first
    assert {copy: copy.read_bytes() for copy in copies} == first


@pytest.fixture
def umask_077() -> Iterator[None]:
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_077", "shared_pdfs")
def test_outputs_and_figure_copies_follow_the_umask(tour: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main([str(tour), "--to", "html,jats,bag", "-o", str(out), "-q"]) == 0
    written = [out / "feature-tour.html", out / "feature-tour.jats.xml", out / TOUR_FIGURE]
    assert {path.name: mode(path) for path in written} == dict.fromkeys(
        (path.name for path in written), 0o600
    )
    assert mode(out / "feature-tour.bag.zip") == 0o600


def test_a_new_output_gets_the_usual_mode_under_the_usual_umask(tour: Path, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert main([str(tour), "--to", "html", "-o", str(tmp_path / "out"), "-q"]) == 0
    finally:
        os.umask(previous)
    assert mode(tmp_path / "out" / "feature-tour.html") == 0o644


@pytest.mark.parametrize("kept", [0o600, 0o640, 0o664])
def test_a_replaced_output_keeps_its_mode(tour: Path, tmp_path: Path, kept: int) -> None:
    target = tmp_path / "feature-tour.md"
    target.write_text("an earlier output\n")
    target.chmod(kept)
    assert main([str(tour), "--to", "markdown", "-o", str(tmp_path), "-q"]) == 0
    assert target.read_text("utf-8") != "an earlier output\n"
    assert mode(target) == kept


def test_batch_outputs_follow_the_umask_of_each_run(tour: Path, tmp_path: Path) -> None:
    # the first run starts the fork server under the usual umask; the second, under 077, must
    # not get the server's
    for umask, site in ((0o022, tmp_path / "first"), (0o077, tmp_path / "second")):
        previous = os.umask(umask)
        try:
            summary = convert_collection(tour.parent, site, ["jats"], RunOptions(jobs=1))
        finally:
            os.umask(previous)
        assert summary.exit_status == 0
    second = tmp_path / "second"
    written = [second / "feature-tour.jats.xml", second / TOUR_FIGURE]
    assert [mode(path) for path in [*written, second / ".briefexport-manifest.json"]] == [0o600] * 3
    assert mode(tmp_path / "first" / "feature-tour.jats.xml") == 0o644


def test_an_import_over_a_pipe_leaves_the_pipe(
    tour: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a device or a pipe is never replaced by a file (-o /dev/null run as root)
    assert main([str(tour), "--to", "markdown", "-q"]) == 0
    pipe = tmp_path / "pipe.xml"
    os.mkfifo(pipe)
    assert main(["import", str(tour.parent / "feature-tour.md"), "-o", str(pipe), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.endswith(f"{pipe}: not a regular file; refusing to replace it\n")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
