"""Where a batch may write: never over the collection, its report never over what the run
makes, and one run at a time per output folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from briefexport.batch import ExportSettings, convert_collection
from briefexport.batch.lock import output_lock
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.cli import main
from briefexport.errors import BriefexportError
from support.batch import GOOD, copied_style
from support.skips import skipif_platform


def batch(collection: Path, out: Path, *args: str) -> int:
    return main(["batch", str(collection), "--to", "jats", "-o", str(out), "-q", *args])


def test_a_collection_inside_the_output_folder_is_refused(
    tmp_path: Path, collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    inner = site / "briefs"
    shutil.copytree(collection, inner)
    assert batch(inner, site) == 2
    assert "the collection lies inside the output folder" in capsys.readouterr().err
    assert sorted(path.name for path in site.iterdir()) == ["briefs"]


@pytest.mark.parametrize("spelling", ["same", "dotted", "linked"])
def test_the_collection_as_its_own_output_folder_is_refused_in_one_line(
    tmp_path: Path, collection: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    out = {"same": collection, "dotted": collection / "reports" / ".."}.get(spelling)
    if out is None:
        out = tmp_path / "link"
        out.symlink_to(collection, target_is_directory=True)
    before = sorted(collection.rglob("*"))
    assert batch(collection, out, "--prune") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"briefexport: error: {out}: the output folder must differ from the collection"
    ]
    assert sorted(collection.rglob("*")) == before


def test_an_output_folder_inside_the_collection_must_be_new_empty_or_an_output_folder(
    collection: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holding_briefs = collection / "reports"
    before = sorted(path.name for path in holding_briefs.rglob("*"))
    assert batch(collection, holding_briefs) == 2
    assert "holds files that briefexport did not write there" in capsys.readouterr().err
    assert sorted(path.name for path in holding_briefs.rglob("*")) == before
    (collection / "reports" / "broken.xml").unlink()
    site = collection / "site"
    assert batch(collection, site) == 0
    assert batch(collection, site) == 0  # its own manifest marks it as an output folder
    (collection / "empty").mkdir()
    assert batch(collection, collection / "empty") == 0


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("feature-tour.xml", "the report is JSON: name a .json file"),
        ("out/feature-tour.html", "the report is JSON: name a .json file"),
        (f"out/{MANIFEST_NAME}", "the output folder's manifest"),
        ("folder.json", "a folder"),
    ],
)
def test_a_report_that_would_replace_a_brief_an_output_or_the_manifest_is_refused_first(
    name: str, problem: str, collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder.json").mkdir()
    report = (collection if name.endswith(".xml") else tmp_path) / name
    brief = (collection / "feature-tour.xml").read_bytes()
    assert batch(collection, tmp_path / "out", "--report", str(report)) == 2
    assert f"--report {report}: {problem}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert (collection / "feature-tour.xml").read_bytes() == brief


@skipif_platform(sys.platform == "win32", reason="no lock on Windows")
def test_a_second_run_into_a_folder_in_use_is_refused(
    collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with output_lock(out):
        assert batch(collection, out) == 1
        assert "another briefexport batch is writing to this folder" in capsys.readouterr().err
        assert not (out / MANIFEST_NAME).exists()
        assert batch(collection, out, "--dry-run") == 0  # writes nothing, needs no lock
    assert batch(collection, out) == 2  # the collection's broken brief
    assert all((out / name.replace(".xml", ".jats.xml")).is_file() for name in GOOD)


def test_an_output_folder_inside_the_style_folder_is_refused(
    collection: Path, tmp_path: Path
) -> None:
    style = copied_style(tmp_path / "style")
    export = ExportSettings(style_dir=style)
    with pytest.raises(BriefexportError, match="a folder of the style"):
        convert_collection(collection, style / "out", "jats", None, export)
    assert not (style / "out").exists()


def test_an_output_folder_inside_a_font_folder_of_the_brand_is_refused(
    collection: Path, tmp_path: Path
) -> None:
    style = copied_style(tmp_path / "style")
    (tmp_path / "fonts").mkdir()
    brand = style / "brand.toml"
    brand.write_text(
        brand.read_text(encoding="utf-8").replace("[fonts]", '[fonts]\nfolders = ["../fonts"]'),
        encoding="utf-8",
    )
    assert "../fonts" in brand.read_text(encoding="utf-8")
    export = ExportSettings(style_dir=style)
    with pytest.raises(BriefexportError, match="a folder of the style"):
        convert_collection(collection, tmp_path / "fonts" / "out", "jats", None, export)
    assert not (tmp_path / "fonts" / "out").exists()
