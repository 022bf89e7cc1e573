"""What a stylesheet of a style folder means, the same for every format and both PDF engines.

A style folder holds only what it changes. For each sheet (``common.css``, ``html.css``,
``epub.css``, ``pdf.css``) the house sheet shipped with briefexport comes first and the folder's
own sheet after it, so that in the CSS cascade (CSS Cascading and Inheritance Level 4, order of
appearance) its rules win and the rest of the house style stays. A folder without the sheet has
the house sheet alone; a sheet that is the house sheet unchanged (a whole copy) is read once; a
sheet whose first line is :data:`REPLACE_MARKER` replaces the house sheet, for a house of a
wholly different design. The print values the Word styles and the Typst engine need are read
from the same sheets, in the same order (:func:`print_sheet_texts`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from .styles import PRINT_SHEET, default_style_dir, read_style_text

REPLACE_MARKER = "/* briefexport: replaces the house sheet */"
"""The first line of a sheet that starts from nothing instead of from the house sheet."""

MARKER_LINE = re.compile(r"\s*/\*\s*briefexport:\s*replaces the house sheet\s*\*/", re.I)


class Sheet(NamedTuple):
    """One stylesheet to apply: the folder its ``@import`` and ``url()`` are read from, its
    file name (for messages) and its text."""

    folder: Path
    name: str
    text: str


def layered_sheets(style_dir: Path, name: str) -> tuple[Sheet, ...]:
    """The sheets that ``name`` of a style folder stands for, in cascade order: the house
    sheet, then the folder's own unless it has none, is the house sheet unchanged, or replaces
    the house sheet (then it comes alone)."""
    house_dir = default_style_dir()
    return _over_house(style_dir, Sheet(house_dir, name, read_style_text(house_dir, name)))


def _over_house(style_dir: Path, house: Sheet) -> tuple[Sheet, ...]:
    """The sheets of :func:`layered_sheets`, the house sheet read already."""
    own = _folder_sheet(style_dir, house)
    if own is None:
        return (house,)
    if own.text == house.text or replaces_house_sheet(own.text):
        return (own,)
    return (house, own)


def own_sheet(style_dir: Path, name: str) -> Sheet | None:
    """The folder's own sheet ``name`` where it changes the house style: None when the folder
    has none or holds the house sheet unchanged."""
    house_dir = default_style_dir()
    house = Sheet(house_dir, name, read_style_text(house_dir, name))
    own = _folder_sheet(style_dir, house)
    return own if own is not None and own.text != house.text else None


def _folder_sheet(style_dir: Path, house: Sheet) -> Sheet | None:
    """The style folder's file of the house sheet's name, if it is another folder's and has one."""
    name = house.name
    if style_dir.resolve() == house.folder.resolve() or not (style_dir / name).exists():
        return None
    return Sheet(style_dir, name, read_style_text(style_dir, name))


def replaces_house_sheet(css: str) -> bool:
    """Whether a sheet's first line is the marker that it starts from nothing."""
    return MARKER_LINE.match(css) is not None


def print_sheet_texts(style_dir: Path) -> tuple[str, str]:
    """The print stylesheet of a style folder as one text, sheets in cascade order (the last
    declaration of a value wins, as in the PDF), and the house sheet's text: the values the
    Word styles and the Typst engine need and a replacing sheet leaves out are the house's."""
    house_dir = default_style_dir()
    house = read_style_text(house_dir, PRINT_SHEET)
    texts = [sheet.text for sheet in _over_house(style_dir, Sheet(house_dir, PRINT_SHEET, house))]
    return "\n".join(texts), house
