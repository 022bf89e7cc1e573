"""``-o`` naming the output file itself, for one brief and one format (``-o final.html``), and
the usage errors where a file name cannot be meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.cli import main
from support.small_brief import BRIEF


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "brief.xml"
    path.write_text(BRIEF, "utf-8")
    return path


def files_under(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("html", "page.html"),
        ("html", "deeper/Page.HTML"),
        ("jats", "copy.xml"),
        ("markdown", "a.md"),
    ],
)
def test_a_file_name_is_the_output(brief: Path, tmp_path: Path, fmt: str, name: str) -> None:
    assert main([str(brief), "--to", fmt, "-o", str(tmp_path / "folder")]) == 0
    named = tmp_path / "named" / name
    assert main([str(brief), "--to", fmt, "-o", str(named)]) == 0
    (expected,) = (tmp_path / "folder").iterdir()
    assert named.read_bytes() == expected.read_bytes()
    assert files_under(tmp_path / "named") == {name, *(str(p) for p in Path(name).parents)} - {"."}


def test_an_existing_folder_keeps_its_meaning(brief: Path, tmp_path: Path) -> None:
    folder = tmp_path / "site.html"
    folder.mkdir()
    assert main([str(brief), "--to", "html", "-o", str(folder)]) == 0
    assert files_under(folder) == {"brief.html"}


def test_a_broken_brief_leaves_the_named_file(brief: Path, tmp_path: Path) -> None:
    named = tmp_path / "page.html"
    named.write_text("the good copy\n")
    brief.write_text(BRIEF.replace("</article>", ""), "utf-8")
    assert main([str(brief), "--to", "html", "-o", str(named)]) == 2
    assert named.read_text() == "the good copy\n"


@pytest.mark.parametrize(
    ("to", "briefs", "why"),
    [
        ("html,jats", 1, "names one file, but 2 outputs are asked for (name a folder)"),
        ("html", 2, "names one file, but 2 outputs are asked for (name a folder)"),
        ("markdown", 1, "names a html file, not markdown (.md)"),
    ],
)
def test_a_file_name_that_cannot_be_meant(
    brief: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str, briefs: int, why: str
) -> None:
    named = tmp_path / "out" / "page.html"
    assert main([*[str(brief)] * briefs, "--to", to, "-o", str(named)]) == 2
    assert capsys.readouterr().err == f"briefexport: error: -o {named}: {why}\n"
    assert not (tmp_path / "out").exists()
    assert files_under(tmp_path) == {"brief.xml"}
