"""A style folder holds only what it changes: what each of its files means (``shared.sheets``,
the labels and the brand), the same for every format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefexport.errors import InvalidStyleError
from briefexport.shared import sheets
from briefexport.shared.brand import load_brand
from briefexport.shared.i18n import label
from briefexport.shared.sheets import REPLACE_MARKER, layered_sheets, print_sheet_texts
from briefexport.shared.styles import default_style_dir, read_style_text

SHEETS = ("common.css", "html.css", "epub.css", "pdf.css")
OWN_RULE = "body { color: #006000 }\n"


def house_text(name: str) -> str:
    return (default_style_dir() / name).read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A style folder that holds nothing yet."""
    path = tmp_path / "style"
    path.mkdir()
    return path


@pytest.mark.parametrize("name", SHEETS)
def test_a_sheet_comes_after_the_house_sheet(folder: Path, name: str) -> None:
    (folder / name).write_text(OWN_RULE, encoding="utf-8")
    texts = [(sheet.folder, sheet.text) for sheet in layered_sheets(folder, name)]
    assert texts == [(default_style_dir(), house_text(name)), (folder, OWN_RULE)]


@pytest.mark.parametrize("name", SHEETS)
def test_a_missing_sheet_is_the_house_sheet(folder: Path, name: str) -> None:
    (folder / "brand.toml").write_text("", encoding="utf-8")
    assert [sheet.text for sheet in layered_sheets(folder, name)] == [house_text(name)]


@pytest.mark.parametrize("name", SHEETS)
def test_a_whole_copy_is_read_once(tmp_path: Path, name: str) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(default_style_dir(), copy)
    assert [(sheet.folder, sheet.text) for sheet in layered_sheets(copy, name)] == [
        (copy, house_text(name))
    ]


@pytest.mark.parametrize("name", SHEETS)
def test_the_marker_starts_a_sheet_from_nothing(folder: Path, name: str) -> None:
    own = f"{REPLACE_MARKER}\n{OWN_RULE}"
    (folder / name).write_text(own, encoding="utf-8")
    assert [sheet.text for sheet in layered_sheets(folder, name)] == [own]
    (folder / name).write_text(f"\n  /*   Briefexport:  replaces the house sheet */\n{OWN_RULE}")
    assert len(layered_sheets(folder, name)) == 1  # spaces and case as one writes them
    (folder / name).write_text(f"{OWN_RULE}{REPLACE_MARKER}\n", encoding="utf-8")
    assert len(layered_sheets(folder, name)) == 2  # the first line only


def test_the_print_values_are_read_from_the_sheets_in_cascade_order(folder: Path) -> None:
    (folder / "pdf.css").write_text("main h2 { margin-top: 40pt }\n", encoding="utf-8")
    css, house = print_sheet_texts(folder)
    assert (css, house) == (house_text("pdf.css") + "\nmain h2 { margin-top: 40pt }\n", house)


def test_labels_are_overridden_key_by_key_in_the_briefs_language(folder: Path) -> None:
    (folder / "labels.toml").write_text('[en]\nnotes = "Endnotes"\n', encoding="utf-8")
    assert label("en", "notes", folder) == "Endnotes"
    assert label("en", "by", folder) == label("en", "by")  # a key it leaves out
    assert label("fr", "notes", folder) == label("fr", "notes")  # not its English word
    assert label("fr", "notes", folder) != "Endnotes"


def test_a_folder_without_brand_toml_has_the_house_brand(folder: Path) -> None:
    (folder / "pdf.css").write_text(OWN_RULE, encoding="utf-8")
    assert load_brand(folder) == load_brand(default_style_dir())


def test_a_folder_with_no_style_file_is_refused(folder: Path) -> None:
    (folder / "notes.txt").write_text("not a style", encoding="utf-8")
    with pytest.raises(InvalidStyleError, match="not a style folder"):
        load_brand(folder)


def test_the_print_values_read_the_shipped_sheet_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "pdf.css").write_text("main h2 { margin-top: 40pt }\n", encoding="utf-8")
    read = []

    def counted(style_dir: Path, name: str) -> str:
        read.append((style_dir, name))
        return read_style_text(style_dir, name)

    monkeypatch.setattr(sheets, "read_style_text", counted)
    print_sheet_texts(folder)
    assert sorted(read) == sorted([(default_style_dir(), "pdf.css"), (folder, "pdf.css")])
