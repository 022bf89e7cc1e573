"""Two figure paths of one brief that name one file on macOS or Windows (``figures/Heat-Calls.png``
beside ``figures/heat-calls.png``) are an error at the second: JATS and Markdown exports copy
each figure beside them, where one copy would replace the other. Paths that are equal once
``./`` is dropped name one figure everywhere and stay valid."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefexport.cli import main
from support.paths import EXAMPLES, IMPORT_DATA, TOUR

FIRST = 'xlink:href="figures/heat-calls.png"'


def brief_with_second_figure(folder: Path, href: str) -> tuple[Path, tuple[int, int]]:
    """The feature tour with a second figure at ``href`` (a copy of the first figure's file),
    and the line and column of that figure's ``<graphic>``."""
    text = TOUR.read_text(encoding="utf-8")
    start = text.index("<fig ")
    end = text.index("</fig>", start) + len("</fig>")
    second = (
        text[start:end].replace('id="fig1"', 'id="fig2"').replace(FIRST, f'xlink:href="{href}"')
    )
    text = text[:end] + "\n" + second + text[end:]
    shutil.copytree(EXAMPLES / "figures", folder / "figures")
    copy = folder / href
    if not copy.exists():
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(folder / "figures" / "heat-calls.png", copy)
    (folder / "tour.xml").write_text(text, encoding="utf-8")
    graphic = text.index("<graphic", end)
    line = text.count("\n", 0, graphic) + 1
    return folder / "tour.xml", (line, graphic - text.rfind("\n", 0, graphic))


def expected_line(brief: Path, where: tuple[int, int], href: str, alike: str) -> str:
    first = text_line(brief, FIRST)
    return (
        f"{brief}:{where[0]}:{where[1]}: error: figure path {href!r} names the file of"
        f" 'figures/heat-calls.png' (line {first}) where {alike}: JATS and Markdown exports,"
        " which copy figures beside them, would keep one of the two; spell both alike if they"
        " are one figure, or rename one file"
    )


def text_line(path: Path, text: str) -> int:
    source = path.read_text(encoding="utf-8")
    return source.count("\n", 0, source.index(text)) + 1


CASE = "names that differ only in case or in how accents are encoded are one (macOS, Windows)"
TRAILING = "the dots and spaces that end a name are dropped and case is ignored (Windows)"


@pytest.mark.parametrize(
    ("href", "alike"),
    [
        ("figures/Heat-Calls.png", CASE),
        ("Figures/heat-calls.png", CASE),
        ("figures./heat-calls.png", TRAILING),
    ],
)
def test_a_single_export_refuses_figure_paths_alike_but_for_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], href: str, alike: str
) -> None:
    brief, where = brief_with_second_figure(tmp_path, href)
    assert main([str(brief), "--to", "jats", "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.splitlines() == [expected_line(brief, where, href, alike)]
    assert not (tmp_path / "out").exists()


def test_one_figure_named_twice_is_still_one_figure(tmp_path: Path) -> None:
    brief, _ = brief_with_second_figure(tmp_path, "./figures/heat-calls.png")
    assert main([str(brief), "--to", "jats", "-o", str(tmp_path / "out"), "-q"]) == 0
    assert [path.name for path in (tmp_path / "out" / "figures").iterdir()] == ["heat-calls.png"]


def test_a_batch_reports_the_brief_as_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    collection, out, report = tmp_path / "briefs", tmp_path / "out", tmp_path / "report.json"
    collection.mkdir()
    brief, where = brief_with_second_figure(collection, "figures/Heat-Calls.png")
    command = ["batch", str(collection), "--to", "jats", "-o", str(out), "--report", str(report)]
    assert main(command) == 2
    line = expected_line(brief, where, "figures/Heat-Calls.png", CASE)
    assert line in capsys.readouterr().err.splitlines()
    failed = json.loads(report.read_text(encoding="utf-8"))["failed"]
    assert failed == [{"source": "tour.xml", "reason": "invalid", "errors": [line]}]


def test_an_imported_markdown_brief_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(IMPORT_DATA / "figures", tmp_path / "figures")
    shutil.copy(tmp_path / "figures" / "ferry-load.png", tmp_path / "figures" / "Ferry-Load.png")
    text = (IMPORT_DATA / "ferry-brief.md").read_text(encoding="utf-8")
    figure = "![Bar chart of average load per crossing by month](figures/ferry-load.png)"
    second = figure.replace("ferry-load", "Ferry-Load")
    text = text.replace(figure, f"{figure}\n\nFigure: Load\n\n{second}")
    source = tmp_path / "ferry.md"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "out"), "-q"]) == 2
    line = text.count("\n", 0, text.index(second)) + 1
    assert (
        f"{source}:{line}:1: error: figure path 'figures/Ferry-Load.png' names the file of"
        f" 'figures/ferry-load.png' (line {line - 4}) where {CASE}"
    ) in capsys.readouterr().err
