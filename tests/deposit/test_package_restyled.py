"""A process that writes a package, then the same package after an edit of the style (a
notebook, a web service), renders it again: the shared rendering is kept per state of the
style's files, not per style folder path."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.deposit import renditions
from briefexport.model import Brief
from briefexport.options import WriteOptions, default_options
from briefexport.shared.styles import FolderStamp, default_style_dir, folder_stamp
from support.fonts import PRIVATE, write_font

Writer = Callable[[Brief, WriteOptions], bytes]


def style_files_writer(name: str) -> Writer:
    """A writer that gives the style folder's files, each name with its bytes (cheaper than
    rendering, and it shows which state of the style a rendering saw)."""

    def write(brief: Brief, options: WriteOptions) -> bytes:
        files = sorted(path for path in options.style_dir.rglob("*") if path.is_file())
        return b"".join(path.name.encode() + path.read_bytes() for path in files)

    return write


@pytest.mark.parametrize("edit", ["sheet", "font"])
def test_an_edited_style_gives_new_renditions(
    edit: str, harbour: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    monkeypatch.setattr(renditions, "get_writer", style_files_writer)
    options = default_options(harbour, style_dir=style)
    before = renditions.renditions(harbour, options)
    assert renditions.renditions(harbour, options) is before  # kept while nothing changed
    if edit == "sheet":
        with (style / "html.css").open("a", encoding="utf-8") as sheet:
            sheet.write("\nh1 { color: #123456; }\n")
    else:
        write_font(style / "fonts" / "added.ttf", "Added", PRIVATE)
    after = renditions.renditions(harbour, options)
    assert after is not before
    assert all(new.data != old.data for new, old in zip(after[1:5], before[1:5], strict=True))


def test_a_font_folder_inside_the_style_is_looked_at_once_and_one_outside_too(
    harbour: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    style, outside = tmp_path / "style", tmp_path / "house-fonts"
    shutil.copytree(default_style_dir(), style)
    write_font(style / "fonts" / "inside.ttf", "Inside", PRIVATE)
    write_font(outside / "outside.ttf", "Outside", PRIVATE)
    brand = style / "brand.toml"
    folders = f'folders = ["fonts", "./fonts", "{outside}"]'
    brand.write_text(brand.read_text(encoding="utf-8").replace("[fonts]", f"[fonts]\n{folders}"))
    stamped: list[Path] = []

    def recorded_stamp(path: Path) -> FolderStamp:
        stamped.append(path)
        return folder_stamp(path)

    monkeypatch.setattr(renditions, "folder_stamp", recorded_stamp)
    options = default_options(harbour, style_dir=style)
    before = renditions.style_state(options)
    assert stamped == [style, outside.resolve()]
    write_font(style / "fonts" / "inside.ttf", "Changed", PRIVATE)
    assert renditions.style_state(options) != before
