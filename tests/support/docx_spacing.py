"""Inputs and measures shared by the tests that hold the Word copy's spacing to the print's."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefexport.model import Cell, Row, Table, Text
from briefexport.shared.print_sheet import Css
from briefexport.shared.styles import default_style_dir
from support.docx import HOUSE, house_sheet

SHEET = house_sheet()


def caption_twips(css: Css) -> int:
    """A length of the print sheet in twentieths of a point, ems taken at the caption size."""
    return round(SHEET.points(css, HOUSE.sizes.caption) * 20)


def one_cell_table(word: str = "Old Quay", caption: str | None = None) -> Table:
    captions = (Text(caption),) if caption else ()
    return Table(None, None, captions, (), (Row((Cell((Text(word),)),)),))


def identity_in_colophon(tmp_path: Path) -> Path:
    """A copy of the house style that prints the identity lines in the colophon."""
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brand = (style / "brand.toml").read_text(encoding="utf-8")
    (style / "brand.toml").write_text(
        brand.replace('identifiers = "title-page"', 'identifiers = "colophon"', 1), encoding="utf-8"
    )
    return style
