"""Two briefs of one export run whose JATS or Markdown outputs share a folder copy their figures
into it: a copy may not replace another brief's different figure, nor take a path alike to
another's (``Heat-Calls.png`` beside ``heat-calls.png``: one file on macOS and Windows). The
second brief's problem is one line at its ``graphic``; its output is not written, the first's
is. Briefs exported beside themselves copy nothing, and do not clash."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.cli import main
from support.paths import EXAMPLES, TOUR

FIRST = "figures/heat-calls.png"
CASE = "where names that differ only in case or in how accents are encoded are one (macOS, Windows)"


def tour_naming(folder: Path, name: str, href: str, tail: bytes = b"") -> tuple[Path, str]:
    """The feature tour as ``folder/name`` with its figure at ``href`` (the example's image,
    ``tail`` appended), and where its ``graphic`` is (``LINE:COL``)."""
    text = TOUR.read_text(encoding="utf-8").replace(f'xlink:href="{FIRST}"', f'xlink:href="{href}"')
    brief = folder / name
    brief.parent.mkdir(parents=True, exist_ok=True)
    brief.write_text(text, encoding="utf-8")
    (brief.parent / href).parent.mkdir(parents=True, exist_ok=True)
    (brief.parent / href).write_bytes((EXAMPLES / FIRST).read_bytes() + tail)
    graphic = text.index("<graphic")
    line = text.count("\n", 0, graphic) + 1
    return brief, f"{line}:{graphic - text.rfind(chr(10), 0, graphic)}"


def test_a_figure_alike_to_another_briefs_copy_is_refused_at_its_graphic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, at = tour_naming(tmp_path / "briefs", "a.xml", FIRST)
    second, where = tour_naming(tmp_path / "briefs", "b.xml", "figures/Heat-Calls.png")
    out = tmp_path / "out"
    assert main([str(first), str(second), "--to", "jats", "-o", str(out)]) == 2
    line = at.split(":")[0]
    assert capsys.readouterr().err.splitlines() == [
        f"{second}:{where}: error: figure path 'figures/Heat-Calls.png' would be copied to"
        f" {out}/figures/Heat-Calls.png, the copy of {FIRST!r} of {first} (line {line}) {CASE};"
        " rename one of the two files, or export the briefs to different folders"
    ]
    assert sorted(path.name for path in (out / "figures").iterdir()) == ["heat-calls.png"]
    assert sorted(path.name for path in out.glob("*.xml")) == ["a.jats.xml"]


def test_alike_figures_exported_beside_their_briefs_copy_nothing_and_do_not_clash(
    tmp_path: Path,
) -> None:
    first, _ = tour_naming(tmp_path, "a.xml", FIRST)
    second, _ = tour_naming(tmp_path, "b.xml", "figures/Heat-Calls.png", b"\x00")
    assert main([str(first), str(second), "--to", "jats,markdown", "-q"]) == 0
    assert sorted(path.name for path in tmp_path.glob("*.*.xml")) == ["a.jats.xml", "b.jats.xml"]


def test_a_different_figure_at_another_briefs_copy_is_refused_with_escaped_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, at = tour_naming(tmp_path / "a", "a.xml", FIRST, b"\x00")
    second, where = tour_naming(tmp_path / "b", "b.xml", FIRST, b"\xff")
    out = tmp_path / "two\nlines"
    assert main([str(first), str(second), "--to", "jats", "-o", str(out)]) == 2
    shown = str(out).replace("\n", "\\n")
    assert capsys.readouterr().err.splitlines() == [
        f"{second}:{where}: error: figure {FIRST!r} would be copied to {shown}/{FIRST}, where"
        f" {first} (line {at.split(':')[0]}) copies a different file; rename one of the two"
        " files, or export the briefs to different folders"
    ]
    assert (out / FIRST).read_bytes().endswith(b"\x00")
    assert not (out / "b.jats.xml").exists()
